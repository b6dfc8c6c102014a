package org.tandem.selection;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Every in and out of the funding line in words, in the reader's language; {@code @explain} in templates. */
@Component("explain")
public class Explanations {

    private final MessageSource messages;

    Explanations(MessageSource messages) {
        this.messages = messages;
    }

    public String of(boolean funded, String reason, Double merit) {
        Locale locale = LocaleContextHolder.getLocale();
        String m = merit == null ? "—" : String.format(locale, "%.2f", merit);
        if (funded) {
            return messages.getMessage("selection.why.funded", new Object[] {m}, locale);
        }
        String r = reason == null ? "" : reason;
        if (r.startsWith("budget:")) {
            return messages.getMessage("selection.why.budget", new Object[] {m, r.substring(7).replace("+", ", ")}, locale);
        }
        if (r.startsWith("quota:max:")) {
            return messages.getMessage("selection.why.quotaMax", new Object[] {m, r.substring(10)}, locale);
        }
        if (r.equals("threshold")) {
            return messages.getMessage("selection.why.threshold", new Object[] {m}, locale);
        }
        if (r.equals("unreviewed")) {
            return messages.getMessage("selection.why.unreviewed", null, locale);
        }
        return messages.getMessage("selection.why.notSelected", new Object[] {m}, locale);
    }
}
