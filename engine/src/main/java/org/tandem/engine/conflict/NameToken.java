package org.tandem.engine.conflict;

/**
 * One word of a person's name in folded form.
 *
 * @param folded     the spelling-independent form (see {@link NameFolding})
 * @param initial    written as an initial ("S.", "Yu.") so it only fixes the start of a word
 * @param plain      lower-case ASCII transliteration before variant folding; initials are
 *                   compared on it too, because folding turns "sh" into one letter and "S." must
 *                   still stand for "Shamil"
 * @param patronymic looks like a Russian patronymic, which Latin publications usually omit
 */
public record NameToken(String folded, String plain, boolean initial, boolean patronymic) {

    /** Whether this initial can stand for {@code full} (the full word starts with it). */
    boolean abbreviates(NameToken full) {
        return initial && (full.folded.startsWith(folded) || full.plain.startsWith(plain));
    }
}
