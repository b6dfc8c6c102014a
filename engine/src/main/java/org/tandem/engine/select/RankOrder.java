package org.tandem.engine.select;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order used by {@code rank} and as the tie-break of {@code optimal}: merit descending, then
 * the smaller "budget share" (sum over parties of cost ÷ that party's budget: the cheaper proposal
 * relative to what each agency can afford goes first), then id ascending so the order is total.
 */
final class RankOrder {

    // 34 significant digits: far beyond any real difference of shares; only exact ties compare equal
    // and those fall through to the id.
    private static final MathContext SHARE_PRECISION = MathContext.DECIMAL128;

    private RankOrder() {
    }

    static List<Proposal> sort(List<Proposal> proposals, Map<String, BigDecimal> budgets) {
        List<Ranked> ranked = new ArrayList<>(proposals.size());
        for (Proposal p : proposals) {
            ranked.add(new Ranked(p, share(p, budgets)));
        }
        ranked.sort(Comparator.comparing((Ranked r) -> r.proposal.merit()).reversed()
                .thenComparing(r -> r.share)
                .thenComparing(r -> r.proposal.id()));
        return ranked.stream().map(r -> r.proposal).toList();
    }

    /** Budget share; a positive cost against a zero budget is an infinite share, so it sorts last. */
    static Share share(Proposal p, Map<String, BigDecimal> budgets) {
        int impossible = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> cost : p.costs().entrySet()) {
            BigDecimal budget = budgets.get(cost.getKey());
            if (cost.getValue().signum() == 0) {
                continue;
            }
            if (budget == null || budget.signum() == 0) {
                impossible++;
            } else {
                sum = sum.add(cost.getValue().divide(budget, SHARE_PRECISION));
            }
        }
        return new Share(impossible, sum);
    }

    /** Compared by the number of "infinite" terms first, then by the finite sum. */
    record Share(int infiniteTerms, BigDecimal finiteSum) implements Comparable<Share> {
        @Override
        public int compareTo(Share o) {
            int c = Integer.compare(infiniteTerms, o.infiniteTerms);
            return c != 0 ? c : finiteSum.compareTo(o.finiteSum);
        }
    }

    private record Ranked(Proposal proposal, Share share) {
    }
}
