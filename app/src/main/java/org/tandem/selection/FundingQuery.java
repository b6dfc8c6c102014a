package org.tandem.selection;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tandem.engine.select.Policy;
import org.tandem.platform.validation.InvalidInputException;

/**
 * The what-if of the committee's sliders as request parameters: {@code budget.VN=…},
 * {@code min.AI=…}, {@code max.AI=…}, {@code policy=rank|optimal}. Shared by the page and the API
 * so both read the same thing the same way.
 */
record FundingQuery(Map<String, BigDecimal> budgets, Map<String, int[]> quotas, Policy policy) {

    static FundingQuery from(Map<String, String> params) {
        Map<String, BigDecimal> budgets = new LinkedHashMap<>();
        Map<String, int[]> quotas = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                return;
            }
            if (k.startsWith("budget.")) {
                try {
                    budgets.put(k.substring(7), new BigDecimal(v.trim()));
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of(k, "validation.number");
                }
            } else if (k.startsWith("min.") || k.startsWith("max.")) {
                String field = k.substring(4);
                int[] mm = quotas.computeIfAbsent(field, f -> new int[] {0, Integer.MAX_VALUE});
                try {
                    mm[k.startsWith("min.") ? 0 : 1] = Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of(k, "validation.number");
                }
            }
        });
        String p = params.getOrDefault("policy", "rank").toLowerCase(Locale.ROOT);
        Policy policy = switch (p) {
            case "rank", "" -> Policy.RANK;
            case "optimal" -> Policy.OPTIMAL;
            default -> throw InvalidInputException.of("policy", "selection.policy.unknown", p);
        };
        return new FundingQuery(budgets, quotas, policy);
    }
}
