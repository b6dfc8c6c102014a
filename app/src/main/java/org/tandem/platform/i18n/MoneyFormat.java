package org.tandem.platform.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money in its own currency, formatted for the reader ("24.000.000.000 ₫", "120 000 000,00 ₽").
 * Amounts of different parties are never added or converted: mirror funding keeps them apart.
 * Used from templates as {@code @money}.
 */
@Component("money")
public class MoneyFormat {

    public String format(BigDecimal amount, String currency) {
        return format(amount, currency, LocaleContextHolder.getLocale());
    }

    public static String format(BigDecimal amount, String currency, java.util.Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        Currency c = Currency.getInstance(currency);
        f.setCurrency(c);
        f.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? c.getDefaultFractionDigits() : 0);
        f.setMaximumFractionDigits(c.getDefaultFractionDigits());
        return f.format(amount);
    }
}
