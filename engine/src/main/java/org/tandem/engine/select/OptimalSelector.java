package org.tandem.engine.select;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code optimal} policy: a 0/1 multi-dimensional knapsack with cardinality bounds, solved by
 * CP-SAT in up to three lexicographic phases, each warm-started from the previous one.
 * <ol>
 *   <li>(only if the minimum quotas cannot all be met) minimise the total shortfall below the minimums;</li>
 *   <li>maximise total merit (the proof of this phase is what {@code optimal=true} means);</li>
 *   <li>tie-break: among sets of that merit, maximise Σ (n − position in {@link RankOrder}) —
 *       the set that funds proposals ranked higher, i.e. the one closest to {@code rank}'s taste.</li>
 * </ol>
 * Sets still equal after phase 3 (same merit and same rank-weight sum, which needs a coincidence of
 * positions) are left to CP-SAT, run single-threaded with a fixed seed (deterministic), so the same
 * input always gives the same output with the same OR-Tools version.
 */
final class OptimalSelector {

    private static volatile boolean nativeLoaded;

    private OptimalSelector() {
    }

    static synchronized void loadNative() {
        if (!nativeLoaded) {
            Loader.loadNativeLibraries();
            nativeLoaded = true;
        }
    }

    static RankSelector.Selection select(List<Proposal> ranked, Map<String, BigDecimal> budgets,
                                         Map<String, FieldQuota> quotas, boolean[] hint, Duration timeLimit) {
        loadNative();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        Coefficients k = Coefficients.of(ranked, budgets);
        int n = ranked.size();

        // Phase 1 with hard minimums; fall back to the shortfall phase only when they are infeasible,
        // so the common case costs no extra solve.
        Phase merit = Phase.solve(k, ranked, quotas, -1, Long.MIN_VALUE, Goal.MERIT, hint, deadline);
        long shortfallCap = 0;
        if (merit.status == CpSolverStatus.INFEASIBLE) {
            Phase shortfall = Phase.solve(k, ranked, quotas, Long.MAX_VALUE, Long.MIN_VALUE, Goal.SHORTFALL, hint, deadline);
            if (shortfall.values == null) {
                return notSolved(n);
            }
            shortfallCap = shortfall.objective;
            merit = Phase.solve(k, ranked, quotas, shortfallCap, Long.MIN_VALUE, Goal.MERIT, shortfall.values, deadline);
        }
        if (merit.values == null) {
            return notSolved(n);
        }
        boolean proven = merit.status == CpSolverStatus.OPTIMAL;
        boolean[] best = merit.values;
        if (proven) {
            long cap = shortfallCap == 0 ? -1 : shortfallCap;
            Phase tie = Phase.solve(k, ranked, quotas, cap, exactMerit(k, merit.values), Goal.RANK_WEIGHT,
                    merit.values, deadline);
            if (tie.values != null) {
                best = tie.values; // still merit-optimal even if the tie-break was not proven in time
            }
        }
        return new RankSelector.Selection(best, new String[n], proven);
    }

    /** Recomputed from the solution: the solver reports its objective as a double. */
    private static long exactMerit(Coefficients k, boolean[] values) {
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i]) {
                sum += k.merit[i];
            }
        }
        return sum;
    }

    private static RankSelector.Selection notSolved(int n) {
        return new RankSelector.Selection(new boolean[n], new String[n], false);
    }

    private enum Goal { SHORTFALL, MERIT, RANK_WEIGHT }

    /** Integer coefficients of the model, exact (see {@link ExactScaling}). */
    private record Coefficients(long[] merit, Map<String, long[]> cost, Map<String, Long> budget) {
        static Coefficients of(List<Proposal> ranked, Map<String, BigDecimal> budgets) {
            long[] merit = ExactScaling.toUnits(ranked.stream().map(Proposal::merit).toList(), "merits");
            Map<String, long[]> cost = new LinkedHashMap<>();
            Map<String, Long> budget = new LinkedHashMap<>();
            for (Map.Entry<String, BigDecimal> b : budgets.entrySet()) {
                List<BigDecimal> values = new ArrayList<>(ranked.size() + 1);
                for (Proposal p : ranked) {
                    values.add(p.costFor(b.getKey()));
                }
                values.add(b.getValue());
                long[] units = ExactScaling.toUnits(values, "amounts of party " + b.getKey());
                cost.put(b.getKey(), java.util.Arrays.copyOf(units, ranked.size()));
                budget.put(b.getKey(), units[ranked.size()]);
            }
            return new Coefficients(merit, cost, budget);
        }
    }

    /** One CP-SAT solve over a freshly built model; building is cheap next to solving. */
    private record Phase(CpSolverStatus status, boolean[] values, long objective) {

        /**
         * @param shortfallCap -1: minimums are hard; otherwise a shortfall variable per field, total ≤ cap
         * @param meritFloor   Long.MIN_VALUE for none; otherwise total merit must reach it
         */
        static Phase solve(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas, long shortfallCap,
                           long meritFloor, Goal goal, boolean[] hint, long deadline) {
            int n = ranked.size();
            CpModel model = new CpModel();
            BoolVar[] x = new BoolVar[n];
            for (int i = 0; i < n; i++) {
                x[i] = model.newBoolVar("x" + i);
                if (hint != null) {
                    model.addHint(x[i], hint[i]);
                }
            }
            for (Map.Entry<String, long[]> c : k.cost.entrySet()) {
                long[] units = c.getValue();
                long total = 0;
                for (long u : units) {
                    total += u;
                }
                long budget = k.budget.get(c.getKey());
                if (total > budget) { // a budget that covers everything constrains nothing
                    model.addLessOrEqual(LinearExpr.weightedSum(x, units), budget);
                }
            }
            List<IntVar> shortfalls = new ArrayList<>();
            for (FieldQuota q : quotas.values()) {
                List<BoolVar> inField = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (ranked.get(i).field().equals(q.field())) {
                        inField.add(x[i]);
                    }
                }
                LinearExpr count = LinearExpr.sum(inField.toArray(new BoolVar[0]));
                if (q.maxCount() < inField.size()) {
                    model.addLessOrEqual(count, q.maxCount());
                }
                if (q.minCount() > 0) {
                    if (shortfallCap < 0) {
                        model.addGreaterOrEqual(count, q.minCount());
                    } else {
                        IntVar s = model.newIntVar(0, q.minCount(), "short_" + q.field());
                        shortfalls.add(s);
                        model.addGreaterOrEqual(LinearExpr.newBuilder().addSum(inField.toArray(new BoolVar[0])).add(s).build(),
                                q.minCount());
                    }
                }
            }
            LinearExpr totalShortfall = LinearExpr.sum(shortfalls.toArray(new IntVar[0]));
            if (shortfallCap >= 0 && shortfallCap != Long.MAX_VALUE) {
                model.addLessOrEqual(totalShortfall, shortfallCap);
            }
            LinearExpr merit = LinearExpr.weightedSum(x, k.merit);
            if (meritFloor != Long.MIN_VALUE) {
                model.addGreaterOrEqual(merit, meritFloor);
            }
            switch (goal) {
                case SHORTFALL -> model.minimize(totalShortfall);
                case MERIT -> model.maximize(merit);
                case RANK_WEIGHT -> {
                    long[] weight = new long[n];
                    for (int i = 0; i < n; i++) {
                        weight[i] = n - i; // ranked[0] is the best-ranked proposal
                    }
                    model.maximize(LinearExpr.weightedSum(x, weight));
                }
            }
            CpSolver solver = new CpSolver();
            double seconds = Math.max(0.01, (deadline - System.nanoTime()) / 1e9);
            solver.getParameters()
                    .setMaxTimeInSeconds(seconds)
                    .setNumWorkers(SolverSettings.workers())
                    .setRandomSeed(0)
                    .setInterleaveSearch(SolverSettings.workers() > 1 && SolverSettings.deterministic())
                    .setLogSearchProgress(SolverSettings.log());
            CpSolverStatus status = solver.solve(model);
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
                return new Phase(status, null, 0);
            }
            boolean[] values = new boolean[n];
            for (int i = 0; i < n; i++) {
                values[i] = solver.booleanValue(x[i]);
            }
            return new Phase(status, values, Math.round(solver.objectiveValue()));
        }
    }
}
