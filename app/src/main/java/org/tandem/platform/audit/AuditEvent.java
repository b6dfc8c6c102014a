package org.tandem.platform.audit;

import java.time.Instant;

/** Who did what to which object, and its state before and after (JSON). */
public record AuditEvent(long id, Instant at, String actor, String entityType, String entityId,
                         String action, String before, String after) {
}
