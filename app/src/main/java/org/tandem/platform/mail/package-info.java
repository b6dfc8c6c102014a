/**
 * Mail through the outbox: queued in the caller's transaction, delivered by a job.
 * Published to every domain module as the platform's named interface {@code mail}.
 */
@NamedInterface("mail")
package org.tandem.platform.mail;

import org.springframework.modulith.NamedInterface;
