package org.tandem.review;

import java.util.List;

/** One party's officer confirmed its reviewer assignment for a call: the experts named were invited. */
public record AssignmentConfirmed(long callId, long partyId, List<Long> expertPersonIds) {
}
