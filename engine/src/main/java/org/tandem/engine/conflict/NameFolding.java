package org.tandem.engine.conflict;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds one word of a name (or of an organisation) to a script- and spelling-independent form.
 *
 * <p>Why our own table instead of an ICU transliterator: ICU gives one romanisation, but the
 * same Russian colleague is published as Sergey, Sergei and Serguei, Yuri, Yury and Iurii. We
 * therefore transliterate Cyrillic with a fixed table and then collapse the common romanisation
 * variants on the Latin side, so both the Cyrillic and every Latin spelling land on one form.
 * The folded form is a matching key, not something to show to people.
 */
final class NameFolding {

    private NameFolding() {
    }

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "iu"),
            Map.entry('я', "ia"),
            // Ukrainian and Belarusian letters, so their researchers fold the same way.
            Map.entry('і', "i"), Map.entry('ї', "i"), Map.entry('є', "ie"), Map.entry('ґ', "g"),
            Map.entry('ў', "u"));

    /** Lower-cased ASCII letters only: Cyrillic transliterated, diacritics and đ stripped. */
    static String toAscii(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length() + 4);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String cyr = CYRILLIC.get(c);
            if (cyr != null) {
                sb.append(cyr);
            } else if (c == 'đ' || c == 'ð') {
                // Vietnamese đ is a letter of its own, not d plus a mark, so NFD would not strip it.
                sb.append('d');
            } else {
                sb.append(c);
            }
        }
        String decomposed = Normalizer.normalize(sb, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The matching form of one word. Multi-letter sounds become single placeholder letters
     * (upper case, so they cannot collide with a real letter), then spelling variants collapse.
     */
    static String fold(String word) {
        String s = toAscii(word);
        if (s.isEmpty()) {
            return s;
        }
        s = s.replace("shch", "Q")   // щ
                .replace("zh", "Z")  // ж
                .replace("ch", "C")  // ч
                .replace("sh", "S")  // ш
                .replace("tz", "c")
                .replace("ts", "c")  // ц → ts/c
                .replace("x", "ks")  // Alexei = Aleksei
                .replace("w", "v")   // German-style Iwanow
                .replace('j', 'i')   // й → y/i/j
                .replace('y', 'i');
        // х → kh/h, but only inside a word: Vietnamese keeps Khoa and Hoa, Khanh and Hanh apart,
        // and there the difference is always word-initial.
        if (s.length() > 2) {
            s = s.charAt(0) + s.substring(1).replace("kh", "h");
        }
        // ё → e/yo (Pyotr = Petr, Fyodor = Fedor) and word-initial е → ye (Yevgeny = Evgeny).
        s = s.replace("io", "e");
        if (s.startsWith("ie")) {
            s = s.substring(1);
        }
        // Doubled letters carry no identity (Yurii = Yuri, Natalia = Nataliia).
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
