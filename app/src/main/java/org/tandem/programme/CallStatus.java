package org.tandem.programme;

/**
 * What a call is, as people see it. {@code PUBLISHED}, {@code OPEN} and {@code CLOSED} all
 * come from the stored phase {@link CallPhase#PUBLISHED} read against the server's clock, so
 * no job has to flip a flag at the deadline and the deadline is exact to the instant.
 */
public enum CallStatus {
    DRAFT, PUBLISHED, OPEN, CLOSED, UNDER_EVALUATION, DECIDED;

    public String messageKey() {
        return "call.status." + name();
    }

    /** Visible to the public: everything after every party approved. */
    public boolean isPublic() {
        return this != DRAFT;
    }
}
