/**
 * Scheduled work that runs once across all nodes (db-scheduler behind @ClusterScheduled).
 * Published to every domain module as the platform's named interface {@code jobs}.
 */
@NamedInterface("jobs")
package org.tandem.platform.jobs;

import org.springframework.modulith.NamedInterface;
