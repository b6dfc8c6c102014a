package org.tandem.engine.assign;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.ArrayList;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Reviewer assignment. First the most pairs that demands, loads, candidates and conflicts
 * allow; among those, objective {@code TOTAL} maximises the sum of affinities (exact min-cost
 * max-flow) and {@code FAIR} first maximises the smallest per-proposal affinity sum, then the
 * total (CP-SAT). Minimum loads are met as far as the most pairs allow.
 */
public final class Assigner {

    public enum Objective { TOTAL, FAIR }

    /** Affinities become integers for the solvers: six decimal places are kept. */
    static final double SCALE = 1_000_000d;


    private Assigner() {
    }

    static void loadNatives() {
        org.tandem.engine.io.OrTools.load();
    }

    /**
     * The usable arcs of the flow network, in candidate order: candidates whose reviewer's group the
     * proposal demands, not conflicted. Arc k is candidate {@code candidate[k]}.
     */
    private static final class Arcs {
        final int[] candidate;
        final int[] demand;
        final int[] reviewer;
        final long[] scaled;
        int size;

        Arcs(int capacity) {
            candidate = new int[capacity];
            demand = new int[capacity];
            reviewer = new int[capacity];
            scaled = new long[capacity];
        }

        void add(int c, int d, int r, long s) {
            candidate[size] = c;
            demand[size] = d;
            reviewer[size] = r;
            scaled[size++] = s;
        }
    }

    public static AssignmentResult assign(AssignmentProblem problem, Objective objective, double fairSeconds) {
        return assign(problem, objective, fairSeconds, () -> false);
    }

    /**
     * As {@link #assign(AssignmentProblem, Objective, double)}, asking {@code stop} now and then (from more
     * than one thread, so it must be thread-safe and cheap) whether to give up; when it says yes, the fair
     * search ends within about a tenth of a second and {@link AssignmentCancelled} is thrown.
     */
    public static AssignmentResult assign(AssignmentProblem problem, Objective objective, double fairSeconds,
                                          BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new AssignmentCancelled();
        }
        Map<String, Integer> reviewerIndex = new HashMap<>();
        List<Reviewer> reviewers = problem.reviewers();
        for (int i = 0; i < reviewers.size(); i++) {
            reviewerIndex.put(reviewers.get(i).id(), i);
        }
        // proposal -> group -> demand number; looked up once per candidate, so no key strings are built.
        Map<String, Map<String, Integer>> demandIndex = new HashMap<>();
        List<Demand> demands = problem.demands();
        for (int i = 0; i < demands.size(); i++) {
            demandIndex.computeIfAbsent(demands.get(i).proposalId(), k -> new HashMap<>(4)).put(demands.get(i).group(), i);
        }
        boolean anyConflict = !problem.conflicts().isEmpty();
        Candidate[] all = problem.candidates().toArray(new Candidate[0]);
        int n = all.length;
        int[] reviewer = new int[n];
        int[] demand = new int[n];
        boolean[] conflicted = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            Candidate c = all[i];
            score[i] = c.score();
            demand[i] = -1;
            Integer r = reviewerIndex.get(c.reviewerId());
            reviewer[i] = r == null ? -1 : r;
            if (r == null) {
                continue;
            }
            Map<String, Integer> groups = demandIndex.get(c.proposalId());
            Integer d = groups == null ? null : groups.get(reviewers.get(r).group());
            if (d == null) {
                continue;
            }
            demand[i] = d;
            conflicted[i] = anyConflict
                    && problem.conflicts().contains(new AssignmentProblem.Pair(c.proposalId(), c.reviewerId()));
        }
        return assign(reviewers, demands, new CandidateArrays(n, reviewer, demand, conflicted, score, i -> all[i]),
                objective, fairSeconds, stop);
    }

    /** The assignment of candidates given as arrays; {@link #assign(AssignmentProblem, Objective, double)} in the engine's own form. */
    static AssignmentResult assign(List<Reviewer> reviewers, List<Demand> demands, CandidateArrays candidates,
                                   Objective objective, double fairSeconds) {
        return assign(reviewers, demands, candidates, objective, fairSeconds, () -> false);
    }

    static AssignmentResult assign(List<Reviewer> reviewers, List<Demand> demands, CandidateArrays candidates,
                                   Objective objective, double fairSeconds, BooleanSupplier stop) {
        loadNatives();
        int[] candidatesOf = new int[demands.size()];
        int[] conflictedOf = new int[demands.size()];
        Arcs arcs = new Arcs(candidates.size());
        long maxScaled = 0;
        int[] demandOf = candidates.demand();
        boolean[] conflicted = candidates.conflicted();
        double[] score = candidates.score();
        int[] reviewerOf = candidates.reviewer();
        for (int i = 0; i < candidates.size(); i++) {
            int d = demandOf[i];
            if (d < 0) {
                continue;
            }
            candidatesOf[d]++;
            if (conflicted[i]) {
                conflictedOf[d]++;
                continue;
            }
            long scaled = Math.round(score[i] * SCALE);
            maxScaled = Math.max(maxScaled, scaled);
            arcs.add(i, d, reviewerOf[i], scaled);
        }
        // Proposals in the order the demands first name them; proposalOf[d] is the number of demand d's proposal.
        Map<String, Integer> proposalNo = new LinkedHashMap<>();
        int[] proposalOf = new int[demands.size()];
        for (int d = 0; d < demands.size(); d++) {
            proposalOf[d] = proposalNo.computeIfAbsent(demands.get(d).proposalId(), k -> proposalNo.size());
        }

        boolean[] chosen = flow(arcs, demands, reviewers, maxScaled);
        boolean optimal = true;
        double minBound = Double.NaN;
        if (objective == Objective.FAIR) {
            if (stop.getAsBoolean()) {
                throw new AssignmentCancelled();
            }
            int count = 0;
            for (boolean b : chosen) {
                count += b ? 1 : 0;
            }
            int[] load = loads(arcs, chosen, reviewers.size());
            boolean minLoadsMet = true;
            for (int r = 0; r < reviewers.size(); r++) {
                minLoadsMet &= load[r] >= Math.min(reviewers.get(r).minLoad(), reviewers.get(r).maxLoad());
            }
            FairAssignment.Outcome fair = new FairAssignment(arcs.size, arcs.demand, arcs.reviewer, arcs.scaled,
                    demands, reviewers, proposalOf, proposalNo.size(), count, minLoadsMet).stopWhen(stop).solve(chosen, fairSeconds);
            chosen = fair.chosen();
            optimal = fair.optimal();
            minBound = fair.boundUnits() / SCALE;
        }
        return result(arcs, chosen, candidates, demands, proposalOf, proposalNo.size(), candidatesOf, conflictedOf,
                optimal, minBound);
    }

    /** Max flow, then min cost; costs are non-negative ("how far below the best score"). */
    private static boolean[] flow(Arcs arcs, List<Demand> demands, List<Reviewer> reviewers, long maxScaled) {
        int source = 0;
        int firstDemand = 1;
        int firstReviewer = firstDemand + demands.size();
        int sink = firstReviewer + reviewers.size();
        // Sized up front: millions of arcs otherwise grow the solver's arrays step by step.
        MinCostFlow mcf = new MinCostFlow(sink + 1, demands.size() + arcs.size + 2 * reviewers.size());
        for (int d = 0; d < demands.size(); d++) {
            mcf.addArcWithCapacityAndUnitCost(source, firstDemand + d, demands.get(d).required(), 0);
        }
        int[] arcIds = new int[arcs.size];
        for (int i = 0; i < arcs.size; i++) {
            arcIds[i] = mcf.addArcWithCapacityAndUnitCost(firstDemand + arcs.demand[i], firstReviewer + arcs.reviewer[i],
                    1, maxScaled - arcs.scaled[i]);
        }
        boolean anyMin = reviewers.stream().anyMatch(r -> r.minLoad() > 0);
        // Load above a reviewer's minimum costs more than any difference in affinity can repay, so
        // among the largest assignments one that reaches the minimum loads is preferred.
        long penalty = anyMin ? (long) arcs.size * (maxScaled + 1) + 1 : 0;
        if (anyMin && penalty > Long.MAX_VALUE / Math.max(1, arcs.size + 1)) {
            throw new IllegalArgumentException("too many candidate pairs for exact minimum loads at this precision");
        }
        for (int r = 0; r < reviewers.size(); r++) {
            Reviewer rv = reviewers.get(r);
            int min = Math.min(rv.minLoad(), rv.maxLoad());
            if (min > 0) {
                mcf.addArcWithCapacityAndUnitCost(firstReviewer + r, sink, min, 0);
            }
            if (rv.maxLoad() > min) {
                mcf.addArcWithCapacityAndUnitCost(firstReviewer + r, sink, rv.maxLoad() - min, penalty);
            }
        }
        // Offer everything the demands ask for; the solver sends as much as the network allows.
        long asked = demands.stream().mapToLong(Demand::required).sum();
        mcf.setNodeSupply(source, asked);
        mcf.setNodeSupply(sink, -asked);
        MinCostFlowBase.Status status = mcf.solveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("min-cost flow ended with " + status);
        }
        boolean[] chosen = new boolean[arcs.size];
        for (int i = 0; i < arcs.size; i++) {
            chosen[i] = mcf.getFlow(arcIds[i]) > 0;
        }
        return chosen;
    }

    private static int[] loads(Arcs arcs, boolean[] chosen, int reviewers) {
        int[] load = new int[reviewers];
        for (int i = 0; i < arcs.size; i++) {
            if (chosen[i]) {
                load[arcs.reviewer[i]]++;
            }
        }
        return load;
    }

    private static AssignmentResult result(Arcs arcs, boolean[] chosen, CandidateArrays candidates, List<Demand> demands,
                                           int[] proposalOf, int proposals, int[] candidatesOf, int[] conflictedOf,
                                           boolean optimal, double minBound) {
        List<Candidate> assigned = new ArrayList<>();
        int[] got = new int[demands.size()];
        double[] sumOfProposal = new double[proposals];
        double[] score = candidates.score();
        double total = 0;
        for (int k = 0; k < arcs.size; k++) {
            if (chosen[k]) {
                int i = arcs.candidate[k];
                assigned.add(candidates.candidate().apply(i));
                got[arcs.demand[k]]++;
                total += score[i];
                sumOfProposal[proposalOf[arcs.demand[k]]] += score[i];
            }
        }
        List<UnmetDemand> unmet = new ArrayList<>();
        for (int d = 0; d < demands.size(); d++) {
            Demand dm = demands.get(d);
            int missing = dm.required() - got[d];
            if (missing > 0) {
                int usable = candidatesOf[d] - conflictedOf[d];
                UnmetDemand.Reason reason = usable == 0 && candidatesOf[d] > 0 ? UnmetDemand.Reason.ALL_CONFLICTED
                        : usable < dm.required() ? UnmetDemand.Reason.NO_CANDIDATES_LEFT
                        : UnmetDemand.Reason.CAPACITY_EXHAUSTED;
                unmet.add(new UnmetDemand(dm.proposalId(), dm.group(), missing, reason));
            }
        }
        double min = proposals == 0 ? 0 : Double.POSITIVE_INFINITY;
        for (double sum : sumOfProposal) {
            min = Math.min(min, sum);
        }
        return new AssignmentResult(assigned, unmet, total, min, optimal, minBound);
    }

}
