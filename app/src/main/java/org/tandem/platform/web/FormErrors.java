package org.tandem.platform.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.validation.BindingResult;
import org.tandem.platform.validation.Problem;

/** Puts service problems onto a form: against the field they name, or at the top when no field matches. */
public final class FormErrors {

    private FormErrors() {
    }

    /** @param formField maps a problem's field to the form's property path, or null when there is none */
    public static void reject(BindingResult errors, List<Problem> problems, Function<String, String> formField) {
        for (Problem pr : problems) {
            String field = formField.apply(pr.field());
            if (field == null) {
                errors.reject(pr.code(), pr.args().toArray(), null);
            } else {
                errors.rejectValue(field, pr.code(), pr.args().toArray(), null);
            }
        }
    }

    /**
     * Problems name party rows by party code ({@code budgets[RU].total}); forms by position
     * ({@code budgets[1].total}).
     */
    public static String partyRow(String field, List<String> partyCodes) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        if (open < 0 || close < open) {
            return null;
        }
        int i = partyCodes.indexOf(field.substring(open + 1, close));
        return i < 0 ? null : field.substring(0, open + 1) + i + field.substring(close);
    }
}
