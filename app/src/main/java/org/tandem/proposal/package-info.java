/**
 * Joint proposals: one team per party, drafts, attachments, eligibility, submissions with receipts.
 * Module of DESIGN.md; it talks to other modules only through their public services and events.
 */
package org.tandem.proposal;
