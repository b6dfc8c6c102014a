package org.tandem.engine.assign;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The {@code fair} objective: the largest smallest per-proposal affinity sum, then the largest total
 * with that minimum kept, always with the pair count of the {@code total} assignment.
 *
 * <ol>
 *   <li><b>Bound.</b> The LP relaxation (GLOP) of "maximise t, every proposal's sum ≥ t", solved by
 *       column generation: it starts from each demand's best arcs and the {@code total} assignment,
 *       and adds the arcs whose reduced cost is positive until none is left. The bound reported is not
 *       the LP value but the Lagrangian bound of the LP's duals over <em>every</em> arc, so it holds
 *       for the whole problem whatever GLOP's tolerances and however few arcs the LP saw.</li>
 *   <li><b>Max-min.</b> CP-SAT on the arcs the LP worked with (all arcs on small instances), started
 *       from the {@code total} assignment, with the objective capped by the bound: it stops as soon as
 *       the bound is reached, or when it has not improved for a while.</li>
 *   <li><b>Total.</b> CP-SAT maximising the total with every proposal at least at that minimum.</li>
 * </ol>
 */
final class FairAssignment {

    /**
     * Arcs fed to CP-SAT in full up to this many; above it, only the LP's working set (see class comment).
     * A system property only so that tests can take the large-instance path on small instances.
     */
    static int allArcsUpTo() {
        return Integer.getInteger("tandem.fair.allArcsUpTo", 40_000);
    }

    /** @param boundUnits proven upper bound of the smallest per-proposal sum, in solver units (score × SCALE) */
    record Outcome(boolean[] chosen, boolean optimal, long boundUnits) {
    }

    private static final boolean LOG = Boolean.getBoolean("tandem.fair.log");


    private final int arcs;
    private final int[] demandOf;
    private final int[] reviewerOf;
    private final long[] scaled;
    private final List<Demand> demands;
    private final List<Reviewer> reviewers;
    private final int[] proposalOfDemand;
    private final int proposals;
    private final int count;
    private final boolean keepMinLoads;
    private BooleanSupplier stop = () -> false;

    FairAssignment(int arcs, int[] demandOf, int[] reviewerOf, long[] scaled, List<Demand> demands,
                   List<Reviewer> reviewers, int[] proposalOfDemand, int proposals, int count, boolean keepMinLoads) {
        this.arcs = arcs;
        this.demandOf = demandOf;
        this.reviewerOf = reviewerOf;
        this.scaled = scaled;
        this.demands = demands;
        this.reviewers = reviewers;
        this.proposalOfDemand = proposalOfDemand;
        this.proposals = proposals;
        this.count = count;
        this.keepMinLoads = keepMinLoads;
    }

    /** The caller's stop signal, asked between steps, in every loop and by CP-SAT's watcher. */
    FairAssignment stopWhen(BooleanSupplier stop) {
        this.stop = stop;
        return this;
    }

    private void checkStop() {
        if (stop.getAsBoolean()) {
            throw new AssignmentCancelled();
        }
    }

    Outcome solve(boolean[] totalChosen, double seconds) {
        long start = System.nanoTime();
        Bound bound = bound(totalChosen);
        checkStop();
        long floor = smallestSum(totalChosen);
        if (LOG) {
            System.err.printf("fair: bound %d, total's minimum %d, %.2f s%n", bound.units, floor, (System.nanoTime() - start) / 1e9);
        }
        boolean[] work = bound.workingSet;
        boolean exact = arcs <= allArcsUpTo();
        if (exact) {
            work = new boolean[arcs];
            Arrays.fill(work, true);
        }
        for (int i = 0; i < arcs; i++) {
            work[i] |= totalChosen[i];
        }
        long proven = bound.units;
        // Ejection chains first (fast, all in Java), then CP-SAT from there, capped by the bound.
        boolean[] best = new LocalSearch(totalChosen).raiseMinimum(proven, System.nanoTime() + (long) (seconds * 0.3e9));
        checkStop();
        long lo = smallestSum(best);
        if (LOG) {
            System.err.printf("fair: ejection chains reach %d, %.2f s%n", lo, (System.nanoTime() - start) / 1e9);
        }
        double used = (System.nanoTime() - start) / 1e9;
        if (lo < proven) {
            Step polish = cpSat(work, best, lo, proven, -1, Math.max(0.05, seconds * 0.6 - used));
            if (polish != null && smallestSum(polish.chosen) >= lo) {
                best = polish.chosen;
                lo = smallestSum(best);
                if (polish.proven && exact) {
                    proven = lo;
                }
            }
            if (LOG) {
                System.err.printf("fair: CP-SAT reaches %d%s, %.2f s%n", lo, polish != null && polish.proven ? " (proven)" : "",
                        (System.nanoTime() - start) / 1e9);
            }
        }
        checkStop();
        boolean optimalMin = lo >= proven;
        long reached = smallestSum(best);
        if (smallestSum(totalChosen) >= reached) {
            // The total assignment already keeps the fair minimum: it is the largest total, proven by its flow.
            return new Outcome(totalChosen, optimalMin, Math.max(proven, reached));
        }
        best = repair(work, best, reached);
        checkStop();
        if (LOG) {
            System.err.printf("fair: repaired total %d, %.2f s%n", total(best), (System.nanoTime() - start) / 1e9);
        }
        double left = Math.max(0.05, seconds - (System.nanoTime() - start) / 1e9);
        // On large instances the flow repair is within a few hundredths of a percent of the best total
        // (measured, docs/performance.md) and CP-SAT on the working set rarely improves it in time.
        Step total = exact ? cpSat(work, best, reached, Long.MAX_VALUE, reached, Math.min(left, Math.max(1, seconds * 0.3)))
                : null;
        checkStop();
        if (LOG) {
            System.err.printf("fair: CP-SAT total %d, %.2f s%n", total == null ? -1 : total(total.chosen), (System.nanoTime() - start) / 1e9);
        }
        boolean optimal = optimalMin;
        if (total != null && smallestSum(total.chosen) >= reached && total(total.chosen) >= total(best)) {
            best = total.chosen;
            optimal &= total.proven;
        } else {
            optimal = false; // the total under the minimum is not proven (the minimum itself may be)
        }
        return new Outcome(best, optimal, Math.max(proven, smallestSum(best)));
    }

    /**
     * Raises the total of a fair assignment while keeping every proposal at {@code threshold} or above:
     * the proposals that would fall below it keep their pairs, all others are reassigned by an exact
     * min-cost max-flow on the capacity left. Each round fixes the proposals the flow pushed below the
     * threshold, so the fixed set only grows and the rounds end; the result is never worse than the input
     * (the input's own pairs of the free proposals are a feasible flow of every round).
     */
    private boolean[] repair(boolean[] work, boolean[] chosen, long threshold) {
        boolean[] fixed = new boolean[proposals];
        long[] sum = sums(chosen);
        for (int p = 0; p < proposals; p++) {
            fixed[p] = sum[p] <= threshold;
        }
        for (int round = 0; round < 50 && !stop.getAsBoolean(); round++) {
            boolean[] flow = flowAround(work, chosen, fixed);
            if (flow == null) {
                return chosen;
            }
            long[] got = sums(flow);
            boolean ok = true;
            for (int p = 0; p < proposals; p++) {
                if (!fixed[p] && got[p] < threshold) {
                    fixed[p] = true;
                    ok = false;
                }
            }
            if (ok) {
                return total(flow) >= total(chosen) ? flow : chosen;
            }
        }
        return chosen;
    }

    /** The fixed proposals keep their pairs of {@code chosen}; the rest get the best total the remaining capacity allows. */
    private boolean[] flowAround(boolean[] work, boolean[] chosen, boolean[] fixed) {
        int[] load = new int[reviewers.size()];
        int[] taken = new int[demands.size()];
        long maxScaled = 0;
        int free = 0;
        for (int i = 0; i < arcs; i++) {
            if (fixed[proposalOfDemand[demandOf[i]]]) {
                if (chosen[i]) {
                    load[reviewerOf[i]]++;
                    taken[demandOf[i]]++;
                }
            } else if (work[i]) {
                maxScaled = Math.max(maxScaled, scaled[i]);
                free++;
            }
        }
        int source = 0;
        int firstDemand = 1;
        int firstReviewer = firstDemand + demands.size();
        int sink = firstReviewer + reviewers.size();
        MinCostFlow mcf = new MinCostFlow(sink + 1, demands.size() + free + 2 * reviewers.size());
        long asked = 0;
        for (int d = 0; d < demands.size(); d++) {
            int room = demands.get(d).required() - taken[d];
            if (room > 0) {
                mcf.addArcWithCapacityAndUnitCost(source, firstDemand + d, room, 0);
                asked += room;
            }
        }
        int[] arcId = new int[arcs];
        Arrays.fill(arcId, -1);
        for (int i = 0; i < arcs; i++) {
            if (work[i] && !fixed[proposalOfDemand[demandOf[i]]]) {
                arcId[i] = mcf.addArcWithCapacityAndUnitCost(firstDemand + demandOf[i], firstReviewer + reviewerOf[i], 1,
                        maxScaled - scaled[i]);
            }
        }
        // As in the total assignment: load short of a kept minimum is served first (penalty on the rest).
        boolean anyMin = false;
        for (int r = 0; r < reviewers.size(); r++) {
            anyMin |= minLoad(r) > load[r];
        }
        long penalty = anyMin ? (long) free * (maxScaled + 1) + 1 : 0;
        for (int r = 0; r < reviewers.size(); r++) {
            int room = reviewers.get(r).maxLoad() - load[r];
            int min = Math.max(0, Math.min(minLoad(r) - load[r], room));
            if (min > 0) {
                mcf.addArcWithCapacityAndUnitCost(firstReviewer + r, sink, min, 0);
            }
            if (room > min) {
                mcf.addArcWithCapacityAndUnitCost(firstReviewer + r, sink, room - min, penalty);
            }
        }
        mcf.setNodeSupply(source, asked);
        mcf.setNodeSupply(sink, -asked);
        if (mcf.solveMaxFlowWithMinCost() != MinCostFlowBase.Status.OPTIMAL) {
            return null;
        }
        boolean[] out = new boolean[arcs];
        int pairs = 0;
        int[] newLoad = load.clone();
        for (int i = 0; i < arcs; i++) {
            out[i] = arcId[i] >= 0 ? mcf.getFlow(arcId[i]) > 0 : fixed[proposalOfDemand[demandOf[i]]] && chosen[i];
            if (out[i]) {
                pairs++;
                if (arcId[i] >= 0) {
                    newLoad[reviewerOf[i]]++;
                }
            }
        }
        for (int r = 0; r < reviewers.size(); r++) {
            if (newLoad[r] < minLoad(r)) {
                return null; // cannot happen when chosen meets the minimums; refuse rather than break them
            }
        }
        return pairs == count ? out : null;
    }

    private long[] sums(boolean[] chosen) {
        long[] sum = new long[proposals];
        for (int i = 0; i < arcs; i++) {
            if (chosen[i]) {
                sum[proposalOfDemand[demandOf[i]]] += scaled[i];
            }
        }
        return sum;
    }

    private long total(boolean[] chosen) {
        long t = 0;
        for (int i = 0; i < arcs; i++) {
            if (chosen[i]) {
                t += scaled[i];
            }
        }
        return t;
    }

    /** The smallest per-proposal sum of an assignment, in solver units. */
    long smallestSum(boolean[] chosen) {
        long[] sum = new long[proposals];
        for (int i = 0; i < arcs; i++) {
            if (chosen[i]) {
                sum[proposalOfDemand[demandOf[i]]] += scaled[i];
            }
        }
        long min = proposals == 0 ? 0 : Long.MAX_VALUE;
        for (long s : sum) {
            min = Math.min(min, s);
        }
        return min;
    }

    private record Bound(long units, boolean[] workingSet) {
    }

    /**
     * Column generation on the LP "max t: every proposal's sum ≥ t, the same pair count, demand and
     * load limits, 0 ≤ x ≤ 1". Each round's duals give a valid bound for the full problem (weak duality
     * of the Lagrangian, see {@link #lagrangian}); the round adds the arcs that bound says could help.
     */
    private Bound bound(boolean[] totalChosen) {
        boolean[] in = new boolean[arcs];
        // Start: each demand's best arcs (a few more than it needs, so that it has room to give way) and the total assignment.
        int[][] arcsOfDemand = arcsOfDemand();
        for (int d = 0; d < demands.size(); d++) {
            int[] own = arcsOfDemand[d];
            Integer[] order = new Integer[own.length];
            for (int k = 0; k < own.length; k++) {
                order[k] = own[k];
            }
            Arrays.sort(order, (a, b) -> Long.compare(scaled[b], scaled[a]));
            int keep = Math.min(own.length, 3 * demands.get(d).required() + 4);
            for (int k = 0; k < keep; k++) {
                in[order[k]] = true;
            }
        }
        for (int i = 0; i < arcs; i++) {
            in[i] |= totalChosen[i];
        }
        double tMax = perProposalCeiling(arcsOfDemand);
        double best = tMax;
        for (int round = 0; round < 50 && !stop.getAsBoolean(); round++) {
            Duals duals = solveLp(in, tMax);
            if (duals == null) {
                break;
            }
            double[] reduced = new double[arcs];
            double bound = Math.min(lagrangian(duals, 1, tMax, reduced), lagrangian(duals, -1, tMax, null));
            best = Math.min(best, bound);
            if (best - duals.value <= 1e-9 * Math.max(1, Math.abs(duals.value))) {
                break;
            }
            // Price the arcs left out: the most promising first, a bounded number per round.
            int added = 0;
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < arcs; i++) {
                if (!in[i] && reduced[i] > 1e-9) {
                    candidates.add(i);
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            candidates.sort((a, b) -> Double.compare(reduced[b], reduced[a]));
            for (int i : candidates) {
                in[i] = true;
                if (++added >= Math.max(2_000, proposals * 4)) {
                    break;
                }
            }
        }
        // The integer optimum is a whole number of units: the bound is rounded down, with a margin far
        // above the floating-point error of the bound's sum (about 1e-12) and far below one unit.
        long units = (long) Math.floor(best * Assigner.SCALE + 1e-3);
        return new Bound(units, in);
    }

    /** t can never exceed any proposal's sum of its demands' best arcs: a finite ceiling for the LP's t. */
    private double perProposalCeiling(int[][] arcsOfDemand) {
        double[] ceiling = new double[proposals];
        for (int d = 0; d < demands.size(); d++) {
            long[] s = new long[arcsOfDemand[d].length];
            for (int k = 0; k < s.length; k++) {
                s[k] = scaled[arcsOfDemand[d][k]];
            }
            Arrays.sort(s);
            long sum = 0;
            for (int k = 0; k < Math.min(s.length, demands.get(d).required()); k++) {
                sum += Math.max(0, s[s.length - 1 - k]);
            }
            ceiling[proposalOfDemand[d]] += sum / Assigner.SCALE;
        }
        double min = proposals == 0 ? 0 : Double.POSITIVE_INFINITY;
        for (double c : ceiling) {
            min = Math.min(min, c);
        }
        return min;
    }

    private int[][] arcsOfDemand() {
        int[] n = new int[demands.size()];
        for (int i = 0; i < arcs; i++) {
            n[demandOf[i]]++;
        }
        int[][] of = new int[demands.size()][];
        for (int d = 0; d < of.length; d++) {
            of[d] = new int[n[d]];
            n[d] = 0;
        }
        for (int i = 0; i < arcs; i++) {
            of[demandOf[i]][n[demandOf[i]]++] = i;
        }
        return of;
    }

    /** Row duals of one LP solve, by row kind, with the LP's value. */
    private record Duals(double[] demand, double[] reviewer, double count, double[] proposal, double value) {
    }

    private Duals solveLp(boolean[] in, double tMax) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            MPConstraint[] demandRow = new MPConstraint[demands.size()];
            for (int d = 0; d < demandRow.length; d++) {
                demandRow[d] = lp.makeConstraint(0, demands.get(d).required(), "");
            }
            MPConstraint[] loadRow = new MPConstraint[reviewers.size()];
            for (int r = 0; r < loadRow.length; r++) {
                loadRow[r] = lp.makeConstraint(minLoad(r), reviewers.get(r).maxLoad(), "");
            }
            MPConstraint countRow = lp.makeConstraint(count, count, "");
            MPConstraint[] proposalRow = new MPConstraint[proposals];
            for (int p = 0; p < proposals; p++) {
                proposalRow[p] = lp.makeConstraint(0, MPSolver.infinity(), "");
            }
            MPVariable t = lp.makeNumVar(0, tMax, "t");
            for (MPConstraint row : proposalRow) {
                row.setCoefficient(t, -1);
            }
            for (int i = 0; i < arcs; i++) {
                if (!in[i]) {
                    continue;
                }
                MPVariable x = lp.makeNumVar(0, 1, "");
                demandRow[demandOf[i]].setCoefficient(x, 1);
                loadRow[reviewerOf[i]].setCoefficient(x, 1);
                countRow.setCoefficient(x, 1);
                proposalRow[proposalOfDemand[demandOf[i]]].setCoefficient(x, scaled[i] / Assigner.SCALE);
            }
            MPObjective objective = lp.objective();
            objective.setCoefficient(t, 1);
            objective.setMaximization();
            MPSolver.ResultStatus status = lp.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return null; // no bound better than the per-proposal ceiling from this round
            }
            double[] yd = new double[demandRow.length];
            for (int d = 0; d < yd.length; d++) {
                yd[d] = demandRow[d].dualValue();
            }
            double[] yr = new double[loadRow.length];
            for (int r = 0; r < yr.length; r++) {
                yr[r] = loadRow[r].dualValue();
            }
            double[] yp = new double[proposals];
            for (int p = 0; p < proposals; p++) {
                yp[p] = proposalRow[p].dualValue();
            }
            return new Duals(yd, yr, countRow.dualValue(), yp, objective.value());
        } finally {
            lp.delete();
        }
    }

    private int minLoad(int r) {
        return keepMinLoads ? Math.min(reviewers.get(r).minLoad(), reviewers.get(r).maxLoad()) : 0;
    }

    /**
     * Weak duality, evaluated directly: for any multipliers y, every x feasible for the LP (so every
     * assignment) has t = Σ_i y_i·(row_i·x) + (c − Aᵀy)·x, and each term is bounded using the row's
     * range (upper end where y_i &gt; 0, lower end where y_i &lt; 0, a multiplier pointing at an
     * infinite end is taken as 0) and each variable's box. Any y gives a valid bound; the LP's duals
     * give a tight one. {@code sign} flips the duals, so the bound does not depend on the solver's sign
     * convention (the smaller of the two is used; both are valid).
     *
     * @param reduced when not null, receives each arc's reduced cost (positive: the arc could raise t)
     */
    private double lagrangian(Duals y, int sign, double tMax, double[] reduced) {
        double bound = 0;
        double[] yd = new double[y.demand.length];
        for (int d = 0; d < yd.length; d++) {
            yd[d] = sign * y.demand[d];
            bound += yd[d] > 0 ? yd[d] * demands.get(d).required() : 0; // lower end 0
        }
        double[] yr = new double[y.reviewer.length];
        for (int r = 0; r < yr.length; r++) {
            yr[r] = sign * y.reviewer[r];
            bound += yr[r] > 0 ? yr[r] * reviewers.get(r).maxLoad() : yr[r] * minLoad(r);
        }
        double yc = sign * y.count;
        bound += yc * count;
        double[] yp = new double[proposals];
        double tCost = 1;
        for (int p = 0; p < proposals; p++) {
            // Proposal rows are sum − t ≥ 0 with no upper end: only non-positive multipliers are usable.
            yp[p] = Math.min(0, sign * y.proposal[p]);
            tCost += yp[p]; // t's column is −1 in every proposal row
        }
        bound += Math.max(0, tCost) * tMax;
        for (int i = 0; i < arcs; i++) {
            double rc = -(yd[demandOf[i]] + yr[reviewerOf[i]] + yc
                    + yp[proposalOfDemand[demandOf[i]]] * (scaled[i] / Assigner.SCALE));
            if (reduced != null) {
                reduced[i] = rc;
            }
            bound += Math.max(0, rc);
        }
        return bound;
    }

    private record Step(boolean[] chosen, boolean proven) {
    }


    /**
     * One CP-SAT solve over the arcs in {@code work} (the others are 0).
     *
     * @param floorForMin     step 1 (max-min, {@code minKept} &lt; 0): the smallest sum must reach this
     * @param capForMin       step 1: the proven bound, so that reaching it ends the search
     * @param minKept         step 2 (max total): every proposal keeps at least this sum; -1 for step 1
     */
    private Step cpSat(boolean[] work, boolean[] hint, long floorForMin, long capForMin, long minKept, double seconds) {
        CpModel model = new CpModel();
        BoolVar[] x = new BoolVar[arcs];
        List<List<BoolVar>> byDemand = new ArrayList<>();
        List<List<BoolVar>> byReviewer = new ArrayList<>();
        List<LinearExprBuilder> sums = new ArrayList<>();
        demands.forEach(d -> byDemand.add(new ArrayList<>()));
        reviewers.forEach(r -> byReviewer.add(new ArrayList<>()));
        for (int p = 0; p < proposals; p++) {
            sums.add(LinearExpr.newBuilder());
        }
        LinearExprBuilder total = LinearExpr.newBuilder();
        List<BoolVar> all = new ArrayList<>();
        for (int i = 0; i < arcs; i++) {
            if (!work[i]) {
                continue;
            }
            x[i] = model.newBoolVar("");
            model.addHint(x[i], hint[i] ? 1 : 0);
            byDemand.get(demandOf[i]).add(x[i]);
            byReviewer.get(reviewerOf[i]).add(x[i]);
            sums.get(proposalOfDemand[demandOf[i]]).addTerm(x[i], scaled[i]);
            total.addTerm(x[i], scaled[i]);
            all.add(x[i]);
        }
        for (int d = 0; d < demands.size(); d++) {
            model.addLessOrEqual(LinearExpr.sum(byDemand.get(d).toArray(new BoolVar[0])), demands.get(d).required());
        }
        for (int r = 0; r < reviewers.size(); r++) {
            LinearExpr load = LinearExpr.sum(byReviewer.get(r).toArray(new BoolVar[0]));
            model.addLessOrEqual(load, reviewers.get(r).maxLoad());
            if (minLoad(r) > 0) {
                model.addGreaterOrEqual(load, minLoad(r));
            }
        }
        model.addEquality(LinearExpr.sum(all.toArray(new BoolVar[0])), count);
        IntVar m = null;
        if (minKept < 0) {
            m = model.newIntVar(floorForMin, capForMin, "min");
            for (LinearExprBuilder sum : sums) {
                model.addLessOrEqual(m, sum);
            }
            model.maximize(m);
        } else {
            for (LinearExprBuilder sum : sums) {
                model.addGreaterOrEqual(sum, minKept);
            }
            model.maximize(total);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds);
        solver.getParameters().setNumWorkers(2);
        solver.getParameters().setRandomSeed(1);
        Stall stall = new Stall(solver, stop);
        CpSolverStatus status;
        try {
            status = solver.solve(model, stall);
        } finally {
            stall.watch.interrupt();
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        boolean[] chosen = new boolean[arcs];
        for (int i = 0; i < arcs; i++) {
            chosen[i] = x[i] != null && solver.booleanValue(x[i]);
        }
        return new Step(chosen, status == CpSolverStatus.OPTIMAL && !stall.stopped);
    }

    /**
     * Ends a search that has stopped improving: no better solution for 1 s and for a third of the time
     * spent so far (counted once a first solution exists). CP-SAT's own proof of a max-min rarely arrives at this size; the bound says how
     * much could be left, so waiting out the whole time limit buys little.
     */
    private static final class Stall extends CpSolverSolutionCallback {
        private final CpSolver solver;
        private final long start = System.nanoTime();
        private volatile long last;
        private volatile boolean found;
        volatile boolean stopped;
        private final Thread watch;
        private final BooleanSupplier cancelled;

        Stall(CpSolver solver, BooleanSupplier cancelled) {
            this.solver = solver;
            this.cancelled = cancelled;
            watch = new Thread(this::watch, "fair-stall");
            watch.setDaemon(true);
            watch.start();
        }

        @Override
        public void onSolutionCallback() {
            last = System.nanoTime();
            found = true;
        }

        private void watch() {
            try {
                while (true) {
                    Thread.sleep(100);
                    if (cancelled.getAsBoolean()) {
                        stopped = true;
                        solver.stopSearch();
                        return;
                    }
                    if (!found) {
                        continue; // until a first solution, only the time limit ends the search
                    }
                    long now = System.nanoTime();
                    double idle = (now - last) / 1e9;
                    if (idle > 1 && idle > (now - start) / 3e9) {
                        stopped = true;
                        solver.stopSearch();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Raises the smallest sum by ejection chains, keeping the pair count, demands and loads. Each round
     * lifts every proposal at the current minimum μ to at least μ + 1 unit, while no other proposal
     * falls to μ or below: proposal p swaps one pair (d, a) for (d, b) of the same demand; when b is
     * fully loaded, b leaves a proposal q, which takes (e, c) instead, c having room (or c = a, whose
     * pair p just released). Of the moves that work, the one losing the least total is made. A round
     * that cannot lift some proposal ends the search: a local optimum, which CP-SAT then starts from.
     */
    private final class LocalSearch {
        final boolean[] chosen;
        final long[] sum;
        final int[] load;
        final int[][] byDemand;
        final int[][] chosenOfReviewer;
        final int[] chosenCount;

        LocalSearch(boolean[] start) {
            chosen = start.clone();
            sum = sums(chosen);
            load = new int[reviewers.size()];
            int[][] of = arcsOfDemand();
            byDemand = new int[of.length][];
            for (int d = 0; d < of.length; d++) {
                Integer[] order = new Integer[of[d].length];
                for (int k = 0; k < order.length; k++) {
                    order[k] = of[d][k];
                }
                Arrays.sort(order, (x, y) -> Long.compare(scaled[y], scaled[x]));
                byDemand[d] = new int[order.length];
                for (int k = 0; k < order.length; k++) {
                    byDemand[d][k] = order[k];
                }
            }
            chosenOfReviewer = new int[reviewers.size()][];
            chosenCount = new int[reviewers.size()];
            for (int r = 0; r < reviewers.size(); r++) {
                chosenOfReviewer[r] = new int[Math.max(1, reviewers.get(r).maxLoad())];
            }
            for (int i = 0; i < arcs; i++) {
                if (chosen[i]) {
                    load[reviewerOf[i]]++;
                    chosenOfReviewer[reviewerOf[i]][chosenCount[reviewerOf[i]]++] = i;
                }
            }
        }

        boolean[] raiseMinimum(long cap, long deadline) {
            while (System.nanoTime() < deadline && !stop.getAsBoolean()) {
                long mu = Long.MAX_VALUE;
                for (long v : sum) {
                    mu = Math.min(mu, v);
                }
                if (proposals == 0 || mu >= cap) {
                    break;
                }
                long target = mu + 1;
                boolean lifted = true;
                for (int p = 0; p < proposals && lifted; p++) {
                    if (sum[p] < target) {
                        lifted = lift(p, target);
                    }
                }
                if (!lifted) {
                    break;
                }
            }
            return chosen;
        }

        private boolean spare(int r) {
            return load[r] < reviewers.get(r).maxLoad();
        }

        /** One move that brings p to {@code target}, others staying at it (or, for those still below, not falling). */
        private boolean lift(int p, long target) {
            long bestGain = Long.MIN_VALUE;
            int[] bestMove = null;
            for (int d = 0; d < demands.size(); d++) {
                if (proposalOfDemand[d] != p) {
                    continue;
                }
                for (int alpha : byDemand[d]) {
                    if (!chosen[alpha]) {
                        continue;
                    }
                    int a = reviewerOf[alpha];
                    long need = target - sum[p] + scaled[alpha]; // what the incoming pair must score
                    for (int beta : byDemand[d]) {
                        if (scaled[beta] < need) {
                            break; // sorted: none further can lift p
                        }
                        if (chosen[beta]) {
                            continue;
                        }
                        int b = reviewerOf[beta];
                        long gain = scaled[beta] - scaled[alpha];
                        if (spare(b)) {
                            if (load[a] - 1 >= minLoad(a) && gain > bestGain) {
                                bestGain = gain;
                                bestMove = new int[] {alpha, beta, -1, -1};
                            }
                            continue;
                        }
                        for (int k = 0; k < chosenCount[b]; k++) {
                            int gamma = chosenOfReviewer[b][k];
                            int q = proposalOfDemand[demandOf[gamma]];
                            long floorQ = sum[q] < target ? sum[q] : target;
                            long needQ = floorQ - sum[q] + scaled[gamma];
                            for (int delta : byDemand[demandOf[gamma]]) {
                                if (scaled[delta] < needQ) {
                                    break;
                                }
                                int c = reviewerOf[delta];
                                if (chosen[delta] || c == b || !(c == a || spare(c))) {
                                    continue;
                                }
                                if (c != a && load[a] - 1 < minLoad(a)) {
                                    continue;
                                }
                                long g = gain + scaled[delta] - scaled[gamma];
                                if (g > bestGain) {
                                    bestGain = g;
                                    bestMove = new int[] {alpha, beta, gamma, delta};
                                }
                                break; // the best-scoring usable replacement for q: later ones only lose total
                            }
                        }
                    }
                }
            }
            if (bestMove == null) {
                return false;
            }
            unset(bestMove[0]);
            if (bestMove[2] >= 0) {
                unset(bestMove[2]);
                set(bestMove[3]);
            }
            set(bestMove[1]);
            return true;
        }

        private void set(int i) {
            chosen[i] = true;
            sum[proposalOfDemand[demandOf[i]]] += scaled[i];
            int r = reviewerOf[i];
            load[r]++;
            chosenOfReviewer[r][chosenCount[r]++] = i;
        }

        private void unset(int i) {
            chosen[i] = false;
            sum[proposalOfDemand[demandOf[i]]] -= scaled[i];
            int r = reviewerOf[i];
            load[r]--;
            int[] list = chosenOfReviewer[r];
            for (int k = 0; k < chosenCount[r]; k++) {
                if (list[k] == i) {
                    list[k] = list[--chosenCount[r]];
                    break;
                }
            }
        }
    }
}
