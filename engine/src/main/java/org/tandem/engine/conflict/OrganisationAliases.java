package org.tandem.engine.conflict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import org.tandem.engine.io.CsvTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One organisation under several names: "Vietnam Academy of Science and Technology" = "VAST" =
 * "Viện Hàn lâm Khoa học và Công nghệ Việt Nam". Names are compared after the same folding as
 * person names (case, diacritics, Cyrillic, punctuation), so an alias list needs one spelling
 * per name, not every romanisation. Names in no group only match themselves.
 */
public final class OrganisationAliases {

    /** folded name → group number. */
    private final Map<String, Integer> groupOf = new HashMap<>();
    /** group number → the first name given for it, used in conflict details. */
    private final List<String> canonical = new ArrayList<>();

    public static OrganisationAliases none() {
        return new OrganisationAliases();
    }

    /** The built-in groups for partner-country academies (resource {@code organisation-aliases.csv}). */
    public static OrganisationAliases builtIn() {
        OrganisationAliases aliases = new OrganisationAliases();
        try (InputStream in = OrganisationAliases.class.getResourceAsStream("organisation-aliases.csv")) {
            if (in == null) {
                throw new IllegalStateException("organisation-aliases.csv missing from the engine jar");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                aliases.addCsvLine(line, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return aliases;
    }

    /** Declares that all these names denote one organisation; groups sharing a name merge. */
    public OrganisationAliases add(String... names) {
        return add(Arrays.asList(names));
    }

    public OrganisationAliases add(List<String> names) {
        Integer group = null;
        for (String name : names) {
            Integer existing = groupOf.get(fold(name));
            if (existing != null) {
                group = group == null ? existing : merge(group, existing);
            }
        }
        if (group == null) {
            group = canonical.size();
            canonical.add(names.get(0).strip());
        }
        for (String name : names) {
            if (!fold(name).isEmpty()) {
                groupOf.put(fold(name), group);
            }
        }
        return this;
    }

    private int merge(int keep, int drop) {
        if (keep != drop) {
            groupOf.replaceAll((k, g) -> g == drop ? keep : g);
        }
        return keep;
    }

    /**
     * Adds one CSV line: all names of one organisation, comma-separated, double quotes allowed.
     * Blank lines and lines starting with '#' are skipped.
     *
     * @throws IllegalArgumentException with the line number on a malformed line
     */
    public void addCsvLine(String line, int lineNumber) {
        if (line.isBlank() || line.strip().startsWith("#")) {
            return;
        }
        if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw new IllegalArgumentException("line " + lineNumber + ": unclosed quote");
        }
        List<String> names = Arrays.stream(CsvTable.split(line)).filter(s -> !s.isEmpty()).toList();
        if (!names.isEmpty()) {
            add(names);
        }
    }

    /** Equal for two names of the same organisation. */
    public String key(String organisation) {
        String folded = fold(organisation);
        Integer group = groupOf.get(folded);
        return group == null ? folded : "#" + group;
    }

    public boolean same(String a, String b) {
        String ka = key(a);
        return !ka.isEmpty() && ka.equals(key(b));
    }

    /** A readable name for the organisation: the first name of its alias group, else as given. */
    public String displayName(String organisation) {
        Integer group = groupOf.get(fold(organisation));
        return group == null ? organisation.strip() : canonical.get(group);
    }

    private static String fold(String organisation) {
        if (organisation == null) {
            return "";
        }
        return Arrays.stream(organisation.split("[^\\p{L}\\p{N}]+"))
                .map(NameFolding::fold)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }
}
