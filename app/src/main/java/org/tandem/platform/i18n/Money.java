package org.tandem.platform.i18n;

import java.math.BigDecimal;
import java.util.Locale;

/** An amount in its currency as a message argument, formatted like {@link MoneyFormat} does on pages. */
public record Money(BigDecimal amount, String currency) implements Localizable {

    @Override
    public String in(Locale locale) {
        return MoneyFormat.format(amount, currency, locale);
    }
}
