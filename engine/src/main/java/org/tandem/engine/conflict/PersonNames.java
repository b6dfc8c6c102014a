package org.tandem.engine.conflict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Person matching across scripts, diacritics, word order and romanisation variants. Public so
 * the application can reuse it for partner search and de-duplication.
 *
 * <p>Method: every word is folded ({@link NameFolding}); two names are then compared as bags of
 * words. The words both share must cover each name except, at most, a patronymic on one side.
 * Anything weaker but compatible (initials, a missing middle name) is {@link NameMatch#POSSIBLE}.
 * No edit distance: "An" and "Anh" are different Vietnamese names, "Ivanov" and "Ivanova"
 * different people, and a fuzzy distance would merge them.
 */
public final class PersonNames {

    private PersonNames() {
    }

    /**
     * A key equal for names that certainly match without initials: folded full words, patronymic
     * dropped, sorted. "Иванов Сергей Петрович" and "Sergei Ivanov" both give "ivanov sergei".
     * Use it to group candidates for de-duplication; confirm with {@link #match}.
     */
    public static String key(String name) {
        return key(PersonName.parse(name));
    }

    public static String key(PersonName name) {
        return name.tokens().stream()
                .filter(t -> !t.initial() && !t.patronymic())
                .map(NameToken::folded)
                .sorted()
                .collect(Collectors.joining(" "));
    }

    /** True only for {@link NameMatch#SAME}. */
    public static boolean samePerson(String a, String b) {
        return match(PersonName.parse(a), PersonName.parse(b)) == NameMatch.SAME;
    }

    /** ORCID first: two ORCIDs decide alone, either way. Otherwise by name. */
    public static NameMatch match(Person a, Person b) {
        if (a.orcid() != null && b.orcid() != null) {
            return a.orcid().equals(b.orcid()) ? NameMatch.SAME : NameMatch.DIFFERENT;
        }
        return match(a.name(), b.name());
    }

    public static boolean samePerson(Person a, Person b) {
        return match(a, b) == NameMatch.SAME;
    }

    public static NameMatch match(String a, String b) {
        return match(PersonName.parse(a), PersonName.parse(b));
    }

    public static NameMatch match(PersonName a, PersonName b) {
        if (a.isEmpty() || b.isEmpty()) {
            return NameMatch.DIFFERENT;
        }
        List<NameToken> leftA = new ArrayList<>(a.tokens());
        List<NameToken> leftB = new ArrayList<>(b.tokens());
        int common = 0;
        for (var it = leftA.iterator(); it.hasNext(); ) {
            NameToken t = it.next();
            if (t.initial()) {
                continue;
            }
            NameToken same = find(leftB, u -> !u.initial() && u.folded().equals(t.folded()));
            if (same != null) {
                leftB.remove(same);
                it.remove();
                common++;
            }
        }
        if (common == 0) {
            // A shared surname is the anchor; two bags of initials prove nothing.
            return NameMatch.DIFFERENT;
        }
        int initials = matchInitials(leftA, leftB) + matchInitials(leftB, leftA);
        initials += matchInitialPairs(leftA, leftB);
        if (!leftA.isEmpty() && !leftB.isEmpty()) {
            // Each side has a word the other contradicts: Nguyen Van An vs Nguyen Van Anh,
            // or two different patronymics.
            return NameMatch.DIFFERENT;
        }
        if (common + initials < 2) {
            // A single shared word: only one-word names on both sides are worth a look.
            return a.tokens().size() == 1 && b.tokens().size() == 1 ? NameMatch.POSSIBLE : NameMatch.DIFFERENT;
        }
        if (initials > 0) {
            return NameMatch.POSSIBLE;
        }
        List<NameToken> extra = leftA.isEmpty() ? leftB : leftA;
        if (extra.stream().allMatch(NameToken::patronymic)) {
            return NameMatch.SAME;
        }
        // An extra middle name or unmatched initial: probably the same person, not proven.
        return NameMatch.POSSIBLE;
    }

    /** Removes initials of {@code from} that abbreviate a full word of {@code other}. */
    private static int matchInitials(List<NameToken> from, List<NameToken> other) {
        int n = 0;
        for (var it = from.iterator(); it.hasNext(); ) {
            NameToken t = it.next();
            if (!t.initial()) {
                continue;
            }
            NameToken full = find(other, u -> !u.initial() && t.abbreviates(u));
            if (full != null) {
                other.remove(full);
                it.remove();
                n++;
            }
        }
        return n;
    }

    /** Initials on both sides ("Ivanov S." vs "Ivanov S. P.") match when one starts the other. */
    private static int matchInitialPairs(List<NameToken> a, List<NameToken> b) {
        int n = 0;
        for (var it = a.iterator(); it.hasNext(); ) {
            NameToken t = it.next();
            if (!t.initial()) {
                continue;
            }
            NameToken other = find(b, u -> u.initial()
                    && (u.folded().startsWith(t.folded()) || t.folded().startsWith(u.folded())
                    || u.plain().startsWith(t.plain()) || t.plain().startsWith(u.plain())));
            if (other != null) {
                b.remove(other);
                it.remove();
                n++;
            }
        }
        return n;
    }

    private static NameToken find(List<NameToken> list, java.util.function.Predicate<NameToken> p) {
        for (NameToken t : list) {
            if (p.test(t)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Blocking keys: two names that {@link #match} as SAME or POSSIBLE share a key of the same
     * kind, so a bulk search only verifies names within a block instead of all pairs.
     * <ul>
     *   <li>{@code PAIR}: two full words, sorted (a one-word name keys on its word) — catches
     *       every match without initials;</li>
     *   <li>{@code INITIAL}: a full word plus the letter of one of the name's initials;</li>
     *   <li>{@code LETTER}: a full word plus the first letter of another full word.</li>
     * </ul>
     * A name's INITIAL keys are looked up among the other's LETTER and INITIAL keys and vice
     * versa; splitting them keeps a common surname from making one block of everybody.
     * Letters come in folded and plain form, as {@link NameToken#abbreviates} accepts either.
     */
    enum BlockKind { PAIR, INITIAL, LETTER }

    static Set<String> blockKeys(PersonName name, BlockKind kind) {
        Set<String> keys = new LinkedHashSet<>();
        List<NameToken> tokens = name.tokens();
        List<NameToken> full = tokens.stream().filter(t -> !t.initial()).toList();
        if (kind == BlockKind.PAIR) {
            if (tokens.size() == 1 && full.size() == 1) {
                keys.add(full.get(0).folded());
            }
            for (NameToken t : full) {
                for (NameToken u : full) {
                    if (t != u && t.folded().compareTo(u.folded()) <= 0) {
                        keys.add(t.folded() + " " + u.folded());
                    }
                }
            }
            return keys;
        }
        for (NameToken t : full) {
            for (NameToken u : tokens) {
                if (u != t && u.initial() == (kind == BlockKind.INITIAL)) {
                    keys.add(t.folded() + "|" + u.folded().charAt(0));
                    keys.add(t.folded() + "|" + u.plain().charAt(0));
                }
            }
        }
        return keys;
    }
}
