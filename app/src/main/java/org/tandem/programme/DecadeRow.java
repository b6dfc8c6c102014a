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
}
