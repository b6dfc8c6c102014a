package org.tandem.engine.conflict;

import java.util.Locale;

/** Why an expert may not review a proposal. The code is what files and the application store. */
public enum ConflictReason {
    TEAM_MEMBER,
    SAME_ORGANISATION,
    COAUTHOR,
    DECLARED_BY_EXPERT,
    DECLARED_BY_OFFICER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
