package org.tandem.programme;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One year of the programme at a glance: what each party planned and what it has committed
 * so far (the budgets of that year's published calls), each in its own currency.
 */
public record DecadeRow(int year, int targetProjects, Map<Long, BigDecimal> planned, Map<Long, BigDecimal> committed,
                        int calls) {

    public BigDecimal plannedOf(long partyId) {
        return planned.getOrDefault(partyId, BigDecimal.ZERO);
    }

    public BigDecimal committedOf(long partyId) {
        return committed.getOrDefault(partyId, BigDecimal.ZERO);
    }

    /** More committed than planned: a year without a plan that commits anything is over it too. */
    public boolean overPlan(long partyId) {
        return committedOf(partyId).compareTo(plannedOf(partyId)) > 0;
    }

    public boolean overPlanAny(java.util.List<Party> parties) {
        return parties.stream().anyMatch(p -> overPlan(p.getId()));
    }

    /** Committed as a whole percentage of the plan, or null without a plan to compare with. */
    public Integer percentOfPlan(long partyId) {
        BigDecimal plan = plannedOf(partyId);
        if (plan.signum() == 0) {
            return null;
        }
        return committedOf(partyId).multiply(BigDecimal.valueOf(100)).divide(plan, 0, java.math.RoundingMode.HALF_UP).intValue();
    }
}
