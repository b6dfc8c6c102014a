package org.tandem.engine.conflict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * People indexed by ORCID and by name blocking keys, so a bulk search verifies only the few
 * candidates that could match instead of every pair (thousands × thousands).
 */
final class PersonIndex<T> {

    record Hit<T>(Person person, T value, NameMatch match) {
    }

    private record Entry<T>(Person person, T value) {
    }

    private final Map<PersonNames.BlockKind, Map<String, List<Entry<T>>>> byKey =
            new java.util.EnumMap<>(PersonNames.BlockKind.class);
    private final Map<Orcid, List<Entry<T>>> byOrcid = new HashMap<>();

    void add(Person person, T value) {
        Entry<T> entry = new Entry<>(person, value);
        if (person.orcid() != null) {
            byOrcid.computeIfAbsent(person.orcid(), k -> new ArrayList<>()).add(entry);
        }
        for (PersonNames.BlockKind kind : PersonNames.BlockKind.values()) {
            Map<String, List<Entry<T>>> map = byKey.computeIfAbsent(kind, k -> new HashMap<>());
            for (String key : PersonNames.blockKeys(person.name(), kind)) {
                map.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            }
        }
    }

    /** Everyone who is, or possibly is, {@code query}; the same rules as {@link PersonNames#match(Person, Person)}. */
    List<Hit<T>> lookup(Person query) {
        Set<Entry<T>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Hit<T>> hits = new ArrayList<>();
        List<List<Entry<T>>> candidates = new ArrayList<>();
        if (query.orcid() != null) {
            candidates.add(byOrcid.getOrDefault(query.orcid(), List.of()));
        }
        // Pairs meet pairs; a name's initials meet the other's initials and full words.
        probe(candidates, query, PersonNames.BlockKind.PAIR, PersonNames.BlockKind.PAIR);
        probe(candidates, query, PersonNames.BlockKind.INITIAL, PersonNames.BlockKind.INITIAL);
        probe(candidates, query, PersonNames.BlockKind.INITIAL, PersonNames.BlockKind.LETTER);
        probe(candidates, query, PersonNames.BlockKind.LETTER, PersonNames.BlockKind.INITIAL);
        for (List<Entry<T>> list : candidates) {
            for (Entry<T> e : list) {
                if (seen.add(e)) {
                    NameMatch m = PersonNames.match(query, e.person());
                    if (m != NameMatch.DIFFERENT) {
                        hits.add(new Hit<>(e.person(), e.value(), m));
                    }
                }
            }
        }
        return hits;
    }

    private void probe(List<List<Entry<T>>> candidates, Person query, PersonNames.BlockKind queryKind,
                       PersonNames.BlockKind indexKind) {
        Map<String, List<Entry<T>>> map = byKey.getOrDefault(indexKind, Map.of());
        for (String key : PersonNames.blockKeys(query.name(), queryKind)) {
            List<Entry<T>> list = map.get(key);
            if (list != null) {
                candidates.add(list);
            }
        }
    }
}
