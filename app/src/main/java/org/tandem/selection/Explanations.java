package org.tandem.selection;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Every in and out of the funding line in words, in the reader's language; {@code @explain} in templates. */
@Component("explain")
public class Explanations {

    private final MessageSource messages;
    private final org.tandem.programme.Programmes programmes;

    Explanations(MessageSource messages, org.tandem.programme.Programmes programmes) {
        this.messages = messages;
        this.programmes = programmes;
    }

    /** The engine reasons in field codes; people read the field's name (codes mean the same field in every programme). */
    private String fieldName(String code, Locale locale) {
        return programmes.all().stream().flatMap(p -> p.getPriorityFields().stream())
                .filter(f -> f.getCode().equals(code)).findFirst().map(f -> f.getName().in(locale)).orElse(code);
    }

    /** Party codes ("VN", "RU") are the engine's keys; people read the country's name in their language. */
    private String partyName(String code, Locale locale) {
        return programmes.all().stream().flatMap(p -> p.getParties().stream())
                .filter(p -> p.getCode().equals(code)).findFirst()
                .map(p -> new Locale("", p.getCountryCode()).getDisplayCountry(locale)).orElse(code);
    }

    public String of(boolean funded, String reason, Double merit) {
        Locale locale = LocaleContextHolder.getLocale();
        String m = merit == null ? "—" : String.format(locale, "%.2f", merit);
        if (funded) {
            return messages.getMessage("selection.why.funded", new Object[] {m}, locale);
        }
        String r = reason == null ? "" : reason;
        if (r.startsWith("budget:")) {
            return messages.getMessage("selection.why.budget", new Object[] {m, String.join(", ",
                    java.util.Arrays.stream(r.substring(7).split("\\+")).map(c -> partyName(c, locale)).toList())}, locale);
        }
        if (r.startsWith("quota:max:")) {
            return messages.getMessage("selection.why.quotaMax", new Object[] {m, fieldName(r.substring(10), locale)}, locale);
        }
        if (r.equals("threshold")) {
            return messages.getMessage("selection.why.threshold", new Object[] {m}, locale);
        }
        if (r.equals("unreviewed")) {
            return messages.getMessage("selection.why.unreviewed", null, locale);
        }
        return messages.getMessage("selection.why.notSelected", new Object[] {m}, locale);
    }

    private static final java.util.regex.Pattern QUOTA_MIN =
            java.util.regex.Pattern.compile("quota:min:(\\S+) \\((\\d+) funded, minimum (\\d+)\\)");

    /**
     * A field left below its minimum, from the engine's {@code quota:min:FIELD (n funded, minimum m)},
     * with the field's name instead of its code.
     */
    public String unmet(String reason, java.util.Map<String, String> fieldNames) {
        var m = QUOTA_MIN.matcher(reason == null ? "" : reason);
        if (!m.matches()) {
            return reason;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("selection.unmet.quotaMin", new Object[] {fieldNames.getOrDefault(m.group(1), m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))}, locale);
    }

    /**
     * The optimality proof of a funding line in words: for {@code optimal}, whether the solver proved
     * that no selection within the budgets and quotas has more merit, and if not, the proven bound and
     * how far below it the line may be; for {@code rank}, nothing (it claims no optimum). Empty when
     * there is nothing to say.
     */
    public String proof(Selection.FundingView line) {
        if (line.policy() != org.tandem.engine.select.Policy.OPTIMAL) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String merit = String.format(locale, "%.2f", line.totalMerit());
        if (line.optimal()) {
            String bound = String.format(locale, "%.2f", line.meritBound() == null ? line.totalMerit() : line.meritBound());
            return messages.getMessage("selection.proof.optimal", new Object[] {merit, bound}, locale);
        }
        if (line.meritBound() == null || line.gap() == null) {
            return messages.getMessage("selection.proof.unproven", new Object[] {merit}, locale);
        }
        return messages.getMessage("selection.proof.gap", new Object[] {merit,
                String.format(locale, "%.2f", line.meritBound()), String.format(locale, "%.2f", line.gap() * 100)}, locale);
    }
}
