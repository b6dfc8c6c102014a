package org.tandem.engine.affinity;

/** How well one expert fits one proposal, in [0, 1]; higher is better. */
public record AffinityScore(String proposalId, String expertId, double score) {
}
