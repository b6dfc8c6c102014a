package org.tandem.project;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.platform.validation.InvalidInputException;

/**
 * A party's pattern for its task codes, e.g. Vietnam's {@code NDT/<partner ISO>/<yy>/<nn>}
 * (DOMAIN §2: xx = the partner's ISO 3166 code, yy = year, zz = serial). Placeholders:
 * {@code <partner ISO>} (the other parties' country codes, joined by "-"), {@code <ISO>} (the
 * party's own), {@code <yy>}, {@code <yyyy>} and exactly one serial {@code <n…n>} whose width is
 * the number of n's (zero-padded, growing when the serials outgrow it).
 */
record CodePattern(String pattern) {

    static final String VIETNAM_DEFAULT = "NDT/<partner ISO>/<yy>/<nn>";
    static final String OTHER_DEFAULT = "<ISO>-<partner ISO>-<yyyy>-<nnn>";
    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]*)>");
    private static final Pattern SERIAL = Pattern.compile("n+");

    static CodePattern defaultFor(String countryCode) {
        return new CodePattern("VN".equalsIgnoreCase(countryCode) ? VIETNAM_DEFAULT : OTHER_DEFAULT);
    }

    /** Refuses a pattern with an unknown placeholder or without exactly one serial. */
    static CodePattern parse(String field, String text) {
        if (text == null || text.isBlank() || text.strip().length() > 60) {
            throw InvalidInputException.of(field, "project.pattern.blank");
        }
        String p = text.strip();
        int serials = 0;
        Matcher m = PLACEHOLDER.matcher(p);
        while (m.find()) {
            String name = m.group(1);
            if (SERIAL.matcher(name).matches()) {
                serials++;
            } else if (!List.of("partner ISO", "ISO", "yy", "yyyy").contains(name)) {
                throw InvalidInputException.of(field, "project.pattern.placeholder", "<" + name + ">");
            }
        }
        if (serials != 1) {
            throw InvalidInputException.of(field, "project.pattern.serial");
        }
        return new CodePattern(p);
    }

    /** The code without its serial: serials count up per prefix, so a new year starts again at 01. */
    String prefix(String ownIso, List<String> partnerIsos, int year) {
        return render(ownIso, partnerIsos, year, null);
    }

    String code(String ownIso, List<String> partnerIsos, int year, int serial) {
        return render(ownIso, partnerIsos, year, serial);
    }

    private String render(String ownIso, List<String> partnerIsos, int year, Integer serial) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "partner ISO" -> String.join("-", partnerIsos);
                case "ISO" -> ownIso;
                case "yy" -> String.format("%02d", Math.floorMod(year, 100));
                case "yyyy" -> Integer.toString(year);
                default -> serial == null ? "<serial>" : String.format("%0" + name.length() + "d", serial);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
