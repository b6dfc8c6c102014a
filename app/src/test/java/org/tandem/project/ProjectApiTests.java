package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The projects API: public list and pages, role checks on reports and outputs, refusals by field in the caller's language. */
@TandemIntegrationTest
class ProjectApiTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Reports reports;
    @Autowired Acceptance acceptance;
    @Autowired UserDetailsService users;
    ProjectFixtures f;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    /** A project of applicant.vn and applicant.ru, and another whose Russian team expert.ru leads; both running. */
    List<Project> twoRunning(String title) {
        Call call = f.closedCall(title);
        long a = f.submitted(call, "API1");
        long b = f.submitted(call, "API2", "applicant.vn", "expert.ru");
        List<Long> ids = projects.createProjects(f.approved(call, List.of(a, b)));
        for (long id : ids) {
            contracts.sign(id, "VN", ContractTests.vnContract(), f.user("officer.vn"));
            contracts.sign(id, "RU", ContractTests.ruContract(), f.user("officer.ru"));
        }
        return ids.stream().map(projects::get).toList();
    }

    record Reply(int status, JsonNode json) {
    }

    Reply send(String method, String path, Object body, String token, String language) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Accept-Language", language)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String token(String user) {
        Reply r = send("POST", "/api/v1/auth/token", Map.of("username", user, "password", "demo"), null, "en");
        return r.json().get("token").asString();
    }

    @Test
    void anyoneListsTheProjectsAndReadsOneButNotItsContracts() {
        Project p = twoRunning("API: public").get(0);
        Reply list = send("GET", "/api/v1/projects?callId=" + p.callId(), null, null, "en");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        JsonNode first = list.json().get(0).get("id").asLong() == p.id() ? list.json().get(0) : list.json().get(1);
        assertThat(first.get("codes").get("VN").asString()).startsWith("NDT/RU/");
        assertThat(first.get("title").asString()).isEqualTo("Joint project API1");
        assertThat(first.get("callId").asLong()).isEqualTo(p.callId());
        assertThat(first.get("status").asString()).isEqualTo("RUNNING");
        assertThat(first.get("startDate").asString()).isEqualTo("2026-04-01");
        assertThat(first.get("endDate").asString()).isEqualTo("2028-04-30");
        JsonNode vn = first.get("parties").get(0);
        assertThat(vn.get("hostOrganisation").asString()).isEqualTo("Hanoi University of Science and Technology");
        assertThat(vn.get("budget").get("currency").asString()).isEqualTo("VND");
        assertThat(vn.get("budget").get("amount").decimalValue()).isEqualByComparingTo("2500000000");

        Reply one = send("GET", "/api/v1/projects/" + p.id(), null, null, "en");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("contracts").size()).isZero();
        Reply asOfficer = send("GET", "/api/v1/projects/" + p.id(), null, token("officer.vn"), "en");
        assertThat(asOfficer.json().get("contracts").size()).isEqualTo(2);
        assertThat(send("GET", "/api/v1/projects/987654321", null, null, "en").status()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/projects/" + p.id() + "/reports", null, null, "en").status()).isEqualTo(401);
    }

    @Test
    void aLeadOfAnotherProjectIsRefusedAndTheOtherPartysOfficerDoesNotSeeFinancialNotes() {
        List<Project> both = twoRunning("API: roles");
        Project mine = both.get(0);
        String otherLead = token("expert.ru");
        Map<String, Object> report = Map.of("kind", "ANNUAL", "year", 1, "scientific", "Year one", "financialNotes",
                "Bank statement 12", "spending", List.of(Map.of("year", 1, "category", "Personnel", "amount", 100)));
        assertThat(send("GET", "/api/v1/projects/" + mine.id() + "/reports", null, otherLead, "en").status()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/projects/" + mine.id() + "/reports", report, otherLead, "en").status()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/projects/" + mine.id() + "/outputs", Map.of("kind", "SOFTWARE", "title", "x"),
                otherLead, "en").status()).isEqualTo(403);

        Reply filed = send("POST", "/api/v1/projects/" + mine.id() + "/reports", report, token("applicant.vn"), "en");
        assertThat(filed.status()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/projects/" + mine.id() + "/reports", report, token("applicant.vn"), "en").status())
                .isEqualTo(409);
        JsonNode ru = send("GET", "/api/v1/projects/" + mine.id() + "/reports", null, token("officer.ru"), "en").json();
        assertThat(ru.get(0).get("versions").get(0).get("scientific").asString()).isEqualTo("Year one");
        assertThat(ru.get(0).get("versions").get(0).get("financialNotes").isNull()).isTrue();
        JsonNode vn = send("GET", "/api/v1/projects/" + mine.id() + "/reports", null, token("officer.vn"), "en").json();
        assertThat(vn.get(0).get("versions").get(0).get("financialNotes").asString()).isEqualTo("Bank statement 12");
        long reportId = vn.get(0).get("id").asLong();
        assertThat(send("POST", "/api/v1/projects/" + mine.id() + "/reports/" + reportId + "/decision",
                Map.of("accept", true), token("officer.ru"), "en").status()).isEqualTo(403);
    }

    @Test
    void badInputIsRefusedNamingTheFieldInTheCallersLanguageAndNothingIsStored() {
        Project p = twoRunning("API: bad input").get(0);
        String lead = token("applicant.vn");
        Reply doi = send("POST", "/api/v1/projects/" + p.id() + "/outputs",
                Map.of("kind", "PUBLICATION", "title", "A paper", "doi", "doi:10.1/x"), lead, "ru");
        assertThat(doi.status()).isEqualTo(422);
        assertThat(doi.json().get("code").asString()).isEqualTo("INVALID_INPUT");
        assertThat(doi.json().get("problems").get(0).get("field").asString()).isEqualTo("doi");
        assertThat(doi.json().get("problems").get(0).get("message").asString()).startsWith("DOI:").contains("не DOI");
        assertThat(send("GET", "/api/v1/projects/" + p.id() + "/outputs", null, lead, "en").json().size()).isZero();

        Reply negative = send("POST", "/api/v1/projects/" + p.id() + "/reports", Map.of("kind", "ANNUAL", "year", 1,
                "scientific", "Year one", "spending", List.of(Map.of("year", 1, "category", "Personnel", "amount", -3))),
                lead, "vi");
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("problems").get(0).get("field").asString()).isEqualTo("spending[0].amount");
        assertThat(negative.json().get("problems").get(0).get("message").asString()).startsWith("Số tiền đã chi");
        assertThat(send("GET", "/api/v1/projects/" + p.id() + "/reports", null, lead, "en").json().size()).isZero();

        Reply ok = send("POST", "/api/v1/projects/" + p.id() + "/outputs",
                Map.of("kind", "PUBLICATION", "title", "A paper", "doi", "https://doi.org/10.1000/abc.1"), lead, "en");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("doi").asString()).isEqualTo("10.1000/abc.1");
    }

    @Test
    void aReportAfterCompletionIsRefusedByField() {
        Project p = twoRunning("API: completed").get(0);
        for (String lead : List.of("applicant.vn", "applicant.ru")) {
            reports.submit(p.id(), new Reports.ReportInput("FINAL", null, "Final", null, List.of()), f.user(lead));
        }
        reports.of(p.id(), f.user("officer.vn")).forEach(r -> reports.decide(r.id(), true, null,
                f.user(r.partyCode().equals("VN") ? "officer.vn" : "officer.ru")));
        AcceptanceFixtures.accept(acceptance, p.id(), "VN", f.user("officer.vn"));
        AcceptanceFixtures.accept(acceptance, p.id(), "RU", f.user("officer.ru"));
        Reply late = send("POST", "/api/v1/projects/" + p.id() + "/reports",
                Map.of("kind", "ANNUAL", "year", 2, "scientific", "Late"), token("applicant.vn"), "en");
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("problems").get(0).get("field").asString()).isEqualTo("year");
        assertThat(late.json().get("problems").get(0).get("message").asString()).contains("project has ended");
        assertThat(reports.of(p.id(), f.user("officer.vn"))).hasSize(2);
    }
}
