package org.tandem.engine.select;

/**
 * The verdict for one proposal.
 *
 * @param reason empty when funded; otherwise what stopped it, in the stable format of {@link StopReason}
 */
public record Decision(String proposalId, boolean funded, String reason) {
}
