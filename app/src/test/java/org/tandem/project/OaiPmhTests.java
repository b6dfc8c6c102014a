package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAI-PMH as OpenAIRE harvests it: every verb and every error, each response validated
 * against the OAI-PMH schema and the OpenAIRE CERIF profile (wrapper.xsd), and paging that
 * loses and repeats nothing.
 */
@TandemIntegrationTest
class OaiPmhTests {

    static Schema schema;
    static Project project;

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Outputs outputs;
    @Autowired OaiPmh oai;
    @Autowired UserDetailsService users;
    @Autowired JsonMapper json;

    @BeforeAll
    static void loadSchema() throws Exception {
        Path wrapper = Path.of(OaiPmhTests.class.getResource("/openaire-cris-1.2/schemas/wrapper.xsd").toURI());
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(wrapper.toFile());
    }

    @BeforeEach
    void aProjectWithOutputs() {
        if (project != null) {
            return;
        }
        ProjectFixtures f = new ProjectFixtures(calls, programmes, proposals, projects, users);
        Project p = f.running(contracts, "OAI: harvested");
        outputs.add(p.id(), new Outputs.OutputInput(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, true, json.readTree(OutputTests.CROSSREF), null), f.user("applicant.vn"));
        outputs.add(p.id(), new Outputs.OutputInput("PATENT", "Low-cost river gauge", null, null, null, null, null,
                "1-2026-01234", "VN", LocalDate.of(2026, 6, 1), null, "APPLIED", List.of("HUST", "NSU"), null, null, null, null,
                null, true, null, null), f.user("applicant.vn"));
        outputs.add(p.id(), new Outputs.OutputInput("SOFTWARE", "RiverNet forecaster", "10.5281/zenodo.1234567", 2026, null,
                null, null, null, null, null, null, null, null, null, null, null, "https://example.org/rivernet", null, true,
                null, null), f.user("applicant.ru"));
        project = projects.get(p.id());
    }

    /** GETs /oai and validates the answer against the schemas before anything else is asserted. */
    String oai(String query) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/oai?" + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(query).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
            try {
                schema.newValidator().validate(new StreamSource(new StringReader(r.body())));
            } catch (org.xml.sax.SAXException e) {
                throw new AssertionError("invalid response to " + query + ": " + e.getMessage() + "\n" + r.body(), e);
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String error(String xml) {
        Matcher m = Pattern.compile("<error code=\"([a-zA-Z]+)\"").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    static List<String> all(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void identifyListMetadataFormatsAndListSets() {
        String identify = oai("verb=Identify");
        assertThat(identify).contains("<protocolVersion>2.0</protocolVersion>").contains("<deletedRecord>no</deletedRecord>")
                .contains("<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>").contains("<request verb=\"Identify\">");
        assertThat(oai("verb=ListMetadataFormats")).contains("<metadataPrefix>oai_cerif_openaire</metadataPrefix>");
        assertThat(all(oai("verb=ListSets"), "setSpec")).containsExactly("openaire_cris_projects", "openaire_cris_funding",
                "openaire_cris_orgunits", "openaire_cris_persons", "openaire_cris_publications", "openaire_cris_patents",
                "openaire_cris_products");
    }

    /** Every page of a set's records, following the resumption tokens (the demo fills more than one page). */
    String records(String set) {
        StringBuilder all = new StringBuilder();
        String page = oai("verb=ListRecords&metadataPrefix=oai_cerif_openaire&set=" + set);
        while (true) {
            all.append(page);
            Matcher token = TOKEN.matcher(page);
            if (!token.find()) {
                return all.toString();
            }
            page = oai("verb=ListRecords&resumptionToken=" + enc(token.group(1)));
        }
    }

    @Test
    void everySetListsValidCerifRecords() {
        String projectsXml = records("openaire_cris_projects");
        String vnCode = project.partByCode("VN").orElseThrow().code();
        assertThat(projectsXml).contains("Projects/" + project.id() + "</identifier>").contains(">" + vnCode + "</Identifier>")
                .contains("<Coordinator>").contains("<PrincipalInvestigator>").contains("<StartDate>2026-04-01</StartDate>");
        String funding = records("openaire_cris_funding");
        assertThat(funding).contains("Fundings/" + project.id() + "-VN").contains("<Amount currency=\"VND\">2500000000.00</Amount>")
                .contains("<Amount currency=\"RUB\">10000000.00</Amount>")
                .contains("OpenAIRE_Funding_Types#Award");
        assertThat(records("openaire_cris_orgunits"))
                .contains("Hanoi University of Science and Technology");
        assertThat(records("openaire_cris_persons"))
                .contains("<PersonName>");
        assertThat(records("openaire_cris_publications"))
                .contains("<DOI>10.1016/j.jhydrol.2026.130001</DOI>").contains("<FamilyNames>Nguyen</FamilyNames>")
                .contains("<OriginatesFrom>");
        assertThat(records("openaire_cris_patents"))
                .contains("<PatentNumber>1-2026-01234</PatentNumber>").contains("<CountryCode>VN</CountryCode>");
        assertThat(records("openaire_cris_products"))
                .contains("RiverNet forecaster").contains("c_5ce6");
        // Every record of every set, together, as one unselective harvest would get them.
        assertThat(oai("verb=ListIdentifiers&metadataPrefix=oai_cerif_openaire")).contains("<header>");
    }

    @Test
    void getRecordAndItsErrors() {
        String id = "oai:tandem.example.org:Projects/" + project.id();
        String one = oai("verb=GetRecord&metadataPrefix=oai_cerif_openaire&identifier=" + enc(id));
        assertThat(all(one, "identifier")).containsExactly(id);
        assertThat(one).contains("<Title xml:lang=\"en\">Joint project ");
        assertThat(oai("verb=ListMetadataFormats&identifier=" + enc(id))).contains("oai_cerif_openaire");
        assertThat(error(oai("verb=GetRecord&metadataPrefix=oai_cerif_openaire&identifier=" + enc(id + "999"))))
                .isEqualTo("idDoesNotExist");
        assertThat(error(oai("verb=ListMetadataFormats&identifier=oai:elsewhere:Projects/1"))).isEqualTo("idDoesNotExist");
        assertThat(error(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(id)))).isEqualTo("cannotDisseminateFormat");
        assertThat(error(oai("verb=GetRecord&identifier=" + enc(id)))).isEqualTo("badArgument");
    }

    @Test
    void protocolErrors() {
        assertThat(error(oai(""))).isEqualTo("badVerb");
        assertThat(error(oai("verb=ListEverything"))).isEqualTo("badVerb");
        assertThat(error(oai("verb=Identify&verb=Identify"))).isEqualTo("badArgument");
        assertThat(error(oai("verb=Identify&set=x"))).isEqualTo("badArgument");
        assertThat(error(oai("verb=ListRecords"))).isEqualTo("badArgument");
        assertThat(error(oai("verb=ListRecords&metadataPrefix=oai_cerif_openaire&from=2026-13-01"))).isEqualTo("badArgument");
        assertThat(error(oai("verb=ListRecords&metadataPrefix=oai_cerif_openaire&from=2026-01-01&until=2026-01-01T00:00:00Z")))
                .isEqualTo("badArgument");
        assertThat(error(oai("verb=ListRecords&metadataPrefix=oai_cerif_openaire&from=2027-01-01&until=2026-01-01")))
                .isEqualTo("badArgument");
        assertThat(error(oai("verb=ListIdentifiers&metadataPrefix=oai_dc"))).isEqualTo("cannotDisseminateFormat");
        assertThat(error(oai("verb=ListRecords&metadataPrefix=oai_cerif_openaire&from=2999-01-01"))).isEqualTo("noRecordsMatch");
        assertThat(error(oai("verb=ListRecords&metadataPrefix=oai_cerif_openaire&set=openaire_cris_events")))
                .isEqualTo("noRecordsMatch");
        assertThat(error(oai("verb=ListRecords&resumptionToken=garbage"))).isEqualTo("badResumptionToken");
        assertThat(error(oai("verb=ListRecords&resumptionToken=x&metadataPrefix=oai_cerif_openaire"))).isEqualTo("badArgument");
        // The error response echoes no arguments, as the protocol asks for bad verbs and arguments.
        assertThat(oai("verb=ListEverything")).contains("<request>");
    }

    static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");

    /** Every identifier of a list, following the resumption tokens; the number of pages is returned in {@code pages[0]}. */
    List<String> harvest(String query, int[] pages) {
        List<String> ids = new ArrayList<>();
        String page = oai(query);
        pages[0] = 1;
        while (true) {
            ids.addAll(all(page, "identifier"));
            Matcher token = TOKEN.matcher(page);
            if (!token.find()) {
                return ids;
            }
            page = oai("verb=ListIdentifiers&resumptionToken=" + enc(token.group(1)));
            pages[0]++;
        }
    }

    @Test
    void pagingWithResumptionTokensReturnsEveryRecordOnce() {
        int[] pages = new int[1];
        int before = oai.pageSize();
        oai.setPageSize(1000);
        List<String> expected;
        try {
            expected = harvest("verb=ListIdentifiers&metadataPrefix=oai_cerif_openaire", pages);
            assertThat(pages[0]).isEqualTo(1);
            oai.setPageSize(7);
            List<String> paged = harvest("verb=ListIdentifiers&metadataPrefix=oai_cerif_openaire", pages);
            assertThat(pages[0]).isEqualTo((expected.size() + 6) / 7);
            assertThat(paged).containsExactlyElementsOf(expected);
            assertThat(new LinkedHashSet<>(paged)).hasSameSizeAs(paged);
            // Each page says how long the whole list is and where it starts (the test project alone makes more than 7 records).
            String first = oai("verb=ListIdentifiers&metadataPrefix=oai_cerif_openaire");
            assertThat(first).contains("<resumptionToken completeListSize=\"" + expected.size() + "\" cursor=\"0\">");
            // ListRecords pages the same way, with the set kept in the token.
            String orgs = oai("verb=ListRecords&metadataPrefix=oai_cerif_openaire&set=openaire_cris_orgunits");
            Matcher token = TOKEN.matcher(orgs);
            if (token.find()) {
                String next = oai("verb=ListRecords&resumptionToken=" + enc(token.group(1)));
                assertThat(all(next, "setSpec")).containsOnly("openaire_cris_orgunits");
            }
        } finally {
            oai.setPageSize(before);
        }
    }
}
