package org.tandem.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.platform.validation.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a publication from what a team has at hand: a Crossref work (the JSON of
 * {@code api.crossref.org/works/<doi>}, with or without its {@code message} envelope), one
 * BibTeX entry or one RIS record. Types are those of COAR, which the OpenAIRE profile uses.
 */
final class PublicationSources {

    /** A publication as read, before it is checked and stored. */
    record Read(String title, String doi, Integer year, String venue, String coarType, List<String> authors) {
    }

    static final String JOURNAL_ARTICLE = "http://purl.org/coar/resource_type/c_6501";
    static final String CONFERENCE_PAPER = "http://purl.org/coar/resource_type/c_5794";
    static final String BOOK = "http://purl.org/coar/resource_type/c_2f33";
    static final String BOOK_PART = "http://purl.org/coar/resource_type/c_3248";
    static final String TEXT = "http://purl.org/coar/resource_type/c_18cf";
    static final List<String> COAR_TYPES = List.of(JOURNAL_ARTICLE, CONFERENCE_PAPER, BOOK, BOOK_PART, TEXT);

    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[^\\s]+");
    private static final Pattern DOI_PREFIX = Pattern.compile("^(?i)(https?://(dx\\.)?doi\\.org/|doi:\\s*)");

    private PublicationSources() {
    }

    /** The DOI without resolver prefix, or empty when the text is not a DOI at all. */
    static Optional<String> doi(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String d = DOI_PREFIX.matcher(text.strip()).replaceFirst("");
        return DOI.matcher(d).matches() ? Optional.of(d) : Optional.empty();
    }

    static Read crossref(JsonNode root) {
        JsonNode work = root.has("message") ? root.path("message") : root;
        if (!work.isObject() || !work.has("DOI") && !work.has("title")) {
            throw InvalidInputException.of("crossref", "project.output.crossref");
        }
        List<String> authors = new ArrayList<>();
        for (JsonNode a : work.path("author")) {
            String name = a.has("family")
                    ? (a.path("given").asString("") + " " + a.path("family").asString()).strip()
                    : a.path("name").asString("");
            if (!name.isBlank()) {
                authors.add(name);
            }
        }
        Integer year = null;
        for (String date : List.of("issued", "published-print", "published-online", "created")) {
            JsonNode part = work.path(date).path("date-parts").path(0).path(0);
            if (part.isNumber()) {
                year = part.asInt();
                break;
            }
        }
        String type = switch (work.path("type").asString("")) {
            case "journal-article" -> JOURNAL_ARTICLE;
            case "proceedings-article" -> CONFERENCE_PAPER;
            case "book", "monograph", "edited-book" -> BOOK;
            case "book-chapter", "book-part", "book-section" -> BOOK_PART;
            default -> TEXT;
        };
        return new Read(first(work.path("title")), work.path("DOI").asString(null), year, first(work.path("container-title")),
                type, authors);
    }

    private static String first(JsonNode node) {
        if (node.isArray()) {
            return node.isEmpty() ? null : node.path(0).asString();
        }
        return node.isString() ? node.asString() : null;
    }

    private static final Pattern ENTRY = Pattern.compile("@(\\w+)\\s*[{(]\\s*([^,\\s]*)\\s*,");
    private static final Pattern FIELD = Pattern.compile("\\s*,?\\s*(\\w+)\\s*=\\s*");

    /** The first entry of a BibTeX text. */
    static Read bibtex(String text) {
        Matcher entry = ENTRY.matcher(text == null ? "" : text);
        if (!entry.find()) {
            throw InvalidInputException.of("bibtex", "project.output.bibtex");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int i = entry.end();
        while (i < text.length()) {
            Matcher f = FIELD.matcher(text).region(i, text.length());
            if (!f.lookingAt()) {
                break;
            }
            int[] end = new int[1];
            String value = value(text, f.end(), end);
            if (value == null) {
                throw InvalidInputException.of("bibtex", "project.output.bibtex");
            }
            fields.put(f.group(1).toLowerCase(Locale.ROOT), clean(value));
            i = end[0];
        }
        if (!fields.containsKey("title")) {
            throw InvalidInputException.of("bibtex", "project.output.bibtex");
        }
        List<String> authors = new ArrayList<>();
        for (String a : fields.getOrDefault("author", "").split("\\s+and\\s+")) {
            String name = a.strip();
            int comma = name.indexOf(',');
            if (comma >= 0) {
                name = (name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip()).strip();
            }
            if (!name.isEmpty()) {
                authors.add(name);
            }
        }
        Integer year = null;
        String y = fields.get("year");
        if (y != null && y.strip().matches("\\d{4}")) {
            year = Integer.parseInt(y.strip());
        }
        String type = switch (entry.group(1).toLowerCase(Locale.ROOT)) {
            case "article" -> JOURNAL_ARTICLE;
            case "inproceedings", "conference" -> CONFERENCE_PAPER;
            case "book" -> BOOK;
            case "incollection", "inbook" -> BOOK_PART;
            default -> TEXT;
        };
        String venue = fields.getOrDefault("journal", fields.getOrDefault("booktitle", fields.get("publisher")));
        return new Read(fields.get("title"), fields.get("doi"), year, venue, type, authors);
    }

    /** A braced, quoted or bare value starting at {@code i}; {@code end[0]} is set past it. */
    private static String value(String text, int i, int[] end) {
        if (i >= text.length()) {
            return null;
        }
        char c = text.charAt(i);
        if (c == '{') {
            int depth = 0;
            for (int j = i; j < text.length(); j++) {
                char d = text.charAt(j);
                if (d == '{') {
                    depth++;
                } else if (d == '}' && --depth == 0) {
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
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        end[0] = j;
        return j == i ? null : text.substring(i, j);
    }

    /** Drops BibTeX's protecting braces and accent commands ({@code {\"o}} → o), keeping the letters. */
    private static String clean(String v) {
        return v.replaceAll("\\\\[`'^\"~=.uvHcdbk]\\s*", "").replace("{", "").replace("}", "")
                .replaceAll("\\s+", " ").strip();
    }

    private static final Pattern RIS_LINE = Pattern.compile("^([A-Z][A-Z0-9])  -(?: (.*))?$");
    private static final Pattern RIS_YEAR = Pattern.compile("^(\\d{4})(/.*)?$");

    /**
     * The first record of a RIS text (the tagged format reference managers export: {@code TY  - JOUR}
     * … {@code ER  - }). Strict about the layout, so a damaged file is named by its line rather than
     * stored half-read.
     */
    static Read ris(String text) {
        String[] lines = (text == null ? "" : text.replace("\uFEFF", "")).split("\\R");
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        Matcher first = i < lines.length ? RIS_LINE.matcher(lines[i].stripTrailing()) : null;
        if (first == null || !first.matches() || !"TY".equals(first.group(1)) || first.group(2) == null
                || first.group(2).isBlank()) {
            throw InvalidInputException.of("ris", "project.output.ris.start",
                    Math.min(i, Math.max(0, lines.length - 1)) + 1);
        }
        String risType = first.group(2).strip();
        String title = null;
        String doi = null;
        String venue = null;
        Integer year = null;
        List<String> authors = new ArrayList<>();
        boolean ended = false;
        for (i = i + 1; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            Matcher m = RIS_LINE.matcher(line);
            if (!m.matches()) {
                throw InvalidInputException.of("ris", "project.output.ris.line", i + 1);
            }
            String tag = m.group(1);
            String value = m.group(2) == null ? "" : m.group(2).strip();
            if ("ER".equals(tag)) {
                ended = true;
                break;
            }
            switch (tag) {
                case "TI", "T1" -> title = title == null ? value : title;
                case "AU", "A1", "A2" -> {
                    int comma = value.indexOf(',');
                    String name = comma < 0 ? value
                            : (value.substring(comma + 1).replace(",", " ").strip() + " " + value.substring(0, comma).strip());
                    if (!name.isBlank()) {
                        authors.add(name.strip().replaceAll("\\s+", " "));
                    }
                }
                case "PY", "Y1", "DA" -> {
                    if (year == null || !"DA".equals(tag)) {
                        Matcher y = RIS_YEAR.matcher(value);
                        if (!y.matches()) {
                            throw InvalidInputException.of("ris", "project.output.ris.year", i + 1, value);
                        }
                        year = Integer.parseInt(y.group(1));
                    }
                }
                case "DO" -> doi = value;
                case "JO", "JF", "T2", "BT", "J2" -> venue = venue == null ? value : venue;
                default -> {
                    // Other tags (abstract, pages, keywords…) are not part of an output record.
                }
            }
        }
        if (!ended) {
            throw InvalidInputException.of("ris", "project.output.ris.end");
        }
        if (title == null || title.isBlank()) {
            throw InvalidInputException.of("ris", "project.output.ris.title");
        }
        String type = switch (risType) {
            case "JOUR", "EJOUR", "MGZN" -> JOURNAL_ARTICLE;
            case "CONF", "CPAPER" -> CONFERENCE_PAPER;
            case "BOOK", "EBOOK", "EDBOOK" -> BOOK;
            case "CHAP", "ECHAP" -> BOOK_PART;
            default -> TEXT;
        };
        return new Read(title, doi == null || doi.isBlank() ? null : doi, year, venue, type, authors);
    }
}
