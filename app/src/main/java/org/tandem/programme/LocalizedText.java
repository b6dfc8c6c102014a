package org.tandem.programme;

import jakarta.persistence.Embeddable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A text in the three languages of the programme; any of them may be missing. */
@Embeddable
public class LocalizedText implements org.tandem.platform.i18n.Localizable {

    private String en;
    private String vi;
    private String ru;

    protected LocalizedText() {
    }

    public LocalizedText(String en, String vi, String ru) {
        this.en = trimToNull(en);
        this.vi = trimToNull(vi);
        this.ru = trimToNull(ru);
    }

    public static LocalizedText of(Map<String, String> byLanguage) {
        Map<String, String> m = byLanguage == null ? Map.of() : byLanguage;
        return new LocalizedText(m.get("en"), m.get("vi"), m.get("ru"));
    }

    public String get(String language) {
        return switch (language) {
            case "vi" -> vi;
            case "ru" -> ru;
            default -> en;
        };
    }

    public boolean has(String language) {
        String s = get(language);
        return s != null && !s.isBlank();
    }

    /** In the reader's language, falling back to English (the programme's common language). */
    @Override
    public String in(Locale locale) {
        String s = get(locale.getLanguage());
        return s != null ? s : en != null ? en : vi != null ? vi : ru;
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", en);
        m.put("vi", vi);
        m.put("ru", ru);
        return m;
    }

    public String getEn() {
        return en;
    }

    public String getVi() {
        return vi;
    }

    public String getRu() {
        return ru;
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
