package org.tandem.engine.select;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remaining money per party and funded count per field while a funding line is drawn. Both
 * policies use it: {@code rank} to decide, {@code optimal} to explain afterwards why each
 * unfunded proposal could not be added to the chosen set.
 */
final class Ledger {

    private final Map<String, BigDecimal> remaining;
    private final Map<String, FieldQuota> quotas;
    private final Map<String, Integer> fundedPerField = new HashMap<>();

    Ledger(Map<String, BigDecimal> budgets, Map<String, FieldQuota> quotas) {
        this.remaining = new TreeMap<>(budgets);
        this.quotas = quotas;
    }

    FieldQuota quotaOf(String field) {
        return quotas.getOrDefault(field, FieldQuota.none(field));
    }

    int funded(String field) {
        return fundedPerField.getOrDefault(field, 0);
    }

    boolean belowMinimum(String field) {
        return funded(field) < quotaOf(field).minCount();
    }

    /** Parties whose remaining budget cannot pay their share, sorted by party code; empty if all can. */
    List<String> shortParties(Proposal p) {
        List<String> shortOnes = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> cost : p.costs().entrySet()) { // sorted by party
            BigDecimal left = remaining.getOrDefault(cost.getKey(), BigDecimal.ZERO);
            if (cost.getValue().compareTo(left) > 0) {
                shortOnes.add(cost.getKey());
            }
        }
        return shortOnes;
    }

    /** Why {@code p} cannot be added now, in {@link StopReason} format, or null if it can. */
    String blocker(Proposal p) {
        if (funded(p.field()) >= quotaOf(p.field()).maxCount()) {
            return StopReason.quotaMax(p.field());
        }
        List<String> shortOnes = shortParties(p);
        return shortOnes.isEmpty() ? null : StopReason.budget(shortOnes);
    }

    void fund(Proposal p) {
        for (Map.Entry<String, BigDecimal> cost : p.costs().entrySet()) {
            remaining.merge(cost.getKey(), cost.getValue().negate(), BigDecimal::add);
        }
        fundedPerField.merge(p.field(), 1, Integer::sum);
    }
}
