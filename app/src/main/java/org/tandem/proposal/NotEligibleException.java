package org.tandem.proposal;

import java.util.List;

/** Submission refused because rules fail; carries every check so the applicant sees what to fix. */
public class NotEligibleException extends RuntimeException {

    private final List<EligibilityCheck> checks;

    public NotEligibleException(List<EligibilityCheck> checks) {
        super("NOT_ELIGIBLE");
        this.checks = List.copyOf(checks);
    }

    public List<EligibilityCheck> checks() {
        return checks;
    }
}
