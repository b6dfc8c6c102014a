package org.tandem.directory;

import com.ibm.icu.text.Transliterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Folds names and words to one ASCII spelling so that search works across scripts and
 * transliteration habits: "Иванов" and "Ivanov", "Nguyễn" and "Nguyen", "Сергей", "Sergey",
 * "Sergei" and "Sergej", "Юрий", "Yuri", "Yury" and "Iurii" all meet.
 */
public final class SearchKeys {

    // BGN/PCGN first for Russian (Ю → Yu, й → y), then any other script, then strip diacritics (Đ → D).
    private static final ThreadLocal<Transliterator> LATIN = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));

    private SearchKeys() {
    }

    /** The folded form of a text: lower-case ASCII words separated by single spaces. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = LATIN.get().transliterate(text).toLowerCase(Locale.ROOT);
        s = s.replaceAll("[^a-z0-9]+", " ").strip();
        // Spelling habits of Russian transliteration converge on one form.
        s = s.replace("shch", "sc").replace("kh", "h").replace("ts", "c").replace("zh", "z")
                .replace("yo", "e").replace("y", "i").replace("j", "i");
        return s.replaceAll("i{2,}", "i");
    }

    public static List<String> words(String text) {
        String k = of(text);
        return k.isEmpty() ? List.of() : Arrays.asList(k.split(" "));
    }
}
