package org.tandem.engine.assign;

import java.util.List;

/**
 * The pairs chosen, with what was not met. {@code minProposalAffinity} is the smallest sum of
 * affinities over the proposals that have demands; {@code optimal} is false only when a time
 * limit stopped the fair objective before it was proven. {@code minBound} (fair only, NaN for
 * total) is a proven upper bound of that smallest sum: no assignment with as many pairs does better.
 */
public record AssignmentResult(List<Candidate> assigned, List<UnmetDemand> unmet, double totalAffinity,
                               double minProposalAffinity, boolean optimal, double minBound) {

    /** The result without a bound (objective total). */
    public AssignmentResult(List<Candidate> assigned, List<UnmetDemand> unmet, double totalAffinity,
                            double minProposalAffinity, boolean optimal) {
        this(assigned, unmet, totalAffinity, minProposalAffinity, optimal, Double.NaN);
    }
}
