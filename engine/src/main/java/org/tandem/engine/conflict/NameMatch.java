package org.tandem.engine.conflict;

/** How sure we are that two records name the same person. */
public enum NameMatch {
    /** Same ORCID, or the names agree word for word (up to order, script, spelling, patronymic). */
    SAME,
    /**
     * Compatible but not proven: initials ("S. Ivanov" vs "Sergei Ivanov"), a dropped middle
     * name, a one-word name. An officer confirms these; they are neither ignored nor enforced.
     */
    POSSIBLE,
    /** Different ORCIDs, or names that disagree. */
    DIFFERENT
}
