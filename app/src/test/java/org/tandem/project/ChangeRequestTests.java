package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.Problem;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change requests: every party's officer approves for their own party, the last approval writes
 * the change into the project with a before/after record; a refused or rejected change leaves
 * the project as it was.
 */
@TandemIntegrationTest
class ChangeRequestTests {

    static final byte[] PDF = "%PDF-1.4\n% confirmation signed by the foreign task leader\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired ChangeRequests changes;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Outbox outbox;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    Project running(String title) {
        return f.running(contracts, title);
    }

    static ChangeRequests.BudgetLineInput line(int year, String category, String amount) {
        return new ChangeRequests.BudgetLineInput(year, category, new BigDecimal(amount));
    }

    static ChangeRequests.ChangeInput budget(String party, List<ChangeRequests.BudgetLineInput> lines) {
        return new ChangeRequests.ChangeInput("BUDGET", party, "Equipment arrives in the second year", lines, null, null,
                null, null, null, "confirmation.pdf", PDF);
    }

    static ChangeRequests.ChangeInput extension(LocalDate end) {
        return new ChangeRequests.ChangeInput("EXTENSION", null, "Field season lost to floods", null, null, null, null,
                null, end, "confirmation.pdf", PDF);
    }

    /** 200 million VND of year-one equipment moved to year two; the total stays 2.5 billion. */
    static List<ChangeRequests.BudgetLineInput> moved() {
        return List.of(line(1, "Personnel", "1000000000"), line(1, "Equipment", "300000000"),
                line(2, "Personnel", "1000000000"), line(2, "Equipment", "200000000"));
    }

    int changeCount(long projectId) {
        return jdbc.sql("select count(*) from project_change where project_id = ?").param(projectId).query(Integer.class).single();
    }

    @Test
    void aBudgetChangeApprovedByBothPartiesIsAppliedWithItsBeforeAndAfter() {
        Project p = running("Changes: budget");
        ChangeRequests.Change raised = changes.raise(p.id(), budget("VN", moved()), f.user("applicant.vn"));
        assertThat(raised.status()).isEqualTo(ProjectWorkflow.PROPOSED);
        assertThat(raised.partyCode()).isEqualTo("VN");
        String code = p.part(f.party("VN")).orElseThrow().code();
        // Both parties' officers hear of it, each in their own language.
        assertThat(outbox.latest(50)).filteredOn(m -> m.subject().contains(code))
                .extracting(Outbox.Message::recipient, m -> m.subject().startsWith("Запрос на изменение")
                        || m.subject().startsWith("Đề nghị điều chỉnh"))
                .contains(org.assertj.core.groups.Tuple.tuple("officer.ru@demo.tandem.example", true),
                        org.assertj.core.groups.Tuple.tuple("officer.vn@demo.tandem.example", true));

        // One party's officer cannot approve for the other party.
        assertThatThrownBy(() -> changes.approve(p.id(), raised.id(), "VN", null, f.user("officer.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> changes.approve(p.id(), raised.id(), null, null, f.user("applicant.vn")))
                .isInstanceOf(NotAllowedException.class);

        ChangeRequests.Change half = changes.approve(p.id(), raised.id(), null, "Agreed with the foreign leader",
                f.user("officer.vn"));
        assertThat(half.status()).isEqualTo(ProjectWorkflow.PROPOSED);
        assertThat(half.decisionOf("VN")).isPresent();
        assertThat(projects.get(p.id()).part(f.party("VN")).orElseThrow().budget())
                .extracting(b -> b.year() + "/" + b.category()).doesNotContain("2/Equipment");
        assertThatThrownBy(() -> changes.approve(p.id(), raised.id(), null, null, f.user("officer.vn")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("CHANGE_ALREADY_DECIDED"));

        ChangeRequests.Change done = changes.approve(p.id(), raised.id(), null, null, f.user("officer.ru"));
        assertThat(done.status()).isEqualTo(ProjectWorkflow.APPROVED);
        Project.Part vn = projects.get(p.id()).part(f.party("VN")).orElseThrow();
        assertThat(vn.budget()).extracting(b -> b.year() + "/" + b.category() + "=" + b.amount().toBigInteger())
                .containsExactly("1/Equipment=300000000", "1/Personnel=1000000000", "2/Equipment=200000000",
                        "2/Personnel=1000000000");
        assertThat(vn.budgetTotal()).isEqualByComparingTo("2500000000");

        var audit = jdbc.sql("""
                select before_state::text as b, after_state::text as a from audit_event
                where entity_type = ? and entity_id = ? and action = 'change'""")
                .params(Projects.AUDIT_TYPE, String.valueOf(p.id()))
                .query((rs, i) -> new String[] {rs.getString("b"), rs.getString("a")}).single();
        assertThat(audit[0]).contains("1/Equipment:500000000.00").doesNotContain("2/Equipment");
        assertThat(audit[1]).contains("2/Equipment:200000000.00").contains("1/Equipment:300000000.00").contains("BUDGET");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = ? and entity_id = ?")
                .params(ChangeRequests.AUDIT_TYPE, String.valueOf(raised.id())).query(Integer.class).single())
                .isEqualTo(3); // raise, approve VN, approve RU

        assertThatThrownBy(() -> changes.approve(p.id(), raised.id(), null, null, f.user("officer.ru")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("CHANGE_NOT_PROPOSED"));
    }

    @Test
    void aRejectedChangeAppliesNothingAndOnlyWhoRaisedOneWithdrawsIt() {
        Project p = running("Changes: rejected");
        LocalDate end = p.endDate();
        ChangeRequests.Change raised = changes.raise(p.id(), extension(end.plusMonths(6)), f.user("officer.ru"));
        changes.approve(p.id(), raised.id(), null, null, f.user("officer.vn"));
        assertThatThrownBy(() -> changes.reject(p.id(), raised.id(), null, " ", f.user("officer.ru")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("comment"));
        ChangeRequests.Change rejected = changes.reject(p.id(), raised.id(), null, "Not agreed by the ministry",
                f.user("officer.ru"));
        assertThat(rejected.status()).isEqualTo(ProjectWorkflow.REJECTED);
        assertThat(rejected.decisionOf("RU").orElseThrow().comment()).isEqualTo("Not agreed by the ministry");
        assertThat(projects.get(p.id()).endDate()).isEqualTo(end);
        assertThat(contracts.contracts(p.id())).extracting(Contracts.Contract::endDate)
                .containsExactlyInAnyOrder(LocalDate.of(2028, 3, 31), LocalDate.of(2028, 4, 30));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = ? and entity_id = ? and action = 'change'")
                .params(Projects.AUDIT_TYPE, String.valueOf(p.id())).query(Integer.class).single()).isZero();

        ChangeRequests.Change members = changes.raise(p.id(), new ChangeRequests.ChangeInput("MEMBERS", "RU",
                "A postdoc joins", null, null, null, null, List.of("Иван Петров", "Ольга Смирнова", "Пётр Васильев"), null,
                "c.pdf", PDF), f.user("applicant.ru"));
        assertThatThrownBy(() -> changes.withdraw(p.id(), members.id(), f.user("officer.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThat(changes.withdraw(p.id(), members.id(), f.user("applicant.ru")).status()).isEqualTo(ProjectWorkflow.WITHDRAWN);
        assertThatThrownBy(() -> changes.approve(p.id(), members.id(), null, null, f.user("officer.ru")))
                .isInstanceOf(ConflictException.class);
        assertThat(projects.get(p.id()).part(f.party("RU")).orElseThrow().members()).hasSize(2);
    }

    @Test
    void anExtensionAPiATeamAndATerminationAreWrittenIntoTheProject() {
        Project p = running("Changes: applied");
        LocalDate later = p.endDate().plusMonths(6);
        var ext = changes.raise(p.id(), extension(later), f.user("applicant.vn"));
        changes.approve(p.id(), ext.id(), null, null, f.user("officer.ru"));
        changes.approve(p.id(), ext.id(), null, null, f.user("officer.vn"));
        assertThat(projects.get(p.id()).endDate()).isEqualTo(later);
        assertThat(contracts.contracts(p.id())).extracting(Contracts.Contract::endDate).containsOnly(later);

        var pi = changes.raise(p.id(), new ChangeRequests.ChangeInput("PI", "RU", "The PI moves abroad", null,
                "Ольга Смирнова", "olga@nsu.example", null, null, null, "c.pdf", PDF), f.user("officer.ru"));
        changes.approve(p.id(), pi.id(), null, null, f.user("officer.ru"));
        changes.approve(p.id(), pi.id(), null, null, f.user("officer.vn"));
        Project.Part ru = projects.get(p.id()).part(f.party("RU")).orElseThrow();
        assertThat(ru.piName()).isEqualTo("Ольга Смирнова");
        assertThat(ru.piEmail()).isEqualTo("olga@nsu.example");
        assertThat(contracts.contract(p.id(), f.party("RU")).orElseThrow().piName()).isEqualTo("Ольга Смирнова");

        var team = changes.raise(p.id(), new ChangeRequests.ChangeInput("MEMBERS", "VN", "A student joins", null, null,
                null, null, List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), null, "c.pdf", PDF),
                f.user("applicant.vn"));
        changes.approve(p.id(), team.id(), null, null, f.user("officer.vn"));
        changes.approve(p.id(), team.id(), null, null, f.user("officer.ru"));
        assertThat(projects.get(p.id()).part(f.party("VN")).orElseThrow().members()).containsExactly("Nguyễn Văn An",
                "Trần Thị Bình", "Lê Văn Cường");

        var stop = changes.raise(p.id(), new ChangeRequests.ChangeInput("TERMINATION", null, "The partner left", null,
                null, null, null, null, null, "c.pdf", PDF), f.user("officer.vn"));
        changes.approve(p.id(), stop.id(), null, null, f.user("officer.vn"));
        changes.approve(p.id(), stop.id(), null, null, f.user("officer.ru"));
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.TERMINATED);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = ? and entity_id = ? and action = 'change'")
                .params(Projects.AUDIT_TYPE, String.valueOf(p.id())).query(Integer.class).single()).isEqualTo(4);
        assertThatThrownBy(() -> changes.raise(p.id(), extension(later.plusMonths(1)), f.user("officer.vn")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_ENDED"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndStoresNothing() {
        Project p = running("Changes: bad input");
        List<ChangeRequests.BudgetLineInput> negative = List.of(line(1, "Personnel", "1300000000"),
                line(1, "Equipment", "-300000000"), line(2, "Personnel", "1000000000"), line(9, "Equipment", "500000000"));
        assertThatThrownBy(() -> changes.raise(p.id(), budget("VN", negative), f.user("applicant.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactlyInAnyOrder("budget[1].amount", "budget[3].year"));
        List<ChangeRequests.BudgetLineInput> more = List.of(line(1, "Personnel", "1000000000"), line(1, "Equipment", "600000000"),
                line(2, "Personnel", "1000000000"));
        assertThatThrownBy(() -> changes.raise(p.id(), budget("VN", more), f.user("applicant.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("budget");
                    assertThat(e.problems().get(0).args()).containsExactly(new BigDecimal("2600000000.00"), new BigDecimal("2500000000.00"), "VND");
                });
        var notPdf = new ChangeRequests.ChangeInput("EXTENSION", null, " ", null, null, null, null, null,
                p.endDate().minusDays(1), "letter.docx", "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> changes.raise(p.id(), notPdf, f.user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactlyInAnyOrder("reason", "confirmation", "endDate"));
        assertThatThrownBy(() -> changes.raise(p.id(), new ChangeRequests.ChangeInput("RENAME", null, "x", null, null, null,
                null, null, null, "c.pdf", PDF), f.user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactly("kind"));
        // A team changes its own side only; a stranger nothing at all.
        assertThatThrownBy(() -> changes.raise(p.id(), budget("VN", moved()), f.user("applicant.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> changes.raise(p.id(), budget("VN", moved()), f.user("officer.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> changes.raise(p.id(), extension(p.endDate().plusMonths(2)), f.user("expert.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThat(changeCount(p.id())).isZero();
        assertThat(projects.get(p.id()).part(f.party("VN")).orElseThrow().budgetTotal()).isEqualByComparingTo("2500000000");
    }

    // ---- API ------------------------------------------------------------------------------------

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
        return send("POST", "/api/v1/auth/token", Map.of("username", user, "password", "demo"), null, "en").json()
                .get("token").asString();
    }

    @Test
    void theApiRaisesListsAndApprovesWithRoleStateAndFieldChecks() {
        Project p = running("Changes: API");
        String base = "/api/v1/projects/" + p.id() + "/changes";
        String pdf = Base64.getEncoder().encodeToString(PDF);
        Map<String, Object> later = Map.of("kind", "EXTENSION", "reason", "Floods", "endDate",
                p.endDate().plusMonths(3).toString(), "confirmationName", "xn.pdf", "confirmation", pdf);

        Reply bad = send("POST", base, Map.of("kind", "EXTENSION", "reason", "Floods", "endDate", "2020-01-01",
                "confirmation", pdf), token("applicant.vn"), "vi");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("problems").get(0).get("field").asString()).isEqualTo("endDate");
        assertThat(bad.json().get("problems").get(0).get("message").asString()).startsWith("Ngày kết thúc mới");
        assertThat(send("POST", base, later, token("expert.ru"), "en").status()).isEqualTo(403);
        assertThat(send("GET", base, null, null, "en").status()).isEqualTo(401);

        Reply raised = send("POST", base, later, token("applicant.vn"), "en");
        assertThat(raised.status()).isEqualTo(201);
        long id = raised.json().get("id").asLong();
        assertThat(raised.json().get("status").asString()).isEqualTo("PROPOSED");
        assertThat(send("POST", base, later, token("applicant.vn"), "en").status()).isEqualTo(409);

        Reply list = send("GET", base, null, token("officer.ru"), "en");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get(0).get("proposed").get("endDate").asString()).isEqualTo(p.endDate().plusMonths(3).toString());
        assertThat(send("GET", base, null, token("expert.ru"), "en").status()).isEqualTo(403);

        assertThat(send("POST", base + "/" + id + "/approve", Map.of("party", "VN"), token("officer.ru"), "en").status())
                .isEqualTo(403);
        assertThat(send("POST", base + "/" + id + "/approve", null, token("applicant.vn"), "en").status()).isEqualTo(403);
        assertThat(send("POST", base + "/" + id + "/approve", null, token("officer.ru"), "en").status()).isEqualTo(200);
        Reply last = send("POST", base + "/" + id + "/approve", Map.of("comment", "ok"), token("officer.vn"), "en");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(send("POST", base + "/" + id + "/approve", null, token("officer.vn"), "en").status()).isEqualTo(409);
        assertThat(send("GET", "/api/v1/projects/" + p.id(), null, null, "en").json().get("endDate").asString())
                .isEqualTo(p.endDate().plusMonths(3).toString());
    }

    @Test
    void thePageListsTheChangesAndOffersEachOfficerTheirOwnPartysDecision() {
        Project p = running("Changes: page");
        var raised = changes.raise(p.id(), budget("VN", moved()), f.user("applicant.vn"));
        changes.raise(p.id(), extension(LocalDate.of(2028, 10, 31)), f.user("officer.ru"));
        var vn = new WebSession(port).signIn("officer.vn", "demo");
        String page = vn.get("/projects/" + p.id() + "/changes?lang=vi", "vi").body();
        assertThat(page).contains("Đề nghị điều chỉnh").contains("Kinh phí giữa các mục hoặc các năm")
                .contains("Phê duyệt cho VN").doesNotContain("Phê duyệt cho RU").doesNotContain("project.change.")
                .contains("Ngày kết thúc mới: ");
        var approved = vn.post("/projects/" + p.id() + "/changes/" + raised.id() + "/approve", Map.of("party", "VN"), "vi");
        assertThat(approved.status()).isEqualTo(302);
        var ru = new WebSession(port).signIn("officer.ru", "demo");
        String ruPage = ru.get("/projects/" + p.id() + "/changes?lang=ru", "ru").body();
        assertThat(ruPage).contains("Одобрить за RU").contains("одобрено").doesNotContain("Одобрить за VN");
        assertThat(ru.post("/projects/" + p.id() + "/changes/" + raised.id() + "/approve", Map.of("party", "VN"), "ru").status())
                .isEqualTo(403);
        assertThat(new WebSession(port).signIn("expert.ru", "demo").get("/projects/" + p.id() + "/changes").status())
                .isEqualTo(403);
        assertThat(vn.getBytes("/projects/" + p.id() + "/changes/" + raised.id() + "/confirmation")).isEqualTo(PDF);
    }
}
