package org.tandem.indicators;

import java.util.Locale;

/** A name in the three languages of the product; a missing translation falls back to English. */
public record Names(String en, String vi, String ru) {

    public Names {
        vi = vi == null || vi.isBlank() ? en : vi;
        ru = ru == null || ru.isBlank() ? en : ru;
    }

    public String in(Locale locale) {
        return switch (locale == null ? "en" : locale.getLanguage()) {
            case "vi" -> vi;
            case "ru" -> ru;
            default -> en;
        };
    }
}
