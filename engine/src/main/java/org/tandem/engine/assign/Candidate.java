package org.tandem.engine.assign;

/** A pair that may be assigned, with its affinity; {@code scoreText} is the score as given, written back unchanged. */
public record Candidate(String proposalId, String reviewerId, double score, String scoreText) {
}
