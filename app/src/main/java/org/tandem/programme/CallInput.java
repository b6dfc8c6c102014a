package org.tandem.programme;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The content of a call as an officer (or an agency's system) submits it. */
public record CallInput(int year, LocalizedText title, LocalizedText text, Instant opensAt, Instant closesAt,
                        int minDurationMonths, int maxDurationMonths, Set<String> fieldCodes,
                        List<CallBudget> budgets) {
}
