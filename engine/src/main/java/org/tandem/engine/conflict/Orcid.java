package org.tandem.engine.conflict;

import java.util.Locale;
import java.util.regex.Pattern;

/** An ORCID iD in canonical form {@code 0000-0002-1825-0097}; URLs and spacing are accepted. */
public record Orcid(String value) {

    private static final Pattern CANONICAL = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");

    public Orcid {
        if (!CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not an ORCID iD: " + value);
        }
    }

    /** Parses "https://orcid.org/0000-…", "0000 0002 …" etc.; null or blank gives null. */
    public static Orcid parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().toUpperCase(Locale.ROOT)
                .replaceFirst("^(HTTPS?://)?(WWW\\.)?ORCID\\.ORG/", "");
        String digits = s.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{15}[\\dX]")) {
            throw new IllegalArgumentException("not an ORCID iD: " + text);
        }
        return new Orcid(digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-"
                + digits.substring(8, 12) + "-" + digits.substring(12));
    }

    @Override
    public String toString() {
        return value;
    }
}
