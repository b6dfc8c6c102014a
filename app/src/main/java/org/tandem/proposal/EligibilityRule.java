package org.tandem.proposal;

/**
 * The eligibility rules a call applies. Common rules concern the joint proposal as a whole;
 * party rules are checked for each party's team and can be set aside only by that party's
 * officers.
 */
public enum EligibilityRule {
    REQUIRED_SECTIONS(false),
    /** The project description as a PDF. */
    ATTACHMENT_PRESENT(false),
    FIELDS_IN_CALL(false),
    DURATION_IN_RANGE(false),
    TEAM_COMPLETE(true),
    BUDGET_WITHIN_CAP(true);

    private final boolean perParty;

    EligibilityRule(boolean perParty) {
        this.perParty = perParty;
    }

    public boolean perParty() {
        return perParty;
    }
}
