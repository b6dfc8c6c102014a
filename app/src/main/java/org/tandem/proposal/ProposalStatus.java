package org.tandem.proposal;

public enum ProposalStatus {
    /** Being written; never submitted. */
    DRAFT,
    /** At least one version submitted; the teams may still improve and resubmit until the deadline. */
    SUBMITTED,
    /** Withdrawn by its applicants before the deadline; no submitted version counts. */
    WITHDRAWN;

    public String messageKey() {
        return "proposal.status." + name();
    }
}
