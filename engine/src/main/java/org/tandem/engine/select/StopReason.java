package org.tandem.engine.select;

import java.util.List;

/**
 * The stable vocabulary of reasons written to OUT.csv. Applications and agencies parse these
 * strings, so the format is part of the contract:
 * <ul>
 *   <li>{@code quota:max:<field>} — the field already has its maximum number of funded proposals;</li>
 *   <li>{@code budget:<party>} or {@code budget:<p1>+<p2>} — the remaining budget of these parties
 *       (sorted by party code) is smaller than their share of the proposal's cost;</li>
 *   <li>{@code not_selected} — only for {@code optimal} when the solver stopped before proving
 *       optimality: nothing blocks the proposal, the solver simply did not take it.</li>
 * </ul>
 * A maximum quota is reported before budgets because it would stop the proposal whatever the money.
 */
public final class StopReason {

    public static final String NOT_SELECTED = "not_selected";

    private StopReason() {
    }

    public static String quotaMax(String field) {
        return "quota:max:" + field;
    }

    public static String budget(List<String> partiesSorted) {
        return "budget:" + String.join("+", partiesSorted);
    }

    /** How an unmet minimum is described on stderr (not a per-proposal reason). */
    public static String quotaMin(String field, int funded, int min) {
        return "quota:min:" + field + " (" + funded + " funded, minimum " + min + ")";
    }
}
