package org.tandem.review;

/** An expert submitted the final version of their review of one proposal for one party. */
public record ReviewSubmitted(long callId, long partyId, long proposalId, long expertPersonId) {
}
