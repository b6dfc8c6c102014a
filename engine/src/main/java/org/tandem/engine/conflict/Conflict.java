package org.tandem.engine.conflict;

/**
 * One reason why an expert should not review a proposal.
 *
 * @param detail   human-readable: names the organisation, the co-authored work and its year, …
 * @param possible the person match rests on initials or a partial name: an officer must confirm
 *                 it; it is neither enforced nor dropped
 */
public record Conflict(String proposalId, String expertId, ConflictReason reason, String detail,
                       boolean possible) {
}
