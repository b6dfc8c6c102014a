package org.tandem.programme;

/** The stored part of a call's status; see {@link CallStatus} for the derived one. */
public enum CallPhase {
    DRAFT, PUBLISHED, UNDER_EVALUATION, DECIDED
}
