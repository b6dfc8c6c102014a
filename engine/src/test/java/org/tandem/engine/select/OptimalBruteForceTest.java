package org.tandem.engine.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code optimal} against exhaustive search on small seeded instances. The brute force applies the
 * documented order literally: least shortfall below the minimums, then most merit, then the largest
 * Σ (n − rank position). Merits have one decimal so ties are common and the tie-break is exercised.
 */
class OptimalBruteForceTest {

    private static final String[] PARTIES = {"RU", "VN", "KZ"};
    private static final String[] FIELDS = {"AI", "BIO", "MATH"};

    @Test
    void optimalEqualsBruteForceAndNeverLosesToRank() {
        int rankMetQuotas = 0;
        int infeasible = 0;
        for (long seed = 1; seed <= 250; seed++) {
            Random rnd = new Random(seed);
            int n = 1 + rnd.nextInt(12);
            int parties = 1 + rnd.nextInt(3);
            List<Proposal> proposals = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, BigDecimal> costs = new LinkedHashMap<>();
                for (int k = 0; k < parties; k++) {
                    if (k == 0 || rnd.nextInt(5) > 0) { // some proposals have no team in a party
                        costs.put(PARTIES[k], BigDecimal.valueOf(rnd.nextInt(2000), rnd.nextInt(3)));
                    }
                }
                proposals.add(new Proposal("p" + i, FIELDS[rnd.nextInt(FIELDS.length)],
                        BigDecimal.valueOf(rnd.nextInt(30), 1), costs));
            }
            List<Budget> budgets = new ArrayList<>();
            for (int k = 0; k < parties; k++) {
                budgets.add(new Budget(PARTIES[k], BigDecimal.valueOf(rnd.nextInt(1000 * n + 1), rnd.nextInt(2))));
            }
            List<FieldQuota> quotas = new ArrayList<>();
            for (String f : FIELDS) {
                if (rnd.nextBoolean()) {
                    int min = rnd.nextInt(3);
                    quotas.add(new FieldQuota(f, min, rnd.nextBoolean() ? FieldQuota.UNBOUNDED : min + rnd.nextInt(3)));
                }
            }

            FundingResult opt = FundingLine.compute(proposals, budgets, quotas, Policy.OPTIMAL);
            Best best = bruteForce(proposals, budgets, quotas);
            String ctx = "seed " + seed;
            assertThat(opt.optimal()).as(ctx).isTrue();
            assertThat(shortfall(opt, proposals, quotas)).as(ctx).isEqualTo(best.shortfall);
            assertThat(opt.totalMerit()).as(ctx).isEqualByComparingTo(best.merit);
            assertThat(rankWeight(opt, proposals, budgets)).as(ctx + " tie-break").isEqualTo(best.rankWeight);
            assertThat(opt.quotasMet()).as(ctx).isEqualTo(best.shortfall == 0);
            if (best.shortfall > 0) {
                infeasible++;
            }

            FundingResult rank = FundingLine.compute(proposals, budgets, quotas, Policy.RANK);
            if (rank.quotasMet()) {
                rankMetQuotas++;
                assertThat(opt.totalMerit()).as(ctx).isGreaterThanOrEqualTo(rank.totalMerit());
            }
            // Same input, same answer (the application recomputes on every slider move).
            assertThat(FundingLine.compute(proposals, budgets, quotas, Policy.OPTIMAL)).as(ctx).isEqualTo(opt);
        }
        // The sample must exercise both regimes, otherwise the test proves less than it claims.
        assertThat(rankMetQuotas).isGreaterThan(100);
        assertThat(infeasible).isGreaterThan(5);
    }

    private record Best(int shortfall, BigDecimal merit, long rankWeight) {
    }

    private static Best bruteForce(List<Proposal> proposals, List<Budget> budgets, List<FieldQuota> quotas) {
        Map<String, BigDecimal> budgetMap = new TreeMap<>();
        budgets.forEach(b -> budgetMap.put(b.party(), b.amount()));
        List<Proposal> ranked = RankOrder.sort(proposals, budgetMap);
        int n = ranked.size();
        Best best = null;
        for (int mask = 0; mask < (1 << n); mask++) {
            Map<String, BigDecimal> spent = new TreeMap<>();
            Map<String, Integer> count = new TreeMap<>();
            BigDecimal merit = BigDecimal.ZERO;
            long weight = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    Proposal p = ranked.get(i);
                    p.costs().forEach((party, c) -> spent.merge(party, c, BigDecimal::add));
                    count.merge(p.field(), 1, Integer::sum);
                    merit = merit.add(p.merit());
                    weight += n - i;
                }
            }
            boolean ok = spent.entrySet().stream().allMatch(e -> e.getValue().compareTo(budgetMap.get(e.getKey())) <= 0);
            int shortfall = 0;
            for (FieldQuota q : quotas) {
                int c = count.getOrDefault(q.field(), 0);
                ok &= c <= q.maxCount();
                shortfall += Math.max(0, q.minCount() - c);
            }
            if (!ok) {
                continue;
            }
            Best cand = new Best(shortfall, merit, weight);
            if (best == null || better(cand, best)) {
                best = cand;
            }
        }
        return best;
    }

    private static boolean better(Best a, Best b) {
        if (a.shortfall != b.shortfall) {
            return a.shortfall < b.shortfall;
        }
        int c = a.merit.compareTo(b.merit);
        return c != 0 ? c > 0 : a.rankWeight > b.rankWeight;
    }

    private static int shortfall(FundingResult r, List<Proposal> proposals, List<FieldQuota> quotas) {
        Map<String, String> fieldOf = new TreeMap<>();
        proposals.forEach(p -> fieldOf.put(p.id(), p.field()));
        Map<String, Integer> count = new TreeMap<>();
        r.decisions().stream().filter(Decision::funded).forEach(d -> count.merge(fieldOf.get(d.proposalId()), 1, Integer::sum));
        return quotas.stream().mapToInt(q -> Math.max(0, q.minCount() - count.getOrDefault(q.field(), 0))).sum();
    }

    private static long rankWeight(FundingResult r, List<Proposal> proposals, List<Budget> budgets) {
        Map<String, BigDecimal> budgetMap = new TreeMap<>();
        budgets.forEach(b -> budgetMap.put(b.party(), b.amount()));
        List<Proposal> ranked = RankOrder.sort(proposals, budgetMap);
        Map<String, Boolean> funded = new TreeMap<>();
        r.decisions().forEach(d -> funded.put(d.proposalId(), d.funded()));
        long w = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (funded.get(ranked.get(i).id())) {
                w += ranked.size() - i;
            }
        }
        return w;
    }
}
