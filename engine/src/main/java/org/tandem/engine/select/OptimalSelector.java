package org.tandem.engine.select;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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

    /**
     * Deterministic time (about seconds) for the rank-order tie-break on large instances. A quarter of the merit
     * proof's time, as before, spent up to 2 s on the hard correlated seeds, where the rank weight then rose by
     * 0.02 % or not at all (2026-12-04); the half unit keeps what it finds in the first half second.
     */
    private static final double TIE_BREAK_WORK = 0.5;

    private OptimalSelector() {
    }

    static void loadNative() {
        org.tandem.engine.io.OrTools.load();
    }

    static RankSelector.Selection select(List<Proposal> ranked, Map<String, BigDecimal> budgets,
                                         Map<String, FieldQuota> quotas, boolean[] hint, Duration timeLimit) {
        long t = System.nanoTime();
        loadNative();
        if (SolverSettings.log()) {
            System.err.printf("select: natives waited %d ms%n", (System.nanoTime() - t) / 1_000_000);
        }
        long deadline = System.nanoTime() + timeLimit.toNanos();
        Coefficients k = Coefficients.of(ranked, budgets);
        int n = ranked.size();
        BigDecimal unit = ExactScaling.unit(ranked.stream().map(Proposal::merit).toList());

        // The usual case: minimums are feasible, and the LP relaxation with reduced-cost fixing leaves
        // CP-SAT a small core to prove. Infeasible minimums (no incumbent, core infeasible) take the
        // lexicographic path below.
        long started = System.nanoTime();
        Core core = Core.solve(k, ranked, quotas, hint, deadline);
        if (SolverSettings.log()) {
            System.err.printf("select: core done after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        }
        if (core != null) {
            boolean[] best = core.values;
            if (core.proven && core.ranked) {
                // The enumeration went through every set of the optimal merit: its choice is the exact tie-break.
                if (SolverSettings.log()) {
                    System.err.printf("select: tie-break by enumeration, weight %d after %d ms%n", rankWeight(best),
                            (System.nanoTime() - started) / 1_000_000);
                }
            } else if (core.proven) {
                long merit = exactMerit(k, core.values);
                Fixing tieFix = core.relaxation == null ? null : core.relaxation.fixing(merit, false);
                // The tie-break only chooses among sets of the proven best merit; on large instances with many
                // such sets CP-SAT rarely proves it, so it gets a fixed half unit of deterministic time, not the
                // whole time limit. Small instances prove it at once (their result is the documented one);
                // deterministic time keeps large ones reproducible.
                Phase tie = Phase.solve(k, ranked, quotas, -1, merit, Long.MAX_VALUE, Goal.RANK_WEIGHT, core.values, deadline, tieFix,
                        false, TIE_BREAK_WORK);
                if (tie.values != null) {
                    best = tie.values; // still merit-optimal even if the tie-break was not proven in time
                }
                if (SolverSettings.log()) {
                    System.err.printf("select: tie-break %s weight %d (start %d) after %d ms%n", tie.status, tie.objective,
                            rankWeight(core.values), (System.nanoTime() - started) / 1_000_000);
                }
            }
            return new RankSelector.Selection(best, new String[n], core.proven,
                    unit.multiply(BigDecimal.valueOf(core.proven ? exactMerit(k, best) : core.bound)));
        }

        Phase merit = Phase.solve(k, ranked, quotas, -1, Long.MIN_VALUE, Goal.MERIT, hint, deadline, null);
        long shortfallCap = 0;
        if (merit.status == CpSolverStatus.INFEASIBLE) {
            Phase shortfall = Phase.solve(k, ranked, quotas, Long.MAX_VALUE, Long.MIN_VALUE, Goal.SHORTFALL, hint,
                    deadline, null);
            if (shortfall.values == null) {
                return notSolved(n);
            }
            shortfallCap = shortfall.objective;
            merit = Phase.solve(k, ranked, quotas, shortfallCap, Long.MIN_VALUE, Goal.MERIT, shortfall.values, deadline,
                    null);
        }
        if (merit.values == null) {
            return notSolved(n);
        }
        boolean proven = merit.status == CpSolverStatus.OPTIMAL;
        boolean[] best = merit.values;
        if (proven) {
            long cap = shortfallCap == 0 ? -1 : shortfallCap;
            Phase tie = Phase.solve(k, ranked, quotas, cap, exactMerit(k, merit.values), Goal.RANK_WEIGHT,
                    merit.values, deadline, null);
            if (tie.values != null) {
                best = tie.values; // still merit-optimal even if the tie-break was not proven in time
            }
        }
        // The bound is the solver's own in this path (minimums relaxed by the shortfall are a different problem).
        long bound = proven ? exactMerit(k, best) : Math.max(exactMerit(k, best), merit.bound);
        return new RankSelector.Selection(best, new String[n], proven, unit.multiply(BigDecimal.valueOf(bound)));
    }


    private static long rankWeight(boolean[] values) {
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] ? values.length - i : 0;
        }
        return sum;
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
        return new RankSelector.Selection(new boolean[n], new String[n], false, null);
    }

    private enum Goal { SHORTFALL, MERIT, RANK_WEIGHT }

    /** Integer coefficients of the model, exact (see {@link ExactScaling}). */
    record Coefficients(long[] merit, Map<String, long[]> cost, Map<String, Long> budget) {
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
    private record Phase(CpSolverStatus status, boolean[] values, long objective, long bound) {

        /**
         * @param shortfallCap -1: minimums are hard; otherwise a shortfall variable per field, total ≤ cap
         * @param meritFloor   Long.MIN_VALUE for none; otherwise total merit must reach it
         */
        static Phase solve(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas, long shortfallCap,
                           long meritFloor, Goal goal, boolean[] hint, long deadline, Fixing fixing) {
            return solve(k, ranked, quotas, shortfallCap, meritFloor, Long.MAX_VALUE, goal, hint, deadline, fixing, false, 0);
        }

        static Phase solve(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas, long shortfallCap,
                           long meritFloor, long meritCap, Goal goal, boolean[] hint, long deadline, Fixing fixing,
                           boolean stopAtFirst, double workLimit) {
            return solve(k, ranked, quotas, shortfallCap, meritFloor, meritCap, goal, hint, deadline, fixing, stopAtFirst,
                    workLimit, null, Long.MAX_VALUE);
        }

        /** @param meritCap Long.MAX_VALUE for none; otherwise a proven upper bound of the merit (helps the proof) */
        static Phase solve(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas, long shortfallCap,
                           long meritFloor, long meritCap, Goal goal, boolean[] hint, long deadline, Fixing fixing,
                           boolean stopAtFirst, double workLimit, LagrangianCuts cuts, long stopAbove) {
            return solve(k, ranked, quotas, shortfallCap, meritFloor, meritCap, goal, hint, deadline, fixing, stopAtFirst,
                    workLimit, cuts, stopAbove, 0, false);
        }

        /**
         * @param seed   CP-SAT's random seed (each restart of the last-unit search uses another one)
         * @param deepLp linearization level 2 (the LP over all constraints, with its cuts) instead of CP-SAT's default
         */
        static Phase solve(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas, long shortfallCap,
                           long meritFloor, long meritCap, Goal goal, boolean[] hint, long deadline, Fixing fixing,
                           boolean stopAtFirst, double workLimit, LagrangianCuts cuts, long stopAbove, int seed,
                           boolean deepLp) {
            int n = ranked.size();
            CpModel model = new CpModel();
            BoolVar[] x = new BoolVar[n];
            for (int i = 0; i < n; i++) {
                x[i] = model.newBoolVar("x" + i);
                if (hint != null) {
                    model.addHint(x[i], hint[i]);
                }
                if (fixing != null && fixing.fixed[i]) {
                    model.addEquality(x[i], fixing.value[i] ? 1 : 0);
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
            if (meritCap != Long.MAX_VALUE) {
                model.addLessOrEqual(merit, meritCap);
            }
            if (cuts != null) {
                addCuts(model, x, k, ranked, cuts);
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
                    .setRandomSeed(seed)
                    .setInterleaveSearch(SolverSettings.workers() > 1 && SolverSettings.deterministic())
                    .setLogSearchProgress(SolverSettings.log())
                    .setStopAfterFirstSolution(stopAtFirst);
            if (deepLp) {
                solver.getParameters().setLinearizationLevel(2);
            }
            if (workLimit > 0) {
                // Deterministic time, not seconds: the same input then stops at the same point on any machine load.
                solver.getParameters().setMaxDeterministicTime(workLimit);
            }
            CpSolverStatus status;
            if (stopAbove != Long.MAX_VALUE) {
                // Stops at the first solution whose objective exceeds stopAbove (single-threaded: reproducible).
                status = solver.solve(model, new com.google.ortools.sat.CpSolverSolutionCallback() {
                    @Override
                    public void onSolutionCallback() {
                        if (objectiveValue() > stopAbove + 0.5) {
                            stopSearch();
                        }
                    }
                });
            } else {
                status = solver.solve(model);
            }
            if (SolverSettings.log()) {
                // One line per CP-SAT search: where the time of a slow instance goes (which round, which kind of search).
                System.err.printf("select:   %s search, floor %s, cap %s, first only %s, work %.2f, cuts %s, seed %d: %s"
                                + " after %.2f deterministic s, %.0f ms%n",
                        goal, meritFloor == Long.MIN_VALUE ? "-" : meritFloor, meritCap == Long.MAX_VALUE ? "-" : meritCap,
                        stopAtFirst, workLimit, cuts != null, seed, status, solver.response().getDeterministicTime(),
                        solver.wallTime() * 1000);
            }
            if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
                return new Phase(status, null, 0, Long.MAX_VALUE);
            }
            boolean[] values = new boolean[n];
            for (int i = 0; i < n; i++) {
                values[i] = solver.booleanValue(x[i]);
            }
            // CP-SAT's bound is a double: rounded down only when it is integral to far below one unit.
            double b = solver.bestObjectiveBound();
            long bound = goal == Goal.MERIT ? (long) Math.floor(b + 1e-6) : Long.MAX_VALUE;
            return new Phase(status, values, Math.round(solver.objectiveValue()), bound);
        }
    }

    /** The rows of {@link LagrangianCuts}: implied by merit ≥ its target, they only speed the search up. */
    private static void addCuts(CpModel model, BoolVar[] x, Coefficients k, List<Proposal> ranked, LagrangianCuts cuts) {
        for (Map.Entry<String, Long> e : cuts.minSpend().entrySet()) {
            model.addGreaterOrEqual(LinearExpr.weightedSum(x, k.cost.get(e.getKey())), e.getValue());
        }
        Map<String, List<BoolVar>> byField = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            byField.computeIfAbsent(ranked.get(i).field(), f -> new ArrayList<>()).add(x[i]);
        }
        for (Map.Entry<String, Integer> e : cuts.minCount().entrySet()) {
            List<BoolVar> vars = byField.getOrDefault(e.getKey(), List.of());
            model.addGreaterOrEqual(LinearExpr.sum(vars.toArray(new BoolVar[0])), e.getValue());
        }
        for (Map.Entry<String, Integer> e : cuts.maxCount().entrySet()) {
            List<BoolVar> vars = byField.getOrDefault(e.getKey(), List.of());
            model.addLessOrEqual(LinearExpr.sum(vars.toArray(new BoolVar[0])), e.getValue());
        }
        List<BoolVar> vars = new ArrayList<>();
        List<Long> coef = new ArrayList<>();
        long rhs = cuts.cap();
        for (int i = 0; i < x.length; i++) {
            long w = cuts.weight()[i];
            if (w < 0) {
                model.addEquality(x[i], cuts.in()[i] ? 1 : 0);
            } else if (w > 0) {
                vars.add(x[i]);
                coef.add(cuts.in()[i] ? -w : w); // in: weight·(1 − x_i); out: weight·x_i
                rhs -= cuts.in()[i] ? w : 0;
            }
        }
        if (!vars.isEmpty()) {
            model.addLessOrEqual(LinearExpr.weightedSum(vars.toArray(new BoolVar[0]),
                    coef.stream().mapToLong(Long::longValue).toArray()), rhs);
        }
    }

    /** Variables whose value every solution of interest shares: fixed[i] means x_i = value[i]. */
    record Fixing(boolean[] fixed, boolean[] value, int count) {
    }

    /**
     * The LP relaxation (GLOP) turned into an exact bound. For any multipliers y of the budget and quota
     * rows, every funded set x has merit(x) = Σ y·row(x) + Σ_i d_i·x_i with d_i = merit_i − Σ y·column_i;
     * bounding each row by its range and each x_i by 0 or 1 gives L(y) = Σ y·(row end) + Σ max(0, d_i),
     * an upper bound of the merit. It is evaluated in exact decimal arithmetic from whatever multipliers
     * GLOP returns (a multiplier pointing at an infinite row end is taken as 0), so no solver tolerance
     * can make it invalid; GLOP's duals only make it tight. A set that disagrees with the sign of d_i
     * on proposal i has merit at most L − |d_i|: that is the reduced-cost fixing.
     */
    static final class Relaxation {
        final BigDecimal bound;
        final BigDecimal[] reduced;
        final double[] lpValue;
        /** Multiplier per party of the budget row (per unit of money, ≥ 0), null where none was used. */
        final Map<String, BigDecimal> budgetY;
        /** Per quota row used: the field, the row end the multiplier points at, and the multiplier (≠ 0). */
        final List<QuotaTerm> quotaY;

        record QuotaTerm(String field, int end, BigDecimal y) {
        }

        private Relaxation(BigDecimal bound, BigDecimal[] reduced, double[] lpValue, Map<String, BigDecimal> budgetY,
                           List<QuotaTerm> quotaY) {
            this.bound = bound;
            this.reduced = reduced;
            this.lpValue = lpValue;
            this.budgetY = budgetY;
            this.quotaY = quotaY;
        }

        /** floor(L): merits are whole units. */
        long floorBound() {
            return bound.setScale(0, RoundingMode.FLOOR).longValueExact();
        }

        /**
         * @param strict true: fixes what every set of merit &gt; {@code threshold} shares; false: merit ≥ threshold
         */
        Fixing fixing(long threshold, boolean strict) {
            BigDecimal need = BigDecimal.valueOf(strict ? threshold + 1 : threshold);
            int n = reduced.length;
            boolean[] fixed = new boolean[n];
            boolean[] value = new boolean[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (bound.subtract(reduced[i].abs()).compareTo(need) < 0) {
                    fixed[i] = true;
                    value[i] = reduced[i].signum() > 0;
                    count++;
                }
            }
            return new Fixing(fixed, value, count);
        }

        /** @return null when GLOP finds no optimum (e.g. the minimums are infeasible even fractionally) */
        static Relaxation of(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas) {
            int n = ranked.size();
            MPSolver lp = MPSolver.createSolver("GLOP");
            if (lp == null) {
                return null;
            }
            try {
                MPVariable[] x = new MPVariable[n];
                MPObjective objective = lp.objective();
                for (int i = 0; i < n; i++) {
                    x[i] = lp.makeNumVar(0, 1, "");
                    objective.setCoefficient(x[i], k.merit[i]);
                }
                objective.setMaximization();
                List<String> parties = new ArrayList<>(k.cost.keySet());
                MPConstraint[] budgetRow = new MPConstraint[parties.size()];
                for (int b = 0; b < parties.size(); b++) {
                    long[] units = k.cost.get(parties.get(b));
                    long budget = k.budget.get(parties.get(b));
                    long total = 0;
                    for (long u : units) {
                        total += u;
                    }
                    if (total <= budget || budget == 0) {
                        continue; // no constraint, or (budget 0) handled exactly below by fixing out every payer
                    }
                    // Rows divided by the budget: kopeck-scale coefficients would strain the LP's tolerances.
                    budgetRow[b] = lp.makeConstraint(-MPSolver.infinity(), 1, "");
                    for (int i = 0; i < n; i++) {
                        if (units[i] != 0) {
                            budgetRow[b].setCoefficient(x[i], (double) units[i] / budget);
                        }
                    }
                }
                List<int[]> rows = new ArrayList<>(); // per quota row: min, max (max capped at the field's size)
                List<String> rowField = new ArrayList<>();
                List<MPConstraint> quotaRow = new ArrayList<>();
                for (FieldQuota q : quotas.values()) {
                    int members = 0;
                    for (Proposal p : ranked) {
                        members += p.field().equals(q.field()) ? 1 : 0;
                    }
                    int max = Math.min(q.maxCount(), members);
                    if (q.minCount() == 0 && max == members) {
                        continue;
                    }
                    MPConstraint row = lp.makeConstraint(q.minCount(), max, "");
                    for (int i = 0; i < n; i++) {
                        if (ranked.get(i).field().equals(q.field())) {
                            row.setCoefficient(x[i], 1);
                        }
                    }
                    rows.add(new int[] {q.minCount(), max});
                    rowField.add(q.field());
                    quotaRow.add(row);
                }
                for (int b = 0; b < parties.size(); b++) {
                    if (k.budget.get(parties.get(b)) == 0) {
                        long[] units = k.cost.get(parties.get(b));
                        for (int i = 0; i < n; i++) {
                            if (units[i] > 0) {
                                x[i].setUb(0);
                            }
                        }
                    }
                }
                if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                    return null;
                }
                double[] lpValue = new double[n];
                for (int i = 0; i < n; i++) {
                    lpValue[i] = x[i].solutionValue();
                }
                Relaxation best = null;
                for (int sign = -1; sign <= 1; sign += 2) {
                    Relaxation r = lagrangian(sign, k, ranked, parties, budgetRow, rows, rowField, quotaRow, lpValue);
                    if (best == null || r.bound.compareTo(best.bound) < 0) {
                        best = r;
                    }
                }
                return best;
            } finally {
                lp.delete();
            }
        }

        /** L(y) for GLOP's duals times {@code sign} (either convention gives a valid bound; the smaller is kept). */
        private static Relaxation lagrangian(int sign, Coefficients k, List<Proposal> ranked, List<String> parties,
                                             MPConstraint[] budgetRow, List<int[]> rows, List<String> rowField,
                                             List<MPConstraint> quotaRow, double[] lpValue) {
            int n = ranked.size();
            BigDecimal bound = BigDecimal.ZERO;
            Map<String, BigDecimal> budgetY = new LinkedHashMap<>();
            List<QuotaTerm> quotaY = new ArrayList<>();
            BigDecimal[] d = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                d[i] = BigDecimal.valueOf(k.merit[i]);
            }
            for (int b = 0; b < parties.size(); b++) {
                long[] units = k.cost.get(parties.get(b));
                long budget = k.budget.get(parties.get(b));
                if (budget == 0) {
                    // x_i = 0 for every payer is implied by the budget itself: an infinite multiplier, in effect.
                    for (int i = 0; i < n; i++) {
                        if (units[i] > 0) {
                            d[i] = null;
                        }
                    }
                    continue;
                }
                if (budgetRow[b] == null) {
                    continue;
                }
                double scaledDual = sign * budgetRow[b].dualValue();
                if (!(scaledDual > 0)) {
                    continue; // a ≤ row only takes a non-negative multiplier
                }
                // The row was divided by the budget: its multiplier per unit of money is dual ÷ budget. Any
                // rounding here changes which y is used, never whether the bound is valid.
                BigDecimal y = new BigDecimal(scaledDual).divide(BigDecimal.valueOf(budget), MathContext.DECIMAL128);
                bound = bound.add(y.multiply(BigDecimal.valueOf(budget)));
                budgetY.put(parties.get(b), y);
                for (int i = 0; i < n; i++) {
                    if (units[i] != 0 && d[i] != null) {
                        d[i] = d[i].subtract(y.multiply(BigDecimal.valueOf(units[i])));
                    }
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                double dual = sign * quotaRow.get(r).dualValue();
                if (dual == 0 || Double.isNaN(dual)) {
                    continue;
                }
                BigDecimal y = new BigDecimal(dual);
                int[] range = rows.get(r);
                bound = bound.add(y.multiply(BigDecimal.valueOf(dual > 0 ? range[1] : range[0])));
                String field = rowField.get(r);
                quotaY.add(new QuotaTerm(field, dual > 0 ? range[1] : range[0], y));
                for (int i = 0; i < n; i++) {
                    if (d[i] != null && ranked.get(i).field().equals(field)) {
                        d[i] = d[i].subtract(y);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (d[i] != null && d[i].signum() > 0) {
                    bound = bound.add(d[i]);
                }
            }
            // A proposal a party with a zero budget would have to pay is never funded (its x_i has upper end 0):
            // a reduced cost below −L makes fixing always remove it.
            for (int i = 0; i < n; i++) {
                if (d[i] == null) {
                    d[i] = bound.abs().add(BigDecimal.valueOf(k.merit[i] + 1)).negate();
                }
            }
            return new Relaxation(bound, d, lpValue, budgetY, quotaY);
        }
    }

    /** Outcome of the core solve: the best set, whether it is proven, and a proven bound of the merit (units). */
    private record Core(boolean[] values, boolean proven, long bound, Relaxation relaxation, boolean ranked) {

        /** @param ranked true when values is already the set of greatest rank weight among the max-merit sets */
        Core(boolean[] values, boolean proven, long bound, Relaxation relaxation) {
            this(values, proven, bound, relaxation, false);
        }

        /**
         * LP bound, incumbent (the better of the rank set and a greedy rounding of the LP), one aim at the bound
         * itself ({@link Aim}), then rounds: reduced-cost fixing against the incumbent, CP-SAT on what is left
         * for a set strictly better than it. A short
         * first round usually improves the incumbent; fixing again against the better one shrinks the
         * core before the long round. Returns null when no feasible incumbent is known (the minimums may
         * be infeasible): the caller's lexicographic path decides then.
         */
        static Core solve(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas, boolean[] hint,
                          long deadline) {
            long started = System.nanoTime();
            Relaxation rel = Relaxation.of(k, ranked, quotas);
            if (rel == null) {
                return null;
            }
            if (SolverSettings.log()) {
                System.err.printf("select: relaxation after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            }
            boolean[] incumbent = null;
            if (hint != null && feasible(k, ranked, quotas, hint)) {
                incumbent = hint;
            }
            boolean[] greedy = greedy(k, ranked, quotas, rel);
            if (greedy != null && (incumbent == null || exactMerit(k, greedy) > exactMerit(k, incumbent))) {
                incumbent = greedy;
            }
            if (incumbent == null) {
                return null;
            }
            long cap = rel.floorBound();
            long z = exactMerit(k, incumbent);
            Aim aim = Aim.at(k, ranked, quotas, rel, incumbent, z, cap, deadline, started);
            if (aim.found != null) {
                return new Core(aim.found, true, exactMerit(k, aim.found), rel, aim.ranked);
            }
            if (aim.better != null && SolverSettings.aimKeeps()) {
                incumbent = aim.better; // short of the bound but above the incumbent: the rounds start from it
                z = exactMerit(k, incumbent);
            }
            long known = aim.known; // a proven bound of the merit, cap or below
            long bound = known;
            // Each round asks the core for any set better than the incumbent and stops at the first one:
            // the better incumbent fixes more proposals, so the next core is smaller. A round that proves
            // there is none proves the incumbent optimal.
            for (int round = 0; z < known; round++) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                Fixing fix = rel.fixing(z, true);
                boolean[] swapped = Swaps.improve(k, ranked, quotas, incumbent, fix);
                if (swapped != null) {
                    incumbent = swapped; // cheaper than a CP-SAT round; fix again against it
                    z = exactMerit(k, incumbent);
                    continue;
                }
                if (SolverSettings.log()) {
                    System.err.printf("select: round %d, incumbent %d, LP bound %d, %d of %d fixed, %d ms%n", round, z,
                            cap, fix.count(), ranked.size(), (System.nanoTime() - started) / 1_000_000);
                }
                // A quick try (one unit of deterministic time, about a second); see below. It also runs for the
                // last unit, before the restarts of lastUnit: skipping it there gained a second on most correlated
                // seeds and lost four to six on others (2026-12-04, seeds 1–20).
                LagrangianCuts cuts = SolverSettings.lagrangianCuts() ? LagrangianCuts.of(rel, z + 1, k.budget) : null;
                Phase ph = Phase.solve(k, ranked, quotas, -1, z + 1, cap, Goal.MERIT, incumbent, deadline, fix, true, 1.0,
                        cuts, Long.MAX_VALUE);
                if (ph.status == CpSolverStatus.INFEASIBLE) {
                    return new Core(incumbent, true, z, rel); // nothing beats the incumbent
                }
                if (ph.status == CpSolverStatus.OPTIMAL) {
                    return new Core(ph.values, true, exactMerit(k, ph.values), rel);
                }
                if (ph.values != null) {
                    incumbent = ph.values;
                    z = exactMerit(k, incumbent);
                    continue;
                }
                // No better set found quickly. "Merit ≥ z + 1" as a hard row makes the last unit a feasibility
                // puzzle CP-SAT is bad at; plain maximisation on the same core, from the incumbent, finds and
                // proves it far more often (measured on the correlated instances).
                // With the cuts it stops at the first solution better than z, and the next round fixes and cuts
                // against that one (tighter).
                Phase last = lastUnit(k, ranked, quotas, incumbent, z, cap, deadline, fix, cuts);
                if (last.values != null && exactMerit(k, last.values) > z) {
                    incumbent = last.values;
                    z = exactMerit(k, incumbent);
                    if (cuts != null && last.status != CpSolverStatus.OPTIMAL) {
                        continue;
                    }
                }
                if (cuts != null && last.status == CpSolverStatus.INFEASIBLE) {
                    return new Core(incumbent, true, z, rel); // the cuts admit every set better than z: none
                }
                if (last.status == CpSolverStatus.OPTIMAL) {
                    // The core's best is optimal among the sets that agree with the fixing; the others have ≤ z.
                    return new Core(incumbent, true, z, rel);
                }
                // Out of time: the core's own bound holds for the sets better than z, z for the rest.
                bound = Math.max(z, Math.min(known, last.bound));
                break;
            }
            if (z >= known) {
                return new Core(incumbent, true, z, rel);
            }
            return new Core(incumbent, false, Math.max(z, bound), rel);
        }

        /**
         * Before the rounds: aim straight at the rounded-down bound. On 16 of 24 correlated seeds the optimum
         * is that bound, and every seed over 5 s was one of them: the time went into climbing to it round by
         * round, each round's core larger than the last one's. Asking for merit ≥ cap at once lets the fixing
         * and the rows for that target ({@link Relaxation#fixing}, {@link LagrangianCuts}) leave the
         * smallest core there is, and the restarts of {@link #restarts} either find such a set (optimal) or
         * prove there is none, which lowers the known bound by one (and, with more than one level, aims at that).
         * Each aim has a fixed budget of deterministic time (reproducible); when it runs out, the best set its
         * restarts found (they satisfy every budget and quota) replaces the incumbent if it is better, and the
         * rounds end as soon as the incumbent reaches the known bound. Lowering the
         * cap the rounds use instead changes which of their searches counts as the last unit, and was worse.
         */
        private record Aim(boolean[] found, long known, boolean[] better, boolean ranked) {
            Aim(boolean[] found, long known, boolean[] better) {
                this(found, known, better, false);
            }

            static Aim at(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas, Relaxation rel,
                          boolean[] incumbent, long z, long cap, long deadline, long started) {
                long known = cap;
                double work = SolverSettings.aimWork();
                if (!SolverSettings.lagrangianCuts()) {
                    return new Aim(null, known, null);
                }
                boolean[] better = null;
                int searched = 0; // levels given to CP-SAT
                while (z < known) {
                    LagrangianCuts cuts = LagrangianCuts.of(rel, known, k.budget);
                    if (cuts == null) {
                        break;
                    }
                    if (SolverSettings.enumerate()) {
                        CoreEnumeration.Result e = CoreEnumeration.search(k, ranked, quotas, cuts, known, known,
                                SolverSettings.enumerationStored(), SolverSettings.enumerationStreamed(),
                                SolverSettings.enumerationChecks(), true, deadline);
                        if (SolverSettings.log()) {
                            System.err.printf("select: enumeration at %d: %s (%d sets in the larger part, %d pairs)"
                                            + " after %d ms%n", known, e.outcome(), e.states(), e.checks(),
                                    (System.nanoTime() - started) / 1_000_000);
                        }
                        if (e.outcome() == CoreEnumeration.Outcome.FOUND && exactMerit(k, e.set()) >= known
                                && feasible(k, ranked, quotas, e.set())) {
                            return new Aim(e.set(), known, null, e.ranked());
                        }
                        if (e.outcome() == CoreEnumeration.Outcome.NONE) {
                            known--; // every set of merit known was listed: there is none
                            continue;
                        }
                    }
                    if (work <= 0 || searched++ >= SolverSettings.aimLevels()) {
                        break;
                    }
                    Fixing fix = rel.fixing(known - 1, true);
                    Phase p = restarts(k, ranked, quotas, incumbent, known - 1, known, deadline, fix, cuts, work);
                    if (SolverSettings.log()) {
                        System.err.printf("select: aim at %d (%d of %d fixed): %s after %d ms%n", known, fix.count(),
                                ranked.size(), p.status, (System.nanoTime() - started) / 1_000_000);
                    }
                    if (p.values != null && exactMerit(k, p.values) >= known && feasible(k, ranked, quotas, p.values)) {
                        return new Aim(p.values, known, null);
                    }
                    if (p.values != null && exactMerit(k, p.values) > z && feasible(k, ranked, quotas, p.values)) {
                        better = p.values;
                        z = exactMerit(k, better);
                    }
                    if (p.status != CpSolverStatus.INFEASIBLE && p.status != CpSolverStatus.OPTIMAL) {
                        break; // out of budget (or time)
                    }
                    known--; // every set of merit ≥ known agrees with the fixing and meets the rows: there is none
                }
                return new Aim(null, known, better);
            }
        }

        /**
         * The search for a set better than z once the quick try found none. For the last unit (z + 1 is the
         * bound: a set that fills both budgets almost exactly) how long one CP-SAT search takes is heavy-tailed:
         * on the same 130-proposal core one seed finds it in 0.04 s, another not in 20 s (final cores of the
         * correlated instances, 2026-12-04). So there, with the cuts, it runs as restarts: searches of growing
         * deterministic length (0.1, 0.15, 0.225, …), each with another seed, every second one with the full LP
         * (linearization level 2, the better search on some cores, the worse on others). It stops at the first
         * set better than z, at a proof (optimal or infeasible) or at the deadline; deterministic time keeps it
         * reproducible. Each search's bound holds for the whole core, so the smallest is kept. Further from the
         * bound the cores are larger, short searches find nothing there, and one search runs to the first
         * better set as before.
         */
        private static Phase lastUnit(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas,
                                      boolean[] incumbent, long z, long cap, long deadline, Fixing fix,
                                      LagrangianCuts cuts) {
            if (cuts == null || !SolverSettings.restarts() || z + 1 < cap) {
                return Phase.solve(k, ranked, quotas, -1, Long.MIN_VALUE, cap, Goal.MERIT, incumbent, deadline, fix,
                        false, 0, cuts, cuts != null ? z : Long.MAX_VALUE);
            }
            return restarts(k, ranked, quotas, incumbent, z, cap, deadline, fix, cuts, Double.MAX_VALUE);
        }

        /** The restarts of {@link #lastUnit}, ending UNKNOWN once their slices add up to {@code maxWork}. */
        private static Phase restarts(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas,
                                      boolean[] incumbent, long z, long cap, long deadline, Fixing fix,
                                      LagrangianCuts cuts, double maxWork) {
            double slice = 0.1;
            double spent = 0;
            long bound = Long.MAX_VALUE;
            boolean[] best = null; // the best set any restart found, even when not better than z
            for (int restart = 0; ; restart++) {
                Phase p = Phase.solve(k, ranked, quotas, -1, Long.MIN_VALUE, cap, Goal.MERIT, incumbent, deadline, fix,
                        false, slice, cuts, z, restart, restart % 2 == 1);
                bound = Math.min(bound, p.bound);
                spent += slice;
                if (p.values != null && (best == null || exactMerit(k, p.values) > exactMerit(k, best))) {
                    best = p.values;
                }
                boolean better = p.values != null && exactMerit(k, p.values) > z;
                if (better || p.status == CpSolverStatus.OPTIMAL || p.status == CpSolverStatus.INFEASIBLE
                        || System.nanoTime() >= deadline || spent + slice * 1.5 > maxWork) {
                    boolean[] kept = better ? p.values : best;
                    return new Phase(p.status, kept, kept == null ? 0 : exactMerit(k, kept), bound);
                }
                slice *= 1.5;
            }
        }

        private static boolean feasible(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas,
                                        boolean[] x) {
            for (Map.Entry<String, long[]> c : k.cost.entrySet()) {
                long spent = 0;
                for (int i = 0; i < x.length; i++) {
                    spent += x[i] ? c.getValue()[i] : 0;
                }
                if (spent > k.budget.get(c.getKey())) {
                    return false;
                }
            }
            Map<String, Integer> perField = new LinkedHashMap<>();
            for (int i = 0; i < x.length; i++) {
                if (x[i]) {
                    perField.merge(ranked.get(i).field(), 1, Integer::sum);
                }
            }
            for (FieldQuota q : quotas.values()) {
                int got = perField.getOrDefault(q.field(), 0);
                if (got < q.minCount() || got > q.maxCount()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Rounds the LP: proposals in order of LP value, then reduced cost; first those of fields below
         * their minimum, then the rest, each if the budgets and maxima still allow. Null if a minimum is missed.
         */
        private static boolean[] greedy(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas,
                                        Relaxation rel) {
            int n = ranked.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> {
                int c = Double.compare(rel.lpValue[b], rel.lpValue[a]);
                return c != 0 ? c : rel.reduced[b].compareTo(rel.reduced[a]);
            });
            Map<String, Long> left = new LinkedHashMap<>(k.budget);
            Map<String, Integer> perField = new LinkedHashMap<>();
            boolean[] x = new boolean[n];
            for (int pass = 0; pass < 2; pass++) {
                for (int i : order) {
                    if (x[i]) {
                        continue;
                    }
                    String field = ranked.get(i).field();
                    FieldQuota q = quotas.getOrDefault(field, FieldQuota.none(field));
                    int got = perField.getOrDefault(field, 0);
                    if ((pass == 0 && got >= q.minCount()) || got >= q.maxCount()) {
                        continue;
                    }
                    boolean fits = true;
                    for (Map.Entry<String, long[]> c : k.cost.entrySet()) {
                        fits &= c.getValue()[i] <= left.get(c.getKey());
                    }
                    if (!fits) {
                        continue;
                    }
                    x[i] = true;
                    perField.merge(field, 1, Integer::sum);
                    for (Map.Entry<String, long[]> c : k.cost.entrySet()) {
                        left.merge(c.getKey(), -c.getValue()[i], Long::sum);
                    }
                }
            }
            return feasible(k, ranked, quotas, x) ? x : null;
        }
    }

    /**
     * A quick search for a better set next to the incumbent: swap one funded proposal for one or two
     * unfunded ones, or two funded for one, among the proposals the fixing leaves free (and those where
     * the incumbent disagrees with it). Budgets and quotas are checked exactly; the first move that adds
     * merit is returned, or null. On correlated instances many sets lie within a unit of merit of each
     * other, and such a move is often found in milliseconds where a CP-SAT round takes seconds.
     */
    static final class Swaps {
        /** Above this many movable proposals the three-proposal moves are skipped (cubic). */
        private static final int TRIPLES_UP_TO = 400;

        private Swaps() {
        }

        static boolean[] improve(Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas, boolean[] x,
                                 Fixing fix) {
            int n = x.length;
            List<String> parties = new ArrayList<>(k.cost.keySet());
            long[][] cost = new long[parties.size()][];
            long[] slack = new long[parties.size()];
            for (int b = 0; b < parties.size(); b++) {
                cost[b] = k.cost.get(parties.get(b));
                slack[b] = k.budget.get(parties.get(b));
                for (int i = 0; i < n; i++) {
                    slack[b] -= x[i] ? cost[b][i] : 0;
                }
            }
            Map<String, Integer> fieldNo = new LinkedHashMap<>();
            int[] field = new int[n];
            for (int i = 0; i < n; i++) {
                field[i] = fieldNo.computeIfAbsent(ranked.get(i).field(), f -> fieldNo.size());
            }
            int[] count = new int[fieldNo.size()];
            int[] min = new int[fieldNo.size()];
            int[] max = new int[fieldNo.size()];
            for (Map.Entry<String, Integer> f : fieldNo.entrySet()) {
                FieldQuota q = quotas.getOrDefault(f.getKey(), FieldQuota.none(f.getKey()));
                min[f.getValue()] = q.minCount();
                max[f.getValue()] = q.maxCount();
            }
            List<Integer> in = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (x[i]) {
                    count[field[i]]++;
                }
                boolean movable = !fix.fixed()[i] || fix.value()[i] != x[i];
                if (movable) {
                    (x[i] ? in : out).add(i);
                }
            }
            Move m = new Move(k.merit, cost, slack, field, count, min, max);
            for (int i : in) {
                for (int j : out) {
                    if (m.gain(new int[] {i}, new int[] {j}) > 0) {
                        return apply(x, new int[] {i}, new int[] {j});
                    }
                }
            }
            if (in.size() + out.size() > TRIPLES_UP_TO) {
                return null;
            }
            // The cubic loops test merit and budgets on primitive arrays first (most candidates fail there) and
            // leave the quotas to Move.gain; the order of the search, hence the move found, is unchanged.
            int[] inIx = in.stream().mapToInt(Integer::intValue).toArray();
            int[] outIx = out.stream().mapToInt(Integer::intValue).toArray();
            long[] room = new long[cost.length];
            for (int i : inIx) {
                for (int b = 0; b < cost.length; b++) {
                    room[b] = slack[b] + cost[b][i]; // what the two added proposals may cost together
                }
                for (int a = 0; a < outIx.length; a++) {
                    int ja = outIx[a];
                    if (!fitsAlone(cost, room, ja)) {
                        continue;
                    }
                    for (int c = a + 1; c < outIx.length; c++) {
                        int jb = outIx[c];
                        if (k.merit[ja] + k.merit[jb] <= k.merit[i] || !fitsTogether(cost, room, ja, jb)) {
                            continue;
                        }
                        int[] add = {ja, jb};
                        if (m.gain(new int[] {i}, add) > 0) {
                            return apply(x, new int[] {i}, add);
                        }
                    }
                }
            }
            for (int j : outIx) {
                for (int a = 0; a < inIx.length; a++) {
                    for (int c = a + 1; c < inIx.length; c++) {
                        int ia = inIx[a];
                        int ib = inIx[c];
                        if (k.merit[j] <= k.merit[ia] + k.merit[ib]) {
                            continue;
                        }
                        int[] drop = {ia, ib};
                        if (m.gain(drop, new int[] {j}) > 0) {
                            return apply(x, drop, new int[] {j});
                        }
                    }
                }
            }
            return null;
        }

        private static boolean fitsAlone(long[][] cost, long[] room, int j) {
            for (int b = 0; b < cost.length; b++) {
                if (cost[b][j] > room[b]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean fitsTogether(long[][] cost, long[] room, int ja, int jb) {
            for (int b = 0; b < cost.length; b++) {
                if (cost[b][ja] + cost[b][jb] > room[b]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean[] apply(boolean[] x, int[] drop, int[] add) {
            boolean[] y = x.clone();
            for (int i : drop) {
                y[i] = false;
            }
            for (int j : add) {
                y[j] = true;
            }
            return y;
        }

        private record Move(long[] merit, long[][] cost, long[] slack, int[] field, int[] count, int[] min, int[] max) {
            /** Merit gained by the move, or Long.MIN_VALUE if it breaks a budget or a quota. */
            long gain(int[] drop, int[] add) {
                long g = 0;
                for (int j : add) {
                    g += merit[j];
                }
                for (int i : drop) {
                    g -= merit[i];
                }
                if (g <= 0) {
                    return g;
                }
                for (int b = 0; b < cost.length; b++) {
                    long delta = 0;
                    for (int j : add) {
                        delta += cost[b][j];
                    }
                    for (int i : drop) {
                        delta -= cost[b][i];
                    }
                    if (delta > slack[b]) {
                        return Long.MIN_VALUE;
                    }
                }
                for (int f = 0; f < count.length; f++) {
                    int c = count[f];
                    for (int j : add) {
                        c += field[j] == f ? 1 : 0;
                    }
                    for (int i : drop) {
                        c -= field[i] == f ? 1 : 0;
                    }
                    if (c != count[f] && (c < min[f] || c > max[f])) {
                        return Long.MIN_VALUE;
                    }
                }
                return g;
            }
        }
    }
}
