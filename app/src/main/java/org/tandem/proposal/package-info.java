/**
 * Joint proposals: one team per party, drafts edited by every team's principal investigator
 * with optimistic versions, live eligibility, and immutable submissions with receipts. The
 * public API is {@link org.tandem.proposal.Proposals}.
 */
package org.tandem.proposal;
