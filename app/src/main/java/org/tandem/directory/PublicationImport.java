package org.tandem.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.engine.io.CsvTable;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an expert's publications from the files people actually have: an ORCID record export
 * (JSON), a BibTeX library, or a CSV with a header. Every problem names the line (or entry) and
 * the field; on any problem nothing is imported.
 */
public final class PublicationImport {

    public enum Format { ORCID, BIBTEX, CSV }

    public record Entry(String title, String abstractText, Integer year, String doi) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublicationImport() {
    }

    public static List<Entry> read(Format format, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return switch (format) {
            case ORCID -> orcid(text);
            case BIBTEX -> bibtex(text);
            case CSV -> csv(text);
        };
    }

    /** ORCID: a full record ({@code activities-summary.works}) or the works list alone ({@code group}). */
    static List<Entry> orcid(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (RuntimeException e) {
            throw InvalidInputException.of("file", "import.orcid.json");
        }
        JsonNode works = root.path("activities-summary").path("works");
        JsonNode groups = works.isMissingNode() ? root.path("group") : works.path("group");
        if (!groups.isArray()) {
            throw InvalidInputException.of("file", "import.orcid.shape");
        }
        List<Entry> list = new ArrayList<>();
        for (JsonNode g : groups) {
            // A group is one work seen by several sources; its first summary is the preferred one.
            JsonNode w = g.path("work-summary").path(0);
            String title = w.path("title").path("title").path("value").asString(null);
            if (title == null || title.isBlank()) {
                continue;
            }
            String year = w.path("publication-date").path("year").path("value").asString(null);
            String doi = null;
            for (JsonNode id : w.path("external-ids").path("external-id")) {
                if ("doi".equalsIgnoreCase(id.path("external-id-type").asString(""))) {
                    doi = id.path("external-id-value").asString(null);
                }
            }
            list.add(new Entry(title.strip(), null, parseYear(year), normaliseDoi(doi)));
        }
        return list;
    }

    private static final Pattern BIB_ENTRY = Pattern.compile("@(\\w+)\\s*\\{\\s*([^,\\s]*)\\s*,");
    private static final Pattern BIB_FIELD = Pattern.compile("(\\w+)\\s*=\\s*");

    static List<Entry> bibtex(String text) {
        List<Entry> list = new ArrayList<>();
        Problems problems = new Problems();
        Matcher m = BIB_ENTRY.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
            String key = m.group(2).isEmpty() ? "#" + n : m.group(2);
            if (m.group(1).equalsIgnoreCase("comment") || m.group(1).equalsIgnoreCase("string")) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            int i = m.end();
            while (i < text.length()) {
                while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
                    i++;
                }
                if (i >= text.length() || text.charAt(i) == '}') {
                    break;
                }
                Matcher f = BIB_FIELD.matcher(text).region(i, text.length());
                if (!f.lookingAt()) {
                    problems.add("entry " + key, "import.bibtex.syntax", key);
                    break;
                }
                i = f.end();
                int[] end = new int[1];
                String value = bibValue(text, i, end);
                if (value == null) {
                    problems.add("entry " + key, "import.bibtex.syntax", key);
                    break;
                }
                fields.put(f.group(1).toLowerCase(Locale.ROOT), value.replaceAll("[{}]", "").replaceAll("\\s+", " ").strip());
                i = end[0];
            }
            String title = fields.get("title");
            if (title == null || title.isBlank()) {
                problems.add("entry " + key + ".title", "import.title.missing", key);
                continue;
            }
            Integer year = null;
            if (fields.containsKey("year")) {
                year = parseYear(fields.get("year"));
                if (year == null) {
                    problems.add("entry " + key + ".year", "import.year.invalid", key, fields.get("year"));
                }
            }
            list.add(new Entry(title, fields.get("abstract"), year, normaliseDoi(fields.get("doi"))));
        }
        if (n == 0) {
            problems.add("file", "import.empty");
        }
        problems.throwIfAny();
        return list;
    }

    /** A braced or quoted BibTeX value (braces may nest), or a bare number; sets end[0] after it. */
    private static String bibValue(String text, int i, int[] end) {
        if (i >= text.length()) {
            return null;
        }
        char c = text.charAt(i);
        if (c == '{') {
            int depth = 0;
            for (int j = i; j < text.length(); j++) {
                if (text.charAt(j) == '{') {
                    depth++;
                } else if (text.charAt(j) == '}' && --depth == 0) {
                    end[0] = j + 1;
                    return text.substring(i + 1, j);
                }
            }
            return null;
        }
        if (c == '"') {
            int j = text.indexOf('"', i + 1);
            if (j < 0) {
                return null;
            }
            end[0] = j + 1;
            return text.substring(i + 1, j);
        }
        int j = i;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)))) {
            j++;
        }
        end[0] = j;
        return j == i ? null : text.substring(i, j);
    }

    /** CSV with a header naming at least {@code title}; optional {@code abstract}, {@code year}, {@code doi}. */
    static List<Entry> csv(String text) {
        Problems problems = new Problems();
        List<Entry> list = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            String header = in.readLine();
            if (header == null) {
                throw InvalidInputException.of("file", "import.empty");
            }
            List<String> cols = List.of(CsvTable.split(header)).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            int title = cols.indexOf("title");
            if (title < 0) {
                throw InvalidInputException.of("line 1", "import.csv.noTitle");
            }
            int abs = cols.indexOf("abstract");
            int year = cols.indexOf("year");
            int doi = cols.indexOf("doi");
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> v = List.of(CsvTable.split(line));
                String t = get(v, title);
                if (t == null) {
                    problems.add("line " + n + ".title", "import.csv.title", n);
                    continue;
                }
                Integer y = null;
                String ys = get(v, year);
                if (ys != null) {
                    y = parseYear(ys);
                    if (y == null) {
                        problems.add("line " + n + ".year", "import.csv.year", n, ys);
                    }
                }
                list.add(new Entry(t, get(v, abs), y, normaliseDoi(get(v, doi))));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        problems.throwIfAny();
        return list;
    }

    private static String get(List<String> v, int i) {
        return i < 0 || i >= v.size() || v.get(i).isBlank() ? null : v.get(i).strip();
    }

    private static Integer parseYear(String s) {
        if (s == null) {
            return null;
        }
        try {
            int y = Integer.parseInt(s.strip());
            return y >= 1900 && y <= 2100 ? y : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String normaliseDoi(String doi) {
        if (doi == null || doi.isBlank()) {
            return null;
        }
        return doi.strip().replaceFirst("(?i)^(https?://(dx\\.)?doi\\.org/|doi:)", "").toLowerCase(Locale.ROOT);
    }
}
