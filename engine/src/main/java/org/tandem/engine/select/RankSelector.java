package org.tandem.engine.select;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The {@code rank} policy. Two passes over the rank order: the first only serves fields still below
 * their minimum (so a minimum is met by that field's best affordable proposals, not by whatever is
 * left at the end), the second funds everything the budgets and maximum quotas still allow.
 */
final class RankSelector {

    private RankSelector() {
    }

    /**
     * @param ranked proposals in {@link RankOrder}
     * @return funded flags and reasons, indexed like {@code ranked}
     */
    static Selection select(List<Proposal> ranked, Map<String, BigDecimal> budgets, Map<String, FieldQuota> quotas) {
        int n = ranked.size();
        boolean[] funded = new boolean[n];
        String[] reasons = new String[n];
        Ledger ledger = new Ledger(budgets, quotas);

        for (int i = 0; i < n; i++) {
            Proposal p = ranked.get(i);
            if (ledger.belowMinimum(p.field()) && ledger.shortParties(p).isEmpty()) {
                ledger.fund(p);
                funded[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (funded[i]) {
                continue;
            }
            Proposal p = ranked.get(i);
            String blocker = ledger.blocker(p);
            if (blocker == null) {
                ledger.fund(p);
                funded[i] = true;
            } else {
                reasons[i] = blocker;
            }
        }
        return new Selection(funded, reasons, false, null);
    }

    /**
     * Internal result of either selector, indexed like the ranked list; {@code meritBound} (optimal only,
     * else null) is a proven upper bound of the total merit any feasible set can reach.
     */
    record Selection(boolean[] funded, String[] reasons, boolean proven, BigDecimal meritBound) {
    }
}
