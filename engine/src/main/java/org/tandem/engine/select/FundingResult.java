package org.tandem.engine.select;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Outcome of drawing the funding line.
 *
 * @param decisions    one per proposal, in the order the proposals were given
 * @param fundedCount  number of funded proposals
 * @param totalMerit   exact sum of the funded proposals' merit
 * @param spent        party → exact amount spent, sorted by party code
 * @param optimal      true only for {@code optimal} when CP-SAT proved that no set has more merit
 * @param unmetMinimums fields still below their minimum count, described by {@link StopReason#quotaMin};
 *                      non-empty means the quotas cannot be met within the budgets (CLI exit 3)
 * @param meritBound   {@code optimal} only (null for {@code rank}): a proven upper bound of the total merit of
 *                      any feasible set, exact; equal to {@code totalMerit} when {@code optimal} is true
 */
public record FundingResult(List<Decision> decisions, int fundedCount, BigDecimal totalMerit,
                            Map<String, BigDecimal> spent, boolean optimal, List<String> unmetMinimums,
                            BigDecimal meritBound) {

    /** A result without a bound (the {@code rank} policy). */
    public FundingResult(List<Decision> decisions, int fundedCount, BigDecimal totalMerit,
                         Map<String, BigDecimal> spent, boolean optimal, List<String> unmetMinimums) {
        this(decisions, fundedCount, totalMerit, spent, optimal, unmetMinimums, null);
    }

    /** The share of the bound not reached, (bound − merit) ÷ bound; 0 when proven, NaN without a bound. */
    public double gap() {
        if (meritBound == null) {
            return Double.NaN;
        }
        if (meritBound.signum() == 0) {
            return 0;
        }
        return meritBound.subtract(totalMerit).doubleValue() / meritBound.doubleValue();
    }

    public boolean quotasMet() {
        return unmetMinimums.isEmpty();
    }
}
