package org.tandem.engine.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The rows of {@link LagrangianCuts} and the reduced-cost fixing are only valid if they never remove a set
 * that reaches the target: checked against every feasible set of small correlated instances. The generated
 * hard kind is checked end to end against a plain CP-SAT maximisation.
 */
class LagrangianCutsTest {

    @Test
    void cutsAndReducedCostFixingNeverRemoveASetThatReachesTheTarget() {
        int checkedSets = 0;
        int tightRows = 0;
        for (long seed = 1; seed <= 150; seed++) {
            Small c = Small.of(seed, false);
            List<Proposal> ps = c.ps();
            Map<String, FieldQuota> quotas = c.quotas();
            OptimalSelector.Coefficients k = c.k();
            OptimalSelector.Relaxation rel = c.rel();
            List<boolean[]> feasible = c.feasible();
            long opt = c.opt();
            String ctx = "seed " + seed;
            if (feasible.isEmpty()) {
                continue;
            }
            assertThat(rel).as(ctx).isNotNull();
            assertThat(rel.floorBound()).as(ctx + " bound").isGreaterThanOrEqualTo(opt);
            for (long target : new long[] {opt, opt - 1, opt - 3, opt - 20}) {
                LagrangianCuts cuts = LagrangianCuts.of(rel, target, k.budget());
                OptimalSelector.Fixing fix = rel.fixing(target - 1, true);
                if (cuts == null) {
                    assertThat(target).as(ctx).isGreaterThan(rel.floorBound());
                    continue;
                }
                tightRows += cuts.minSpend().size() + cuts.minCount().size() + cuts.maxCount().size();
                for (boolean[] x : feasible) {
                    if (merit(k, x) < target) {
                        continue;
                    }
                    checkedSets++;
                    assertThat(cuts.admits(x, ps, k.cost())).as(ctx + " target " + target).isTrue();
                    for (int i = 0; i < x.length; i++) {
                        if (fix.fixed()[i]) {
                            assertThat(x[i]).as(ctx + " target " + target + " proposal " + i).isEqualTo(fix.value()[i]);
                        }
                    }
                }
            }
        }
        assertThat(checkedSets).isGreaterThan(1000);
        assertThat(tightRows).as("rows that actually restrict something").isGreaterThan(50);
    }

    /**
     * {@link CoreEnumeration} answers "is there a set with merit in [target, upper]?" exactly: a set it finds meets
     * every budget and quota and lands in the window, and "none" means no feasible set of the instance does; asked for
     * the tie-break, the set it returns has the greatest rank weight of all sets in the window. With a limit too small
     * to list a half, or past its deadline, it gives up rather than answer. Each of the three answers must occur often, or
     * the test proves less than it claims.
     */
    @Test
    void theEnumerationFindsASetInTheWindowExactlyWhenOneExists() {
        int found = 0;
        int none = 0;
        int gaveUp = 0;
        for (long seed = 1; seed <= 150; seed++) {
            // On even seeds a thousandth on one merit makes the merit units a hundred times finer: the changes are
            // then too sparse for the table of merit values, and the join takes its binary-search path.
            Small c = Small.of(seed, seed % 2 == 0);
            List<Proposal> ps = c.ps();
            Map<String, FieldQuota> quotas = c.quotas();
            OptimalSelector.Coefficients k = c.k();
            OptimalSelector.Relaxation rel = c.rel();
            List<boolean[]> feasible = c.feasible();
            long opt = c.opt();
            if (feasible.isEmpty()) {
                continue;
            }
            long floor = rel.floorBound();
            for (long target : new long[] {floor, floor - 1, opt, opt - 1, opt - 3}) {
                for (long upper : new long[] {target, floor}) {
                    if (target > floor || upper < target) {
                        continue;
                    }
                    String ctx = "seed " + seed + " window [" + target + ", " + upper + "]";
                    LagrangianCuts cuts = LagrangianCuts.of(rel, target, k.budget());
                    boolean exists = false;
                    for (boolean[] x : feasible) {
                        exists |= merit(k, x) >= target && merit(k, x) <= upper;
                    }
                    CoreEnumeration.Result r = CoreEnumeration.search(k, ps, quotas, cuts, target, upper, 1 << 16,
                            1 << 20, 10_000_000);
                    if (exists) {
                        assertThat(r.outcome()).as(ctx).isEqualTo(CoreEnumeration.Outcome.FOUND);
                        assertThat(feasible(k, ps, quotas, r.set())).as(ctx).isTrue();
                        assertThat(merit(k, r.set())).as(ctx).isBetween(target, upper);
                        CoreEnumeration.Result byRank = CoreEnumeration.search(k, ps, quotas, cuts, target, upper,
                                1 << 16, 1 << 20, 10_000_000, true, Long.MAX_VALUE);
                        long bestWeight = Long.MIN_VALUE;
                        for (boolean[] x : feasible) {
                            if (merit(k, x) >= target && merit(k, x) <= upper) {
                                bestWeight = Math.max(bestWeight, rankWeight(x));
                            }
                        }
                        assertThat(byRank.ranked()).as(ctx).isTrue();
                        assertThat(feasible(k, ps, quotas, byRank.set())).as(ctx).isTrue();
                        assertThat(merit(k, byRank.set())).as(ctx).isBetween(target, upper);
                        assertThat(rankWeight(byRank.set())).as(ctx + " rank weight").isEqualTo(bestWeight);
                        found++;
                    } else {
                        assertThat(r.outcome()).as(ctx).isEqualTo(CoreEnumeration.Outcome.NONE);
                        none++;
                    }
                    CoreEnumeration.Result late = CoreEnumeration.search(k, ps, quotas, cuts, target, upper, 1 << 16,
                            1 << 20, 10_000_000, true, System.nanoTime() - 1);
                    assertThat(late.outcome()).as(ctx + " past the deadline").isEqualTo(CoreEnumeration.Outcome.TOO_LARGE);
                    CoreEnumeration.Result cramped = CoreEnumeration.search(k, ps, quotas, cuts, target, upper, 2, 2,
                            1);
                    if (cramped.outcome() == CoreEnumeration.Outcome.TOO_LARGE) {
                        gaveUp++;
                    } else {
                        assertThat(cramped.outcome()).as(ctx + " cramped").isEqualTo(r.outcome());
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(100);
        assertThat(none).isGreaterThan(100);
        assertThat(gaveUp).isGreaterThan(100);
    }

    @Test
    void generatedHardInstancesAreProvenAndEqualAPlainCpSatMaximisation() {
        for (long seed = 1; seed <= 3; seed++) {
            SelectionInput in = InstanceGenerator.generateCorrelated(150, seed);
            FundingResult opt = FundingLine.compute(in.proposals(), in.budgets(), in.quotas(), Policy.OPTIMAL);
            assertThat(opt.optimal()).as("seed " + seed).isTrue();
            assertThat(opt.totalMerit()).as("seed " + seed).isEqualByComparingTo(plainCpSat(in));
            assertThat(opt.meritBound()).as("seed " + seed).isEqualByComparingTo(opt.totalMerit());
        }
    }

    /** The whole model, maximised by CP-SAT with no LP, fixing or cuts of ours. */
    private static BigDecimal plainCpSat(SelectionInput in) {
        OptimalSelector.loadNative();
        Map<String, BigDecimal> budgets = new TreeMap<>();
        in.budgets().forEach(b -> budgets.put(b.party(), b.amount()));
        List<Proposal> ps = in.proposals();
        OptimalSelector.Coefficients k = OptimalSelector.Coefficients.of(ps, budgets);
        CpModel model = new CpModel();
        BoolVar[] x = new BoolVar[ps.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = model.newBoolVar("x" + i);
        }
        k.cost().forEach((party, c) -> model.addLessOrEqual(LinearExpr.weightedSum(x, c), k.budget().get(party)));
        for (FieldQuota q : in.quotas()) {
            List<BoolVar> f = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (ps.get(i).field().equals(q.field())) {
                    f.add(x[i]);
                }
            }
            LinearExpr count = LinearExpr.sum(f.toArray(new BoolVar[0]));
            model.addGreaterOrEqual(count, q.minCount());
            model.addLessOrEqual(count, Math.min(q.maxCount(), f.size()));
        }
        model.maximize(LinearExpr.weightedSum(x, k.merit()));
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setRandomSeed(0).setMaxTimeInSeconds(120);
        assertThat(solver.solve(model)).isEqualTo(CpSolverStatus.OPTIMAL);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            if (solver.booleanValue(x[i])) {
                total = total.add(ps.get(i).merit());
            }
        }
        return total;
    }

    /**
     * A small correlated instance with every feasible set listed by brute force; opt is Long.MIN_VALUE when none is.
     * With finerMerit, the first proposal's merit gets a thousandth more.
     */
    private record Small(List<Proposal> ps, Map<String, FieldQuota> quotas, OptimalSelector.Coefficients k,
                         OptimalSelector.Relaxation rel, List<boolean[]> feasible, long opt) {
        static Small of(long seed, boolean finerMerit) {
            Random rnd = new Random(seed);
            SelectionInput in = OptimalHardInstancesTest.correlated(rnd, 4 + rnd.nextInt(11));
            Map<String, BigDecimal> budgets = new TreeMap<>();
            in.budgets().forEach(b -> budgets.put(b.party(), b.amount()));
            Map<String, FieldQuota> quotas = new TreeMap<>();
            in.quotas().forEach(q -> quotas.put(q.field(), q));
            List<Proposal> ps = new ArrayList<>(in.proposals());
            if (finerMerit) {
                Proposal first = ps.get(0);
                ps.set(0, new Proposal(first.id(), first.field(), first.merit().add(new BigDecimal("0.001")),
                        first.costs()));
            }
            OptimalSelector.loadNative();
            OptimalSelector.Coefficients k = OptimalSelector.Coefficients.of(ps, budgets);
            OptimalSelector.Relaxation rel = OptimalSelector.Relaxation.of(k, ps, quotas);
            List<boolean[]> feasible = new ArrayList<>();
            long opt = Long.MIN_VALUE;
            for (int mask = 0; mask < (1 << ps.size()); mask++) {
                boolean[] x = set(mask, ps.size());
                if (LagrangianCutsTest.feasible(k, ps, quotas, x)) {
                    feasible.add(x);
                    opt = Math.max(opt, merit(k, x));
                }
            }
            return new Small(ps, quotas, k, rel, feasible, opt);
        }
    }

    private static boolean[] set(int mask, int n) {
        boolean[] x = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = (mask & (1 << i)) != 0;
        }
        return x;
    }

    /** Σ (n − i) over the funded proposals: the tie-break's weight. */
    private static long rankWeight(boolean[] x) {
        long w = 0;
        for (int i = 0; i < x.length; i++) {
            w += x[i] ? x.length - i : 0;
        }
        return w;
    }

    private static long merit(OptimalSelector.Coefficients k, boolean[] x) {
        long m = 0;
        for (int i = 0; i < x.length; i++) {
            m += x[i] ? k.merit()[i] : 0;
        }
        return m;
    }

    private static boolean feasible(OptimalSelector.Coefficients k, List<Proposal> ps, Map<String, FieldQuota> quotas,
                                    boolean[] x) {
        for (Map.Entry<String, long[]> c : k.cost().entrySet()) {
            long spent = 0;
            for (int i = 0; i < x.length; i++) {
                spent += x[i] ? c.getValue()[i] : 0;
            }
            if (spent > k.budget().get(c.getKey())) {
                return false;
            }
        }
        Map<String, Integer> count = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i]) {
                count.merge(ps.get(i).field(), 1, Integer::sum);
            }
        }
        for (FieldQuota q : quotas.values()) {
            int c = count.getOrDefault(q.field(), 0);
            if (c < q.minCount() || c > q.maxCount()) {
                return false;
            }
        }
        return true;
    }
}
