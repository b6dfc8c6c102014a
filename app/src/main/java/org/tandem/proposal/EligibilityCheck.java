package org.tandem.proposal;

import java.util.List;

/**
 * The result of one rule (for one party, when the rule is per party). {@code messageCode} and
 * {@code args} explain a failure in the reader's language; {@code overrideReason} is set when an
 * officer set the rule aside for this proposal.
 */
public record EligibilityCheck(EligibilityRule rule, String party, boolean passed, String messageCode,
                               List<Object> args, String overrideReason) {

    public boolean ok() {
        return passed || overrideReason != null;
    }
}
