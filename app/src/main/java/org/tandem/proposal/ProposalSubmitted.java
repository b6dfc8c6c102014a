package org.tandem.proposal;

import java.time.Instant;

/**
 * A joint proposal was submitted: version {@code version} is stored with its receipt. Published
 * in the submitting transaction, so a listener learns only of what is committed.
 */
public record ProposalSubmitted(long proposalId, long callId, int version, String sha256, Instant submittedAt) {
}
