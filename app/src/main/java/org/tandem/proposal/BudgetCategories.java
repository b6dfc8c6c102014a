package org.tandem.proposal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The budget categories a proposal's costs are grouped by. A category is a code with a name in
 * each language ({@code budget.category.<code>}); the call chooses which apply. Rows typed as
 * free text before categories existed are read into the category they clearly meant, and any
 * other text is kept as typed: it is the applicant's own words, never lost.
 */
public final class BudgetCategories {

    /** Words the free-text rows used for what are now standard categories. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("staff", "personnel"), Map.entry("salaries", "personnel"), Map.entry("salary", "personnel"),
            Map.entry("personnel costs", "personnel"), Map.entry("consumables", "materials"),
            Map.entry("material", "materials"), Map.entry("supplies", "materials"), Map.entry("trips", "travel"),
            Map.entry("mobility", "travel"), Map.entry("subcontract", "subcontracting"),
            Map.entry("subcontractors", "subcontracting"), Map.entry("overhead", "overheads"),
            Map.entry("indirect", "overheads"), Map.entry("indirect costs", "overheads"),
            Map.entry("other costs", "other"), Map.entry("equipments", "equipment"));

    private BudgetCategories() {
    }

    /** The category code a stored row means: a standard code as is, a known synonym mapped, other text kept. */
    public static String normalise(String category) {
        if (category == null) {
            return null;
        }
        String key = category.strip().toLowerCase(Locale.ROOT);
        if (org.tandem.programme.Call.DEFAULT_BUDGET_CATEGORIES.contains(key)) {
            return key;
        }
        return SYNONYMS.getOrDefault(key, category.strip());
    }

    public static String label(String category, MessageSource messages, Locale locale) {
        if (category == null) {
            return "";
        }
        return messages.getMessage("budget.category." + category, null, category, locale);
    }

    /**
     * An amount as people type it: digits with spaces or dots/commas between thousands, and a
     * decimal comma or point followed by one or two digits. Anything else (letters, two
     * decimal marks) is not a number: null.
     */
    public static BigDecimal parseAmount(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replaceAll("[\\s\\u00a0\\u202f']", "");
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        if (!s.matches("[0-9][0-9.,]*")) {
            return null;
        }
        int lastMark = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
        String whole = s;
        String fraction = "";
        if (lastMark >= 0 && s.length() - lastMark - 1 <= 2 && s.length() - lastMark - 1 >= 1) {
            whole = s.substring(0, lastMark);
            fraction = s.substring(lastMark + 1);
        }
        // Marks left in the whole part separate thousands: groups of exactly three digits.
        if (!whole.matches("[0-9]{1,3}([.,][0-9]{3})*") && !whole.matches("[0-9]+")) {
            return null;
        }
        BigDecimal d = new BigDecimal(whole.replaceAll("[.,]", "") + (fraction.isEmpty() ? "" : "." + fraction));
        return negative ? d.negate() : d;
    }
}
