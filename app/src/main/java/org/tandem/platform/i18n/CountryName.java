package org.tandem.platform.i18n;

import java.util.Locale;

/**
 * A party named by its country, as a message argument: "Vietnam", "Việt Nam", "Вьетнам" by the
 * reader's language. Party codes ("VN", "RU") are keys for programs and forms, not words.
 */
public record CountryName(String isoCode) implements Localizable {

    @Override
    public String in(Locale locale) {
        return isoCode == null ? "" : new Locale("", isoCode).getDisplayCountry(locale);
    }
}
