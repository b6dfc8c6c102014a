package org.tandem.engine.conflict;

import org.tandem.engine.io.BadInputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSONL files of {@code conflicts}: one JSON object per line, blank lines skipped.
 * Each line is parsed to plain maps and lists first and then checked field by field, so an error
 * names the file, the line and the field (e.g. {@code team[1].orcid}).
 *
 * <pre>
 * proposal: {"id": "P1", "team": [{"name": "...", "orcid": "...", "organisation": "..."}]}
 * expert:   {"id": "E1", "name": "...", "orcid": "...",
 *            "affiliations": [{"organisation": "...", "from": 2015, "to": 2021}],   // to absent = current
 *            "publications": [{"title": "...", "year": 2022,
 *                              "coauthors": [{"name": "...", "orcid": "..."} or "name"]}],
 *            "declared_conflicts": [{"proposal_id": "P1", "by": "expert"|"officer", "reason": "..."}]}
 * </pre>
 * Only id, name (of every person), organisation (of an affiliation) and year (of a publication)
 * are required; unknown fields are ignored so the application can export richer records.
 */
final class ConflictInput {

    private static final JsonFactory JSON = new JsonFactory();

    private ConflictInput() {
    }

    /** One parsed line, with where it came from. */
    private record Line(String file, int number, Map<String, Object> object) {

        BadInputException bad(String field, String problem) {
            return new BadInputException(file, number, field, problem);
        }

        String requiredString(Map<String, Object> o, String name, String path) throws BadInputException {
            String s = optionalString(o, name, path);
            if (s == null || s.isBlank()) {
                throw bad(path + name, "required, a non-empty string");
            }
            return s;
        }

        String optionalString(Map<String, Object> o, String name, String path) throws BadInputException {
            Object v = o.get(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof String s)) {
                throw bad(path + name, "must be a string");
            }
            return s;
        }

        Integer optionalYear(Map<String, Object> o, String name, String path) throws BadInputException {
            Object v = o.get(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof Long n) || n < 1000 || n > 9999) {
                throw bad(path + name, "must be a four-digit year");
            }
            return n.intValue();
        }

        List<Map<String, Object>> objects(Map<String, Object> o, String name, String path, boolean stringsAsName)
                throws BadInputException {
            Object v = o.get(name);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                throw bad(path + name, "must be an array");
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                if (stringsAsName && e instanceof String s) {
                    out.add(Map.of("name", s));
                } else if (e instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> cast = (Map<String, Object>) m;
                    out.add(cast);
                } else {
                    throw bad(path + name + "[" + i + "]", "must be an object");
                }
            }
            return out;
        }

        Person person(Map<String, Object> o, String path, boolean withOrganisation) throws BadInputException {
            String name = requiredString(o, "name", path);
            String orcid = optionalString(o, "orcid", path);
            Orcid parsed;
            try {
                parsed = Orcid.parse(orcid);
            } catch (IllegalArgumentException e) {
                throw bad(path + "orcid", "not an ORCID iD: " + orcid);
            }
            if (PersonName.parse(name).isEmpty()) {
                throw bad(path + "name", "has no letters: " + name);
            }
            String org = withOrganisation ? optionalString(o, "organisation", path) : null;
            return new Person(PersonName.parse(name), parsed, org);
        }
    }

    static List<ProposalParties> proposals(Path file) throws BadInputException {
        List<ProposalParties> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Line line : lines(file)) {
            Map<String, Object> o = line.object();
            String id = uniqueId(line, ids);
            List<Person> team = new ArrayList<>();
            List<Map<String, Object>> members = line.objects(o, "team", "", false);
            for (int i = 0; i < members.size(); i++) {
                team.add(line.person(members.get(i), "team[" + i + "].", true));
            }
            out.add(new ProposalParties(id, team));
        }
        return out;
    }

    static List<Expert> experts(Path file) throws BadInputException {
        List<Expert> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Line line : lines(file)) {
            Map<String, Object> o = line.object();
            String id = uniqueId(line, ids);
            Person self = line.person(o, "", false);

            List<Affiliation> affiliations = new ArrayList<>();
            List<Map<String, Object>> affs = line.objects(o, "affiliations", "", false);
            for (int i = 0; i < affs.size(); i++) {
                String p = "affiliations[" + i + "].";
                Map<String, Object> a = affs.get(i);
                String org = line.requiredString(a, "organisation", p);
                Integer from = line.optionalYear(a, "from", p);
                Integer to = line.optionalYear(a, "to", p);
                if (from != null && to != null && to < from) {
                    throw line.bad(p + "to", "is before 'from'");
                }
                affiliations.add(new Affiliation(org, from, to));
            }

            List<Publication> publications = new ArrayList<>();
            List<Map<String, Object>> pubs = line.objects(o, "publications", "", false);
            for (int i = 0; i < pubs.size(); i++) {
                String p = "publications[" + i + "].";
                Map<String, Object> pub = pubs.get(i);
                String title = line.optionalString(pub, "title", p);
                Integer year = line.optionalYear(pub, "year", p);
                if (year == null) {
                    throw line.bad(p + "year", "required, a four-digit year");
                }
                List<Person> coauthors = new ArrayList<>();
                List<Map<String, Object>> cos = line.objects(pub, "coauthors", p, true);
                for (int j = 0; j < cos.size(); j++) {
                    coauthors.add(line.person(cos.get(j), p + "coauthors[" + j + "].", false));
                }
                publications.add(new Publication(title == null ? "untitled" : title, year, coauthors));
            }

            List<DeclaredConflict> declared = new ArrayList<>();
            List<Map<String, Object>> decl = line.objects(o, "declared_conflicts", "", false);
            for (int i = 0; i < decl.size(); i++) {
                String p = "declared_conflicts[" + i + "].";
                Map<String, Object> d = decl.get(i);
                String pid = line.requiredString(d, "proposal_id", p);
                String by = line.optionalString(d, "by", p);
                if (by != null && !by.equals("expert") && !by.equals("officer")) {
                    throw line.bad(p + "by", "must be \"expert\" or \"officer\"");
                }
                declared.add(new DeclaredConflict(pid, "officer".equals(by), line.optionalString(d, "reason", p)));
            }
            out.add(new Expert(id, self, affiliations, publications, declared));
        }
        return out;
    }

    private static String uniqueId(Line line, Set<String> ids) throws BadInputException {
        String id = line.requiredString(line.object(), "id", "");
        if (!ids.add(id)) {
            throw line.bad("id", "duplicate id " + id);
        }
        return id;
    }

    private static List<Line> lines(Path file) throws BadInputException {
        String name = file.toString();
        List<Line> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int n = 0;
            while ((text = reader.readLine()) != null) {
                n++;
                if (text.isBlank()) {
                    continue;
                }
                Object value;
                try (JsonParser parser = JSON.createParser(text)) {
                    value = read(parser, parser.nextToken());
                    if (parser.nextToken() != null) {
                        throw new BadInputException(name, n, null, "more than one JSON value on the line");
                    }
                } catch (JsonProcessingException e) {
                    throw new BadInputException(name, n, null, "invalid JSON: " + e.getOriginalMessage());
                }
                if (!(value instanceof Map<?, ?> m)) {
                    throw new BadInputException(name, n, null, "each line must be a JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) m;
                out.add(new Line(name, n, object));
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(name, 0, null, "not UTF-8");
        } catch (IOException e) {
            throw new BadInputException(name, 0, null, "cannot read: " + e.getMessage());
        }
        return out;
    }

    /** A JSON value as Map, List, String, Long, Double, Boolean or null. */
    private static Object read(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "empty");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    map.put(field, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(p, next));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
        }
    }

    static OrganisationAliases aliases(Path file, OrganisationAliases into) throws BadInputException {
        String name = file.toString();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    into.addCsvLine(lines.get(i), i + 1);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(name, i + 1, null, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new BadInputException(name, 0, null, "cannot read: " + e.getMessage());
        }
        return into;
    }
}
