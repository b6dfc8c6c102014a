package org.tandem.engine.select;

import java.util.List;

/** Everything a funding line is drawn from: the content of P.csv+C.csv, B.csv and Q.csv. */
public record SelectionInput(List<Proposal> proposals, List<Budget> budgets, List<FieldQuota> quotas) {

    public FundingResult compute(Policy policy) {
        return FundingLine.compute(proposals, budgets, quotas, policy);
    }
}
