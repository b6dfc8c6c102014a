package org.tandem.selection;

import java.time.Instant;
import java.util.List;

/**
 * Every party approved the same decision set of a call, so it is final: {@code funded} become
 * joint projects, {@code reserve} wait. Carries ids only; readers ask the owning modules.
 */
public record DecisionsApproved(long callId, String digest, List<Long> funded, List<Long> reserve, Instant decidedAt) {
}
