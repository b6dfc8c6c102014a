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
    BUDGET_WITHIN_CAP(true),
    /** The party's principal investigator holds a doctorate (from their profile). Off unless a call turns it on. */
    PI_DOCTORATE(true, false),
    /** The party's principal investigator leads at most N proposals in the call. Off unless turned on. */
    PROPOSALS_PER_PI(true, false),
    /** Title and abstract also in the party's national language (Vietnamese, Russian). Off unless turned on. */
    NATIONAL_VERSION(true, false);

    private final boolean perParty;
    private final boolean onByDefault;

    EligibilityRule(boolean perParty) {
        this(perParty, true);
    }

    EligibilityRule(boolean perParty, boolean onByDefault) {
        this.perParty = perParty;
        this.onByDefault = onByDefault;
    }

    public boolean onByDefault() {
        return onByDefault;
    }

    public boolean perParty() {
        return perParty;
    }
}
