package org.tandem.platform.security;

/**
 * The roles of DESIGN.md. Some only make sense within a programme and a party (an officer of
 * the Vietnamese agency is not an officer of the Russian one); {@link #partyScoped} says which.
 */
public enum Role {
    VISITOR(false),
    APPLICANT(false),
    EXPERT(false),
    PROGRAMME_OFFICER(true),
    COMMITTEE_MEMBER(true),
    PROJECT_LEAD(false),
    INNOVATION_STAFF(false),
    ANALYST(false),
    ADMINISTRATOR(false);

    private final boolean partyScoped;

    Role(boolean partyScoped) {
        this.partyScoped = partyScoped;
    }

    public boolean partyScoped() {
        return partyScoped;
    }

    public String messageKey() {
        return "role." + name();
    }
}
