package org.tandem.engine.affinity;

import org.tandem.engine.io.BadInputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads proposals and experts from JSON Lines (one object per line, blank lines ignored).
 * Unknown fields are skipped so agencies can leave extra columns in; missing optional fields
 * are empty; ids may be strings or numbers. Anything else is an {@link BadInputException}.
 */
public final class JsonlReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonlReader() {
    }

    public static List<ProposalText> readProposals(Path file) throws BadInputException {
        List<ProposalText> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        readLines(file, (p, line) -> {
            String id = null;
            String title = null;
            String abs = null;
            List<String> keywords = null;
            List<String> fields = null;
            Location at = new Location(file, line);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "id" -> id = id(p, at);
                    case "title" -> title = text(p, at, "title");
                    case "abstract" -> abs = text(p, at, "abstract");
                    case "keywords" -> keywords = strings(p, at, "keywords");
                    case "fields" -> fields = strings(p, at, "fields");
                    default -> p.skipChildren();
                }
            }
            requireNewId(id, ids, at);
            out.add(new ProposalText(id, title, abs, keywords, fields));
        });
        return out;
    }

    public static List<ExpertProfile> readExperts(Path file) throws BadInputException {
        List<ExpertProfile> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        readLines(file, (p, line) -> {
            String id = null;
            List<String> keywords = null;
            List<String> fields = null;
            List<Publication> pubs = new ArrayList<>();
            Location at = new Location(file, line);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "id" -> id = id(p, at);
                    case "keywords" -> keywords = strings(p, at, "keywords");
                    case "fields" -> fields = strings(p, at, "fields");
                    case "publications" -> publications(p, at, pubs);
                    default -> p.skipChildren();
                }
            }
            requireNewId(id, ids, at);
            out.add(new ExpertProfile(id, keywords, fields, pubs));
        });
        return out;
    }

    private record Location(Path file, long line) {
        BadInputException error(String field, String problem) {
            return new BadInputException(file.toString(), line, field, problem);
        }
    }

    private interface LineHandler {
        void object(JsonParser p, long line) throws IOException, BadInputException;
    }

    private static void readLines(Path file, LineHandler handler) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), 0, null, "not a readable file");
        }
        long lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // spreadsheet exports often start with a BOM
                }
                if (line.isBlank()) {
                    continue;
                }
                try (JsonParser p = JSON.createParser(line)) {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        throw new BadInputException(file.toString(), lineNo, null, "expected a JSON object");
                    }
                    handler.object(p, lineNo);
                    if (p.nextToken() != null) {
                        throw new BadInputException(file.toString(), lineNo, null,
                                "unexpected content after the JSON object");
                    }
                } catch (JsonProcessingException e) {
                    throw new BadInputException(file.toString(), lineNo, null,
                            "invalid JSON: " + e.getOriginalMessage());
                }
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException(file.toString(), lineNo + 1, null, "not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), lineNo, null, "cannot read: " + e.getMessage());
        }
    }

    private static void requireNewId(String id, Set<String> seen, Location at) throws BadInputException {
        if (id == null || id.isBlank()) {
            throw at.error("id", "missing or empty");
        }
        if (!seen.add(id)) {
            throw at.error("id", "duplicate id " + id);
        }
    }

    private static String id(JsonParser p, Location at) throws IOException, BadInputException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getText().trim();
        }
        throw at.error("id", "must be a string or an integer");
    }

    private static String text(JsonParser p, Location at, String field) throws IOException, BadInputException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw at.error(field, "must be a string");
        }
        return p.getText();
    }

    /** An array of strings; numbers are accepted too, as FOS codes are sometimes written 1.2. */
    private static List<String> strings(JsonParser p, Location at, String field)
            throws IOException, BadInputException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw at.error(field, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                out.add(p.getText());
            } else if (t != JsonToken.VALUE_NULL) {
                throw at.error(field + "[" + out.size() + "]", "must be a string");
            }
        }
        return out;
    }

    private static void publications(JsonParser p, Location at, List<Publication> out)
            throws IOException, BadInputException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw at.error("publications", "must be an array of objects");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String where = "publications[" + out.size() + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw at.error(where, "must be an object");
            }
            String title = null;
            String abs = null;
            Integer year = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "title" -> title = text(p, at, where + ".title");
                    case "abstract" -> abs = text(p, at, where + ".abstract");
                    case "year" -> year = year(p, v, at, where + ".year");
                    default -> p.skipChildren();
                }
            }
            out.add(new Publication(title, abs, year));
        }
    }

    private static Integer year(JsonParser p, JsonToken v, Location at, String field)
            throws IOException, BadInputException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        String s = v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_STRING ? p.getText().trim() : null;
        if (s != null && s.isEmpty()) {
            return null;
        }
        try {
            int y = Integer.parseInt(s == null ? "x" : s);
            if (y >= 1000 && y <= 2999) {
                return y;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw at.error(field, "must be a four-digit year");
    }
}
