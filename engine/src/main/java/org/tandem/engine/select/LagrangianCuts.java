package org.tandem.engine.select;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows implied by "merit ≥ target" through the exact Lagrangian identity of {@link OptimalSelector.Relaxation}:
 * for every feasible set x,
 * <pre>
 *   L − merit(x) = Σ_b y_b·(B_b − spend_b) + Σ_r y_r·(end_r − count_r) + Σ_i (max(0, d_i) − d_i·x_i)
 * </pre>
 * and every term is ≥ 0. A set with merit ≥ target therefore has each term ≤ G = L − target on its own:
 * <ul>
 *   <li>each budget with y_b &gt; 0 is spent to within G / y_b of its end (spend_b ≥ B_b − ⌊G / y_b⌋);</li>
 *   <li>each quota row with a multiplier stays within ⌊G / |y_r|⌋ of the end it points at;</li>
 *   <li>the proposals where x disagrees with the sign of d_i cost Σ |d_i| ≤ G (integer weights ⌊|d_i|·S⌋ ≤ ⌊G·S⌋,
 *       rounded down, so the row stays valid).</li>
 * </ul>
 * On the correlated instances G is below one merit unit: the first row says both budgets are nearly exhausted,
 * which "merit ≥ target" alone (large coefficients, weak propagation) lets CP-SAT discover only by search.
 * The rows are implied, so adding them never removes a set of merit ≥ target; computed in exact decimals.
 *
 * @param minSpend  per party (units of money): spend ≥ value; absent when the row implies nothing
 * @param minCount  per field: count ≥ value; absent when nothing is implied
 * @param maxCount  per field: count ≤ value; absent when nothing is implied
 * @param weight    per proposal, ⌊|d_i|·S⌋; −1 where |d_i| &gt; G (such a proposal must agree with the sign of d_i)
 * @param in        per proposal, the sign of d_i: true means x_i = 1 costs nothing, x_i = 0 costs weight_i
 * @param cap       ⌊G·S⌋
 */
record LagrangianCuts(Map<String, Long> minSpend, Map<String, Integer> minCount, Map<String, Integer> maxCount,
                      long[] weight, boolean[] in, long cap) {

    /** Scale of the disagreement weights: G maps to this many integer steps. */
    private static final BigDecimal STEPS = BigDecimal.valueOf(1_000_000);

    /** @return null when target &gt; L (no set reaches it: the caller already knows) */
    static LagrangianCuts of(OptimalSelector.Relaxation rel, long target, Map<String, Long> budget) {
        BigDecimal g = rel.bound.subtract(BigDecimal.valueOf(target));
        if (g.signum() < 0) {
            return null;
        }
        Map<String, Long> minSpend = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : rel.budgetY.entrySet()) {
            BigDecimal y = e.getValue();
            if (y.signum() <= 0) {
                continue;
            }
            BigDecimal room = g.divide(y, MathContext.DECIMAL128).setScale(0, RoundingMode.FLOOR);
            long b = budget.get(e.getKey());
            if (room.compareTo(BigDecimal.valueOf(b)) < 0) {
                minSpend.put(e.getKey(), b - room.longValueExact());
            }
        }
        Map<String, Integer> minCount = new LinkedHashMap<>();
        Map<String, Integer> maxCount = new LinkedHashMap<>();
        for (OptimalSelector.Relaxation.QuotaTerm t : rel.quotaY) {
            BigDecimal room = g.divide(t.y().abs(), MathContext.DECIMAL128).setScale(0, RoundingMode.FLOOR);
            if (room.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE / 2)) >= 0) {
                continue;
            }
            int r = room.intValueExact();
            if (t.y().signum() > 0) {
                minCount.merge(t.field(), t.end() - r, Math::max);
            } else {
                maxCount.merge(t.field(), t.end() + r, Math::min);
            }
        }
        int n = rel.reduced.length;
        long[] weight = new long[n];
        boolean[] in = new boolean[n];
        BigDecimal scale = g.signum() == 0 ? BigDecimal.ONE : STEPS.divide(g, MathContext.DECIMAL128);
        long cap = g.multiply(scale).setScale(0, RoundingMode.FLOOR).longValueExact();
        for (int i = 0; i < n; i++) {
            BigDecimal d = rel.reduced[i];
            in[i] = d.signum() > 0;
            weight[i] = d.abs().compareTo(g) > 0 ? -1
                    : d.abs().multiply(scale).setScale(0, RoundingMode.FLOOR).longValueExact();
        }
        return new LagrangianCuts(minSpend, minCount, maxCount, weight, in, cap);
    }

    /** True if x satisfies every row (used by tests: a set of merit ≥ target always does). */
    boolean admits(boolean[] x, List<Proposal> ranked, Map<String, long[]> cost) {
        for (Map.Entry<String, Long> e : minSpend.entrySet()) {
            long spent = 0;
            long[] c = cost.get(e.getKey());
            for (int i = 0; i < x.length; i++) {
                spent += x[i] ? c[i] : 0;
            }
            if (spent < e.getValue()) {
                return false;
            }
        }
        Map<String, Integer> count = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i]) {
                count.merge(ranked.get(i).field(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : minCount.entrySet()) {
            if (count.getOrDefault(e.getKey(), 0) < e.getValue()) {
                return false;
            }
        }
        for (Map.Entry<String, Integer> e : maxCount.entrySet()) {
            if (count.getOrDefault(e.getKey(), 0) > e.getValue()) {
                return false;
            }
        }
        long used = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != in[i]) {
                if (weight[i] < 0) {
                    return false;
                }
                used += weight[i];
            }
        }
        return used <= cap;
    }
}
