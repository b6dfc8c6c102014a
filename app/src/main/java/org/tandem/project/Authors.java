package org.tandem.project;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an author of a publication is a member of a team. Names come in every order
 * (Vietnamese family name first, Crossref's given/family, BibTeX's "Family, Given"), with or
 * without diacritics, in Latin or Cyrillic, and with initials: so names are compared as sets of
 * transliterated tokens, an initial matching a token that starts with it.
 */
final class Authors {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"));

    private Authors() {
    }

    static List<String> tokens(String name) {
        if (name == null) {
            return List.of();
        }
        StringBuilder latin = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).replace('đ', 'd').toCharArray()) {
            String t = CYRILLIC.get(c);
            latin.append(t != null ? t : String.valueOf(c));
        }
        String plain = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // "Nguyen, V.A." and "V.-A. Nguyen": dots and hyphens separate initials too.
        return Arrays.stream(plain.split("[^a-z]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Every token of the author matches a distinct token of the member, at least one of them in full. */
    static boolean same(String author, String member) {
        List<String> a = tokens(author);
        List<String> m = new ArrayList<>(tokens(member));
        if (a.size() < 2 || m.isEmpty()) {
            return false;
        }
        boolean full = false;
        // Full tokens first, so an initial cannot take the token a full name needs.
        List<String> ordered = new ArrayList<>(a.stream().filter(t -> t.length() > 1).toList());
        ordered.addAll(a.stream().filter(t -> t.length() == 1).toList());
        for (String t : ordered) {
            int hit = t.length() > 1 ? m.indexOf(t) : indexOfInitial(m, t.charAt(0));
            if (hit < 0) {
                return false;
            }
            full |= t.length() > 1;
            m.remove(hit);
        }
        return full;
    }

    private static int indexOfInitial(List<String> tokens, char initial) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).charAt(0) == initial) {
                return i;
            }
        }
        return -1;
    }
}
