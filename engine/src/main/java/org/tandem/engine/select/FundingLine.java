package org.tandem.engine.select;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws the funding line of a joint call: which proposals are funded when every party pays its
 * own team from its own budget, under optional per-field minimum/maximum counts.
 *
 * <p>This is the library entry point the application calls (e.g. for what-if sliders); the CLI
 * is a thin wrapper. It is stateless and thread-safe.
 */
public final class FundingLine {

    /** Default bound on the CP-SAT search; on expiry the best set found is returned with optimal=false. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    private FundingLine() {
    }

    public static FundingResult compute(List<Proposal> proposals, List<Budget> budgets, List<FieldQuota> quotas,
                                        Policy policy) {
        return compute(proposals, budgets, quotas, policy, DEFAULT_TIME_LIMIT);
    }

    /**
     * @throws IllegalArgumentException on inconsistent input (duplicate ids, negative amounts, a cost
     *                                  for a party without budget, a proposal without costs, ...)
     * @throws ArithmeticException      for {@code optimal}, if amounts are too precise for exact int64
     */
    public static FundingResult compute(List<Proposal> proposals, List<Budget> budgets, List<FieldQuota> quotas,
                                        Policy policy, Duration timeLimit) {
        Map<String, BigDecimal> budgetByParty = validate(proposals, budgets);
        Map<String, FieldQuota> quotaByField = new TreeMap<>();
        for (FieldQuota q : quotas) {
            if (quotaByField.put(q.field(), q) != null) {
                throw new IllegalArgumentException("duplicate quota for field " + q.field());
            }
        }

        List<Proposal> ranked = RankOrder.sort(proposals, budgetByParty);
        RankSelector.Selection rank = RankSelector.select(ranked, budgetByParty, quotaByField);
        RankSelector.Selection chosen = switch (policy) {
            case RANK -> rank;
            // The rank set is a feasible start whenever it meets the minimums: optimal can only improve on it.
            case OPTIMAL -> explain(ranked, budgetByParty, quotaByField,
                    OptimalSelector.select(ranked, budgetByParty, quotaByField, rank.funded(), timeLimit));
        };
        return summarise(proposals, ranked, budgetByParty, quotaByField, chosen);
    }

    private static Map<String, BigDecimal> validate(List<Proposal> proposals, List<Budget> budgets) {
        Map<String, BigDecimal> budgetByParty = new TreeMap<>();
        for (Budget b : budgets) {
            requireNonNegative(b.amount(), "budget of " + b.party());
            if (budgetByParty.put(b.party(), b.amount()) != null) {
                throw new IllegalArgumentException("duplicate budget for party " + b.party());
            }
        }
        Set<String> ids = new HashSet<>();
        for (Proposal p : proposals) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("duplicate proposal id " + p.id());
            }
            requireNonNegative(p.merit(), "merit of " + p.id());
            if (p.costs().isEmpty()) {
                throw new IllegalArgumentException("proposal " + p.id() + " has no cost");
            }
            for (Map.Entry<String, BigDecimal> c : p.costs().entrySet()) {
                requireNonNegative(c.getValue(), "cost of " + p.id() + " for " + c.getKey());
                if (!budgetByParty.containsKey(c.getKey())) {
                    throw new IllegalArgumentException("proposal " + p.id() + " has a cost for party "
                            + c.getKey() + " which has no budget");
                }
            }
        }
        return budgetByParty;
    }

    private static void requireNonNegative(BigDecimal value, String what) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException(what + " must be a non-negative number");
        }
    }

    /**
     * Reasons for the optimal set: replaying it in rank order through a ledger, each unfunded
     * proposal is explained by what would be violated if it were added to the final set.
     */
    private static RankSelector.Selection explain(List<Proposal> ranked, Map<String, BigDecimal> budgets,
                                                  Map<String, FieldQuota> quotas, RankSelector.Selection s) {
        Ledger ledger = new Ledger(budgets, quotas);
        for (int i = 0; i < ranked.size(); i++) {
            if (s.funded()[i]) {
                ledger.fund(ranked.get(i));
            }
        }
        String[] reasons = new String[ranked.size()];
        for (int i = 0; i < ranked.size(); i++) {
            if (!s.funded()[i]) {
                String blocker = ledger.blocker(ranked.get(i));
                reasons[i] = blocker != null ? blocker : StopReason.NOT_SELECTED;
            }
        }
        return new RankSelector.Selection(s.funded(), reasons, s.proven(), s.meritBound());
    }

    private static FundingResult summarise(List<Proposal> inputOrder, List<Proposal> ranked,
                                           Map<String, BigDecimal> budgets, Map<String, FieldQuota> quotas,
                                           RankSelector.Selection s) {
        Map<Proposal, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            position.put(ranked.get(i), i);
        }
        List<Decision> decisions = new ArrayList<>(inputOrder.size());
        BigDecimal merit = BigDecimal.ZERO;
        Map<String, BigDecimal> spent = new TreeMap<>();
        budgets.keySet().forEach(party -> spent.put(party, BigDecimal.ZERO));
        Map<String, Integer> perField = new HashMap<>();
        int funded = 0;
        for (Proposal p : inputOrder) {
            int i = position.get(p);
            if (s.funded()[i]) {
                funded++;
                merit = merit.add(p.merit());
                p.costs().forEach((party, cost) -> spent.merge(party, cost, BigDecimal::add));
                perField.merge(p.field(), 1, Integer::sum);
                decisions.add(new Decision(p.id(), true, ""));
            } else {
                decisions.add(new Decision(p.id(), false, s.reasons()[i]));
            }
        }
        List<String> unmet = new ArrayList<>();
        for (FieldQuota q : quotas.values()) {
            int got = perField.getOrDefault(q.field(), 0);
            if (got < q.minCount()) {
                unmet.add(StopReason.quotaMin(q.field(), got, q.minCount()));
            }
        }
        return new FundingResult(List.copyOf(decisions), funded, merit, spent,
                s.proven(), List.copyOf(unmet), s.meritBound() == null ? null : s.meritBound().max(merit));
    }
}
