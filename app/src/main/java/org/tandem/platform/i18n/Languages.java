package org.tandem.platform.i18n;

import java.util.List;
import java.util.Locale;

/** The three languages of the UI. Every message file and every translated text has these. */
public final class Languages {

    public static final List<String> CODES = List.of("vi", "ru", "en");
    public static final Locale DEFAULT = Locale.ENGLISH;

    private Languages() {
    }

    /** The supported language closest to the given locale, English when none is. */
    public static Locale supported(Locale locale) {
        if (locale != null && CODES.contains(locale.getLanguage())) {
            return Locale.forLanguageTag(locale.getLanguage());
        }
        return DEFAULT;
    }

    public static boolean isSupported(String code) {
        return code != null && CODES.contains(code);
    }
}
