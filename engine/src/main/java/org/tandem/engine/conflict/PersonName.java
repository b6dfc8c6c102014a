package org.tandem.engine.conflict;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's name as written, with its words folded for matching. Word order is deliberately
 * not kept as meaning: Russian and Vietnamese sources put the surname first, Latin ones often
 * last, so "Иванов Сергей" and "Sergei Ivanov" must compare equal.
 */
public record PersonName(String written, List<NameToken> tokens) {

    public PersonName {
        tokens = List.copyOf(tokens);
    }

    public static PersonName parse(String written) {
        String text = written == null ? "" : written.strip();
        List<String> words = new ArrayList<>();
        // Commas ("Ivanov, Sergei") and hyphens are separators; a dot ends an initial.
        for (String part : text.split("[\\s,;\\-‐–]+")) {
            if (part.isEmpty()) {
                continue;
            }
            // "S.P." is two initials.
            int start = 0;
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) == '.') {
                    words.add(part.substring(start, i + 1));
                    start = i + 1;
                }
            }
            if (start < part.length()) {
                words.add(part.substring(start));
            }
        }
        List<String> folded = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        List<Boolean> initials = new ArrayList<>();
        for (String w : words) {
            String f = NameFolding.fold(w);
            if (f.isEmpty()) {
                continue;
            }
            String letters = NameFolding.toAscii(w);
            // A single letter, or a short word with a dot ("Yu.", "Zh."), is an initial.
            boolean initial = w.endsWith(".") && letters.length() <= 2 || w.codePointCount(0, w.length()) == 1;
            folded.add(f);
            plain.add(letters);
            initials.add(initial);
        }
        int fullWords = (int) initials.stream().filter(b -> !b).count();
        List<NameToken> tokens = new ArrayList<>();
        for (int i = 0; i < folded.size(); i++) {
            boolean initial = initials.get(i);
            // Only a third full word can be a patronymic: with two words both are needed.
            boolean patronymic = !initial && fullWords >= 3 && looksPatronymic(folded.get(i));
            tokens.add(new NameToken(folded.get(i), plain.get(i), initial, patronymic));
        }
        return new PersonName(text, tokens);
    }

    private static boolean looksPatronymic(String folded) {
        // Folded forms: -ovich → -oviC, -ovna, -ichna → -iCna, Ilyich → iliC.
        return folded.length() > 4 && (folded.endsWith("oviC") || folded.endsWith("eviC")
                || folded.endsWith("ovna") || folded.endsWith("evna") || folded.endsWith("iCna")
                || folded.endsWith("iC"));
    }

    List<NameToken> fullWords() {
        return tokens.stream().filter(t -> !t.initial()).toList();
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    @Override
    public String toString() {
        return written;
    }
}
