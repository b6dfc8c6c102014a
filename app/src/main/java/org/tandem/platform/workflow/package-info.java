/**
 * Workflows as data: the states of a thing, the transitions between them, and who may perform
 * each, written once per workflow and used by services, pages, the API and tests alike.
 * Published to every domain module as the platform's named interface {@code workflow}.
 */
@NamedInterface("workflow")
package org.tandem.platform.workflow;

import org.springframework.modulith.NamedInterface;
