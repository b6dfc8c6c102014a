package org.tandem.project;

import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.util.MultiValueMap;

/**
 * OAI-PMH 2.0 at {@code /oai}, serving the OpenAIRE Guidelines for CRIS Managers 1.2 profile
 * (metadataPrefix {@code oai_cerif_openaire}) so that OpenAIRE and national CRIS harvest the
 * projects, their funding, organisations, people and public outputs. Lists are paged with
 * resumption tokens that carry the whole request, so any node answers the next page.
 */
@Controller
class OaiPmh {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String PREFIX = "oai_cerif_openaire";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> VERBS = Set.of("Identify", "ListMetadataFormats", "ListSets", "ListIdentifiers",
            "ListRecords", "GetRecord");

    private final CerifRecords records;
    private final Clock clock;
    private final String repositoryId;
    private final String adminEmail;
    private int pageSize;

    OaiPmh(CerifRecords records, Clock clock, @Value("${tandem.oai.repository-identifier:tandem.example.org}") String repositoryId,
           @Value("${tandem.oai.admin-email:oai@tandem.example.org}") String adminEmail,
           @Value("${tandem.oai.page-size:100}") int pageSize) {
        this.records = records;
        this.clock = clock;
        this.repositoryId = repositoryId;
        this.adminEmail = adminEmail;
        this.pageSize = pageSize;
    }

    /** For tests of paging, which cannot create a hundred records cheaply. */
    void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    int pageSize() {
        return pageSize;
    }

    /** An OAI error: the code of the protocol and a sentence for the harvester's operator. */
    static final class OaiError extends Exception {
        final String code;

        OaiError(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    @GetMapping(value = "/oai", produces = MediaType.TEXT_XML_VALUE)
    @ResponseBody
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> oai(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request)
            throws XMLStreamException {
        String base = request.getRequestURL().toString();
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("", "OAI-PMH", OAI);
        w.writeDefaultNamespace(OAI);
        w.writeNamespace("xsi", XSI);
        w.writeAttribute("xsi", XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd "
                + CerifRecords.CERIF + " https://www.openaire.eu/schema/cris/1.2/openaire-cerif-profile.xsd");
        el(w, "responseDate", SECONDS.format(clock.instant()));
        try {
            Map<String, String> args = single(params);
            String verb = args.get("verb");
            if (verb == null || !VERBS.contains(verb)) {
                throw new OaiError("badVerb", verb == null ? "No verb was given." : "Unknown verb " + verb + ".");
            }
            // Body first into its own buffer: the request element echoes arguments only when they were valid.
            StringWriter body = new StringWriter();
            XMLStreamWriter b = XMLOutputFactory.newFactory().createXMLStreamWriter(body);
            b.setDefaultNamespace(OAI);
            b.writeStartElement("", "wrap", OAI);
            b.writeDefaultNamespace(OAI);
            b.writeNamespace("xsi", XSI);
            switch (verb) {
                case "Identify" -> identify(b, args, base);
                case "ListMetadataFormats" -> listMetadataFormats(b, args);
                case "ListSets" -> listSets(b, args);
                case "GetRecord" -> getRecord(b, args);
                default -> list(b, args, verb);
            }
            b.writeEndElement();
            b.flush();
            w.writeStartElement(OAI, "request");
            for (var e : args.entrySet()) {
                w.writeAttribute(e.getKey(), e.getValue());
            }
            w.writeCharacters(base);
            w.writeEndElement();
            w.flush();
            String inner = body.toString();
            inner = inner.substring(inner.indexOf('>', inner.indexOf("<wrap")) + 1, inner.lastIndexOf("</wrap>"));
            out.write(inner);
        } catch (OaiError e) {
            w.writeStartElement(OAI, "request");
            w.writeCharacters(base);
            w.writeEndElement();
            w.writeStartElement(OAI, "error");
            w.writeAttribute("code", e.code);
            w.writeCharacters(e.getMessage());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
        return ResponseEntity.ok().contentType(new MediaType("text", "xml", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> single(MultiValueMap<String, String> params) throws OaiError {
        Map<String, String> args = new java.util.TreeMap<>();
        for (var e : params.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new OaiError("badArgument", "The argument " + e.getKey() + " is repeated.");
            }
            args.put(e.getKey(), e.getValue().get(0));
        }
        return args;
    }

    private static void allow(Map<String, String> args, Set<String> required, Set<String> optional) throws OaiError {
        for (String key : args.keySet()) {
            if (!key.equals("verb") && !required.contains(key) && !optional.contains(key)) {
                throw new OaiError("badArgument", "The argument " + key + " is not allowed here.");
            }
        }
        for (String key : required) {
            if (!args.containsKey(key)) {
                throw new OaiError("badArgument", "The argument " + key + " is required.");
            }
        }
    }

    private static void el(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(OAI, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private void identify(XMLStreamWriter w, Map<String, String> args, String base) throws XMLStreamException, OaiError {
        allow(args, Set.of(), Set.of());
        w.writeStartElement(OAI, "Identify");
        el(w, "repositoryName", "Tandem — joint research programmes");
        el(w, "baseURL", base);
        el(w, "protocolVersion", "2.0");
        el(w, "adminEmail", adminEmail);
        Instant earliest = records.all().stream().map(CerifRecords.Rec::datestamp).min(Instant::compareTo)
                .orElse(Instant.EPOCH);
        el(w, "earliestDatestamp", SECONDS.format(earliest));
        el(w, "deletedRecord", "no");
        el(w, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        w.writeEndElement();
    }

    private void listMetadataFormats(XMLStreamWriter w, Map<String, String> args) throws XMLStreamException, OaiError {
        allow(args, Set.of(), Set.of("identifier"));
        if (args.containsKey("identifier")) {
            find(args.get("identifier"));
        }
        w.writeStartElement(OAI, "ListMetadataFormats");
        w.writeStartElement(OAI, "metadataFormat");
        el(w, "metadataPrefix", PREFIX);
        el(w, "schema", "https://www.openaire.eu/schema/cris/1.2/openaire-cerif-profile.xsd");
        el(w, "metadataNamespace", CerifRecords.CERIF);
        w.writeEndElement();
        w.writeEndElement();
    }

    private void listSets(XMLStreamWriter w, Map<String, String> args) throws XMLStreamException, OaiError {
        allow(args, Set.of(), Set.of("resumptionToken"));
        if (args.containsKey("resumptionToken")) {
            throw new OaiError("badResumptionToken", "The list of sets is complete; it has no resumption tokens.");
        }
        w.writeStartElement(OAI, "ListSets");
        for (var s : CerifRecords.SETS.entrySet()) {
            w.writeStartElement(OAI, "set");
            el(w, "setSpec", s.getKey());
            el(w, "setName", s.getValue());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private CerifRecords.Rec find(String identifier) throws OaiError {
        String prefix = "oai:" + repositoryId + ":";
        if (identifier == null || !identifier.startsWith(prefix)) {
            throw new OaiError("idDoesNotExist", "No record has the identifier " + identifier + ".");
        }
        String local = identifier.substring(prefix.length());
        return records.all().stream().filter(r -> r.localId().equals(local)).findFirst()
                .orElseThrow(() -> new OaiError("idDoesNotExist", "No record has the identifier " + identifier + "."));
    }

    private void getRecord(XMLStreamWriter w, Map<String, String> args) throws XMLStreamException, OaiError {
        allow(args, Set.of("identifier", "metadataPrefix"), Set.of());
        format(args.get("metadataPrefix"));
        CerifRecords.Rec rec = find(args.get("identifier"));
        w.writeStartElement(OAI, "GetRecord");
        record(w, rec, true);
        w.writeEndElement();
    }

    private static void format(String prefix) throws OaiError {
        if (!PREFIX.equals(prefix)) {
            throw new OaiError("cannotDisseminateFormat", "Only " + PREFIX + " is served.");
        }
    }

    private void record(XMLStreamWriter w, CerifRecords.Rec rec, boolean withMetadata) throws XMLStreamException {
        if (withMetadata) {
            w.writeStartElement(OAI, "record");
        }
        w.writeStartElement(OAI, "header");
        el(w, "identifier", "oai:" + repositoryId + ":" + rec.localId());
        el(w, "datestamp", SECONDS.format(rec.datestamp()));
        el(w, "setSpec", rec.set());
        w.writeEndElement();
        if (withMetadata) {
            w.writeStartElement(OAI, "metadata");
            rec.body().write(w);
            w.writeEndElement();
            w.writeEndElement();
        }
    }

    /** What a list request asks for; a resumption token is this, plus where the next page starts. */
    record Query(String set, Instant from, Instant until, int offset) {
        String token() {
            String raw = (set == null ? "" : set) + "|" + (from == null ? "" : from.getEpochSecond()) + "|"
                    + (until == null ? "" : until.getEpochSecond()) + "|" + offset;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Query parse(String token) throws OaiError {
            try {
                String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
                if (p.length != 4) {
                    throw new IllegalArgumentException();
                }
                int offset = Integer.parseInt(p[3]);
                if (offset < 0 || !p[0].isEmpty() && !CerifRecords.SETS.containsKey(p[0])) {
                    throw new IllegalArgumentException();
                }
                return new Query(p[0].isEmpty() ? null : p[0], p[1].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(p[1])),
                        p[2].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(p[2])), offset);
            } catch (IllegalArgumentException e) {
                throw new OaiError("badResumptionToken", "The resumption token is not one this repository issued.");
            }
        }
    }

    private static Instant[] dates(String from, String until) throws OaiError {
        Instant f = date(from, false);
        Instant u = date(until, true);
        if (from != null && until != null && from.length() != until.length()) {
            throw new OaiError("badArgument", "from and until must have the same granularity.");
        }
        if (f != null && u != null && f.isAfter(u)) {
            throw new OaiError("badArgument", "from is after until.");
        }
        return new Instant[] {f, u};
    }

    private static Instant date(String s, boolean endOfDay) throws OaiError {
        if (s == null) {
            return null;
        }
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                return endOfDay ? start.plus(1, ChronoUnit.DAYS).minusSeconds(1) : start;
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
                return Instant.parse(s);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new OaiError("badArgument", "The date " + s + " is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.");
    }

    private void list(XMLStreamWriter w, Map<String, String> args, String verb) throws XMLStreamException, OaiError {
        Query q;
        if (args.containsKey("resumptionToken")) {
            allow(args, Set.of("resumptionToken"), Set.of());
            q = Query.parse(args.get("resumptionToken"));
        } else {
            allow(args, Set.of("metadataPrefix"), Set.of("from", "until", "set"));
            format(args.get("metadataPrefix"));
            String set = args.get("set");
            if (set != null && !CerifRecords.SETS.containsKey(set)) {
                throw new OaiError("noRecordsMatch", "There is no set " + set + ".");
            }
            Instant[] d = dates(args.get("from"), args.get("until"));
            q = new Query(set, d[0], d[1], 0);
        }
        final Query query = q;
        List<CerifRecords.Rec> matching = records.all().stream()
                .filter(r -> query.set() == null || r.set().equals(query.set()))
                .filter(r -> query.from() == null || !r.datestamp().truncatedTo(ChronoUnit.SECONDS).isBefore(query.from()))
                .filter(r -> query.until() == null || !r.datestamp().truncatedTo(ChronoUnit.SECONDS).isAfter(query.until()))
                .toList();
        if (matching.isEmpty() && q.offset() == 0) {
            throw new OaiError("noRecordsMatch", "No record matches the request.");
        }
        if (q.offset() >= matching.size() && q.offset() > 0) {
            throw new OaiError("badResumptionToken", "The resumption token points past the end of the list.");
        }
        int end = Math.min(matching.size(), q.offset() + pageSize);
        w.writeStartElement(OAI, verb);
        for (CerifRecords.Rec r : matching.subList(q.offset(), end)) {
            record(w, r, "ListRecords".equals(verb));
        }
        if (end < matching.size() || q.offset() > 0) {
            w.writeStartElement(OAI, "resumptionToken");
            w.writeAttribute("completeListSize", Integer.toString(matching.size()));
            w.writeAttribute("cursor", Integer.toString(q.offset()));
            if (end < matching.size()) {
                w.writeCharacters(new Query(q.set(), q.from(), q.until(), end).token());
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
