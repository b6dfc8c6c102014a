package org.tandem.proposal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A budget category's name in the reader's language; {@code @budgets} in templates. */
@Component("budgets")
class BudgetLabels {

    private final MessageSource messages;

    BudgetLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String label(String category) {
        return BudgetCategories.label(category, messages, LocaleContextHolder.getLocale());
    }

    /** The accessible name of one grid cell: category and project year. */
    public String cell(String category, int year) {
        return messages.getMessage("proposal.budget.cellLabel", new Object[] {label(category), year},
                LocaleContextHolder.getLocale());
    }
}
