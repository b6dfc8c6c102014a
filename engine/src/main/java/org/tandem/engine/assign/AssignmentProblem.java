package org.tandem.engine.assign;

import java.util.List;
import java.util.Set;

/** Everything an assignment needs: who can review, what each proposal needs, the candidate pairs and the forbidden ones. */
public record AssignmentProblem(List<Reviewer> reviewers, List<Demand> demands, List<Candidate> candidates,
                                Set<Pair> conflicts) {

    /** A (proposal, reviewer) pair, e.g. a conflict. */
    public record Pair(String proposalId, String reviewerId) {
    }
}
