package org.tandem.project;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;
import org.tandem.directory.Directory;
import org.tandem.platform.Hashes;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * The projects and what they produced as OpenAIRE CERIF-XML (Guidelines for CRIS Managers 1.2),
 * one record per entity and set. Organisations and people are shared between projects, so
 * they get ids of their own (from the ROR id, the Tandem account, or the name) and the same
 * organisation is one record however many projects it hosts.
 */
@Component
class CerifRecords {

    static final String CERIF = "https://www.openaire.eu/cerif-profile/1.2/";
    static final String FUNDING_TYPES = "https://www.openaire.eu/cerif-profile/vocab/OpenAIRE_Funding_Types";
    static final String PUBLICATION_TYPES = "https://www.openaire.eu/cerif-profile/vocab/COAR_Publication_Types";
    static final String PATENT_TYPES = "https://www.openaire.eu/cerif-profile/vocab/COAR_Patent_Types";
    static final String PRODUCT_TYPES = "https://www.openaire.eu/cerif-profile/vocab/COAR_Product_Types";
    static final String PROJECT_REFERENCE = "https://w3id.org/cerif/vocab/IdentifierTypes#ProjectReference";
    private static final Pattern ORCID = Pattern.compile(
            "https://orcid\\.org/0000-000((1-[5-9]|2-[0-9]|3-[0-4])[0-9]{3}-[0-9]{3}[0-9X]|3-5000-0001)");
    private static final Pattern ROR = Pattern.compile("https://ror\\.org/0[\\da-hj-km-np-tv-zA-HJ-KM-NP-TV-Z]{6}\\d{2}");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,}(\\.\\d+)*/[^\\s]+");

    /** One harvestable record: its OAI set, local id ({@code Projects/12}), datestamp and how to write it. */
    record Rec(String set, String localId, Instant datestamp, Body body) {
    }

    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    static final Map<String, String> SETS = new LinkedHashMap<>();

    static {
        SETS.put("openaire_cris_projects", "OpenAIRE_CRIS_projects");
        SETS.put("openaire_cris_funding", "OpenAIRE_CRIS_funding");
        SETS.put("openaire_cris_orgunits", "OpenAIRE_CRIS_orgunits");
        SETS.put("openaire_cris_persons", "OpenAIRE_CRIS_persons");
        SETS.put("openaire_cris_publications", "OpenAIRE_CRIS_publications");
        SETS.put("openaire_cris_patents", "OpenAIRE_CRIS_patents");
        SETS.put("openaire_cris_products", "OpenAIRE_CRIS_products");
    }

    private final Projects projects;
    private final Contracts contracts;
    private final Outputs outputs;
    private final Programmes programmes;
    private final Calls calls;
    private final Directory directory;

    CerifRecords(Projects projects, Contracts contracts, Outputs outputs, Programmes programmes, Calls calls,
                 Directory directory) {
        this.projects = projects;
        this.contracts = contracts;
        this.outputs = outputs;
        this.programmes = programmes;
        this.calls = calls;
        this.directory = directory;
    }

    record Org(String id, String name, String ror) {
    }

    record PersonRef(String id, String name, String partyCountry, String orcid, Org affiliation) {
    }

    /** What the records are built from, read once per request. */
    private final class Snapshot {
        final List<Project> all = projects.all();
        final List<Directory.Organisation> registry = directory.organisations();
        final Map<Long, Programme> programmeById = new LinkedHashMap<>();
        final Map<Long, Call> callById = new LinkedHashMap<>();

        Programme programme(long id) {
            return programmeById.computeIfAbsent(id, programmes::get);
        }

        Call call(long id) {
            return callById.computeIfAbsent(id, calls::get);
        }

        Party party(Project p, Project.Part part) {
            return programme(p.programmeId()).party(part.partyId()).orElseThrow();
        }

        Optional<String> ror(String name, String country, Directory.OrganisationType type) {
            if (name == null) {
                return Optional.empty();
            }
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            return registry.stream()
                    .filter(o -> type == null || o.type() == type)
                    .filter(o -> country == null || country.equalsIgnoreCase(o.country()))
                    .filter(o -> type != null || wanted.equals(o.name().toLowerCase(Locale.ROOT))
                            || o.nameEn() != null && wanted.equals(o.nameEn().toLowerCase(Locale.ROOT)))
                    .map(Directory.Organisation::ror).filter(r -> r != null && !r.isBlank())
                    .map(r -> r.startsWith("https://") ? r : "https://ror.org/" + r).filter(r -> ROR.matcher(r).matches())
                    .findFirst();
        }

        Org host(Project p, Project.Part part) {
            String name = part.hostOrganisation() == null ? "?" : part.hostOrganisation();
            String country = party(p, part).getCountryCode();
            Optional<String> ror = ror(name, country, null);
            String id = "OrgUnits/" + ror.map(r -> "ror-" + r.substring(r.lastIndexOf('/') + 1))
                    .orElse("org-" + Hashes.sha256(country + "|" + name.strip().toLowerCase(Locale.ROOT)).substring(0, 16));
            return new Org(id, name, ror.orElse(null));
        }

        Org agency(Project p, Project.Part part) {
            Party party = party(p, part);
            String name = party.getAgency().getEn();
            return new Org("OrgUnits/agency-" + party.getId(), name,
                    ror(name, party.getCountryCode(), Directory.OrganisationType.AGENCY).orElse(null));
        }

        Optional<PersonRef> pi(Project p, Project.Part part) {
            if (part.piName() == null && part.piUserId() == null) {
                return Optional.empty();
            }
            Optional<Directory.Person> profile = part.piUserId() == null ? Optional.empty() : directory.profileOf(part.piUserId());
            String name = part.piName() != null ? part.piName() : profile.map(Directory.Person::name).orElse("?");
            String orcid = profile.map(Directory.Person::orcid).filter(o -> o != null && !o.isBlank())
                    .map(o -> o.startsWith("https://") ? o : "https://orcid.org/" + o)
                    .filter(o -> ORCID.matcher(o).matches()).orElse(null);
            String id = "Persons/" + (part.piUserId() != null ? "user-" + part.piUserId()
                    : "name-" + Hashes.sha256(name.toLowerCase(Locale.ROOT)).substring(0, 16));
            return Optional.of(new PersonRef(id, name, party(p, part).getCountryCode(), orcid, host(p, part)));
        }
    }

    /** Every record, in a stable order (set, then id). */
    List<Rec> all() {
        Snapshot s = new Snapshot();
        List<Rec> recs = new ArrayList<>();
        Map<String, Rec> orgs = new LinkedHashMap<>();
        Map<String, Rec> persons = new LinkedHashMap<>();
        for (Project p : s.all) {
            recs.add(new Rec("openaire_cris_projects", "Projects/" + p.id(), p.updatedAt(), w -> project(w, s, p, true)));
            for (Project.Part part : p.parties()) {
                recs.add(new Rec("openaire_cris_funding", fundingId(p, part), p.updatedAt(), w -> funding(w, s, p, part, true)));
                for (Org o : List.of(s.host(p, part), s.agency(p, part))) {
                    Rec earlier = orgs.get(o.id());
                    Instant at = earlier == null || p.updatedAt().isAfter(earlier.datestamp()) ? p.updatedAt()
                            : earlier.datestamp();
                    orgs.put(o.id(), new Rec("openaire_cris_orgunits", o.id(), at, w -> orgUnit(w, o, true)));
                }
                s.pi(p, part).ifPresent(pi -> {
                    Rec earlier = persons.get(pi.id());
                    Instant at = earlier == null || p.updatedAt().isAfter(earlier.datestamp()) ? p.updatedAt()
                            : earlier.datestamp();
                    persons.put(pi.id(), new Rec("openaire_cris_persons", pi.id(), at, w -> person(w, pi, true, true)));
                });
            }
        }
        recs.addAll(orgs.values());
        recs.addAll(persons.values());
        Map<Long, Project> byId = new LinkedHashMap<>();
        s.all.forEach(p -> byId.put(p.id(), p));
        for (Outputs.Output o : outputs.publicOutputs()) {
            Project p = byId.get(o.projectId());
            if (p == null) {
                continue;
            }
            switch (o.kind()) {
                case "PUBLICATION" -> recs.add(new Rec("openaire_cris_publications", "Publications/" + o.id(), o.addedAt(),
                        w -> publication(w, s, p, o)));
                case "PATENT" -> recs.add(new Rec("openaire_cris_patents", "Patents/" + o.id(), o.addedAt(),
                        w -> patent(w, s, p, o)));
                case "PRODUCT", "SOFTWARE", "DATASET", "PROTOTYPE" -> recs.add(new Rec("openaire_cris_products",
                        "Products/" + o.id(), o.addedAt(), w -> product(w, s, p, o)));
                default -> {
                    // people trained are counted on dashboards, not published as records
                }
            }
        }
        List<String> order = new ArrayList<>(SETS.keySet());
        recs.sort(Comparator.comparing((Rec r) -> order.indexOf(r.set())).thenComparing(r -> r.localId().length())
                .thenComparing(Rec::localId));
        return recs;
    }

    static String fundingId(Project p, Project.Part part) {
        return "Fundings/" + p.id() + "-" + part.partyCode();
    }

    // ---- writers ---------------------------------------------------------------------------

    private static void start(XMLStreamWriter w, String name, String id, boolean root) throws XMLStreamException {
        if (root) {
            w.writeStartElement("", name, CERIF);
            w.writeDefaultNamespace(CERIF);
        } else {
            w.writeStartElement(CERIF, name);
        }
        if (id != null) {
            w.writeAttribute("id", id);
        }
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value == null || value.isBlank()) {
            return;
        }
        w.writeStartElement(CERIF, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void lang(XMLStreamWriter w, String name, String lang, String value) throws XMLStreamException {
        if (value == null || value.isBlank()) {
            return;
        }
        w.writeStartElement(CERIF, name);
        w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void vocabType(XMLStreamWriter w, String ns, String value) throws XMLStreamException {
        w.writeStartElement("", "Type", ns);
        w.writeDefaultNamespace(ns);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    void project(XMLStreamWriter w, Snapshot s, Project p, boolean root) throws XMLStreamException {
        start(w, "Project", "Projects/" + p.id(), root);
        text(w, "Acronym", p.acronym());
        lang(w, "Title", "en", p.title());
        for (Project.Part part : p.parties()) {
            w.writeStartElement(CERIF, "Identifier");
            w.writeAttribute("type", PROJECT_REFERENCE);
            w.writeCharacters(part.code());
            w.writeEndElement();
        }
        text(w, "StartDate", p.startDate() == null ? null : p.startDate().toString());
        text(w, "EndDate", p.endDate() == null ? null : p.endDate().toString());
        w.writeStartElement(CERIF, "Consortium");
        for (Project.Part part : p.parties()) {
            w.writeStartElement(CERIF, part.position() == 0 ? "Coordinator" : "Partner");
            orgUnit(w, s.host(p, part), false);
            w.writeEndElement();
        }
        w.writeEndElement();
        List<PersonRef> pis = p.parties().stream().flatMap(part -> s.pi(p, part).stream()).toList();
        if (!pis.isEmpty()) {
            w.writeStartElement(CERIF, "Team");
            for (PersonRef pi : pis) {
                w.writeStartElement(CERIF, "PrincipalInvestigator");
                text(w, "DisplayName", pi.name());
                person(w, pi, false, false);
                w.writeStartElement(CERIF, "Affiliation");
                orgUnit(w, pi.affiliation(), false);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        for (Project.Part part : p.parties()) {
            w.writeStartElement(CERIF, "Funded");
            w.writeStartElement(CERIF, "By");
            orgUnit(w, s.agency(p, part), false);
            w.writeEndElement();
            w.writeStartElement(CERIF, "As");
            funding(w, s, p, part, false);
            w.writeEndElement();
            w.writeEndElement();
        }
        for (String k : p.keywords()) {
            lang(w, "Keyword", "en", k);
        }
        lang(w, "Abstract", "en", p.abstractText());
        w.writeEndElement();
    }

    void funding(XMLStreamWriter w, Snapshot s, Project p, Project.Part part, boolean root) throws XMLStreamException {
        start(w, "Funding", fundingId(p, part), root);
        vocabType(w, FUNDING_TYPES, FUNDING_TYPES + "#Award");
        Org agency = s.agency(p, part);
        lang(w, "Name", "en", agency.name() + ": " + (p.acronym() == null ? p.title() : p.acronym()));
        Optional<Contracts.Contract> contract = contracts.contract(p.id(), part.partyId());
        BigDecimal amount = contract.map(Contracts.Contract::total).orElse(part.budgetTotal());
        w.writeStartElement(CERIF, "Amount");
        w.writeAttribute("currency", part.currency());
        w.writeCharacters(amount.toPlainString());
        w.writeEndElement();
        w.writeStartElement(CERIF, "Identifier");
        w.writeAttribute("type", PROJECT_REFERENCE);
        w.writeCharacters(part.code());
        w.writeEndElement();
        w.writeStartElement(CERIF, "Funder");
        orgUnit(w, agency, false);
        w.writeEndElement();
        Call call = s.call(p.callId());
        w.writeStartElement(CERIF, "PartOf");
        w.writeStartElement(CERIF, "Funding");
        w.writeAttribute("id", "Fundings/call-" + call.getId());
        vocabType(w, FUNDING_TYPES, FUNDING_TYPES + "#Call");
        lang(w, "Name", "en", call.getTitle().getEn());
        w.writeEndElement();
        w.writeEndElement();
        if (contract.isPresent()) {
            w.writeEmptyElement(CERIF, "Duration");
            w.writeAttribute("startDate", contract.get().startDate().toString());
            w.writeAttribute("endDate", contract.get().endDate().toString());
        }
        w.writeEndElement();
    }

    static void orgUnit(XMLStreamWriter w, Org o, boolean root) throws XMLStreamException {
        start(w, "OrgUnit", o.id(), root);
        lang(w, "Name", "en", o.name());
        text(w, "RORID", o.ror());
        w.writeEndElement();
    }

    /** Vietnamese names put the family name first; the other parties' names put it last. */
    static String[] split(String name, String country) {
        String[] t = name.strip().split("\\s+");
        if (t.length == 1) {
            return new String[] {t[0], null};
        }
        if ("VN".equalsIgnoreCase(country)) {
            return new String[] {t[0], String.join(" ", java.util.Arrays.copyOfRange(t, 1, t.length))};
        }
        return new String[] {t[t.length - 1], String.join(" ", java.util.Arrays.copyOfRange(t, 0, t.length - 1))};
    }

    static void person(XMLStreamWriter w, PersonRef pi, boolean root, boolean withAffiliation) throws XMLStreamException {
        start(w, "Person", pi.id(), root);
        personName(w, pi.name(), pi.partyCountry());
        text(w, "ORCID", pi.orcid());
        if (withAffiliation && pi.affiliation() != null) {
            w.writeStartElement(CERIF, "Affiliation");
            orgUnit(w, pi.affiliation(), false);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void personName(XMLStreamWriter w, String name, String country) throws XMLStreamException {
        String[] n = split(name, country);
        w.writeStartElement(CERIF, "PersonName");
        text(w, "FamilyNames", n[0]);
        text(w, "FirstNames", n[1]);
        w.writeEndElement();
    }

    private void originatesFrom(XMLStreamWriter w, Project p) throws XMLStreamException {
        w.writeStartElement(CERIF, "OriginatesFrom");
        w.writeStartElement(CERIF, "Project");
        w.writeAttribute("id", "Projects/" + p.id());
        text(w, "Acronym", p.acronym());
        lang(w, "Title", "en", p.title());
        w.writeEndElement();
        w.writeEndElement();
    }

    void publication(XMLStreamWriter w, Snapshot s, Project p, Outputs.Output o) throws XMLStreamException {
        start(w, "Publication", "Publications/" + o.id(), true);
        vocabType(w, PUBLICATION_TYPES, o.publicationType() == null ? PublicationSources.TEXT : o.publicationType());
        lang(w, "Title", "en", o.title());
        text(w, "PublicationDate", o.year() == null ? null : String.format("%04d", o.year()));
        text(w, "DOI", o.doi() != null && DOI.matcher(o.doi()).matches() ? o.doi() : null);
        if (!o.authors().isEmpty()) {
            w.writeStartElement(CERIF, "Authors");
            for (String a : o.authors()) {
                w.writeStartElement(CERIF, "Author");
                text(w, "DisplayName", a);
                w.writeStartElement(CERIF, "Person");
                personName(w, a, null);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        originatesFrom(w, p);
        w.writeEndElement();
    }

    void patent(XMLStreamWriter w, Snapshot s, Project p, Outputs.Output o) throws XMLStreamException {
        start(w, "Patent", "Patents/" + o.id(), true);
        vocabType(w, PATENT_TYPES, "http://purl.org/coar/resource_type/c_15cd");
        lang(w, "Title", "en", o.title());
        text(w, "RegistrationDate", o.applicationDate() == null ? null : o.applicationDate().toString());
        text(w, "ApprovalDate", o.grantDate() == null ? null : o.grantDate().toString());
        text(w, "CountryCode", o.patentOffice());
        text(w, "PatentNumber", o.patentNumber());
        if (!o.holders().isEmpty()) {
            w.writeStartElement(CERIF, "Holders");
            for (String h : o.holders()) {
                w.writeStartElement(CERIF, "Holder");
                text(w, "DisplayName", h);
                w.writeStartElement(CERIF, "OrgUnit");
                lang(w, "Name", "en", h);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        originatesFrom(w, p);
        w.writeEndElement();
    }

    void product(XMLStreamWriter w, Snapshot s, Project p, Outputs.Output o) throws XMLStreamException {
        start(w, "Product", "Products/" + o.id(), true);
        String type = switch (o.kind()) {
            case "SOFTWARE" -> "http://purl.org/coar/resource_type/c_5ce6";
            case "DATASET" -> "http://purl.org/coar/resource_type/c_ddb1";
            default -> "http://purl.org/coar/resource_type/c_1843";
        };
        vocabType(w, PRODUCT_TYPES, type);
        lang(w, "Name", "en", o.title());
        text(w, "DOI", o.doi() != null && DOI.matcher(o.doi()).matches() ? o.doi() : null);
        originatesFrom(w, p);
        w.writeEndElement();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
