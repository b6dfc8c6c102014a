package org.tandem.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.directory.Directory;
import org.tandem.platform.files.FileStore;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.TeamContent;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * Issue 11: invitations wait for a review due date; accepting needs the no-conflict
 * declaration; the accepted, non-conflicted expert reads the proposal's PDF and attachments
 * from the review page, and nobody else can fetch them.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertDocumentsTests {

    @LocalServerPort int port;
    @Autowired AssignmentRuns runs;
    @Autowired ReviewerInvitations invitations;
    @Autowired ReviewForms forms;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired org.tandem.proposal.ProposalSubmissions submissions;
    @Autowired Directory directory;
    @Autowired FileStore files;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    long call;
    long proposal;
    long ru;
    long expertRu;
    long attachment;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @BeforeAll
    void aClosedCallWithOneProposalAssignedToTheRussianExpert() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        ru = p.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now();
        Call c = calls.createApproved(p.getId(), new CallInput(2026, new LocalizedText("Expert documents test call "
                + now.toEpochMilli(), "Đợt gọi thử tài liệu", "Тестовый конкурс документов"), new LocalizedText("Test.", "Thử.", "Тест."),
                now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("9000000000"), new BigDecimal("3000000000"), "VND"),
                        new CallBudget(ru, new BigDecimal("90000000"), new BigDecimal("15000000"), "RUB"))), "system");
        call = c.getId();
        proposal = submissions.importSubmitted(call, new ProposalContent("DOCS-RL", "Learning to dispatch storage on weak grids",
                "Reinforcement learning for battery dispatch on weak grids.", List.of("reinforcement learning"), List.of("AI"), 24,
                "WP1 data. WP2 pilots.", null, null, null, null, List.of(
                new TeamContent("VN", "Hue University", "Phan Thanh Bình", null, List.of("Phan Thanh Bình"),
                        List.of(new BudgetLine(1, "personnel", new BigDecimal("1000000000"))), null),
                new TeamContent("RU", "Tomsk Polytechnic University", "Олег Морозов", null, List.of("Олег Морозов"),
                        List.of(new BudgetLine(1, "personnel", new BigDecimal("5000000"))), null))), Map.of(),
                now.minus(Duration.ofDays(2)), user("admin").id()).proposalId();
        byte[] pdf = "%PDF-1.4 work plan annex".getBytes(StandardCharsets.US_ASCII);
        attachment = jdbc.sql("""
                insert into proposal_attachment (proposal_id, file_name, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
                values (?, 'annex-gantt.pdf', ?, 'test', ?, ?, ?) returning id""")
                .params(proposal, (long) pdf.length, files.put(pdf), user("admin").id(), Timestamp.from(now))
                .query(Long.class).single();
        expertRu = directory.profileOf(user("expert.ru").id()).orElseThrow().id();
        TandemUser officer = user("officer.ru");
        var line = runs.run(call, ru, 1, 5, officer).lines().stream().filter(l -> l.proposalId() == proposal).findFirst()
                .orElseThrow();
        if (line.personId() != expertRu) {
            runs.replace(call, ru, proposal, line.personId(), expertRu, officer);
        }
    }

    @Test
    void invitationsWaitForADueDateThenTheDeclaredExpertReadsTheDocumentsAndNobodyElse() {
        // No due date yet: the page, the API and the service refuse, naming the field; nobody is invited.
        WebSession officer = new WebSession(port).signIn("officer.ru", "demo");
        officer.get("/officer/calls/" + call + "/assignment", "ru");
        officer.post("/officer/calls/" + call + "/assignment/invite", Map.of("party", "" + ru), "ru");
        assertThat(officer.get("/officer/calls/" + call + "/assignment", "ru").body())
                .contains("укажите в форме экспертизы срок сдачи отзывов");
        var api = new ApiClient(port).signIn("officer.ru").post("/api/v1/calls/" + call + "/assignment/invite?party=" + ru,
                Map.of(), Map.of());
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.json().get("problems").get(0).get("field").asString()).isEqualTo("dueAt");
        assertThat(jdbc.sql("select count(*) from review_assignment where call_id = ? and status = 'INVITED'").param(call)
                .query(Integer.class).single()).isZero();

        var f = forms.of(call);
        forms.save(call, new ReviewForms.Input(f.criteria().stream().map(c -> new ReviewForms.CriterionInput(c.code(),
                c.name().getEn(), c.name().getVi(), c.name().getRu(), "" + c.weight(), "" + c.threshold())).toList(),
                "5", "0.5", "3.33", Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES), "3", f.version()),
                user("officer.ru"));
        var invited = new ApiClient(port).signIn("officer.ru").post("/api/v1/calls/" + call + "/assignment/invite?party=" + ru,
                Map.of(), Map.of());
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.json().get("experts").asInt()).isEqualTo(1);

        // Accepting without the declaration is refused; the invitation stays open.
        WebSession expert = new WebSession(port).signIn("expert.ru", "demo");
        assertThat(expert.get("/reviews", "en").body()).contains("noConflict-" + proposal).contains("I declare that I have no conflict");
        expert.post("/reviews/answer", Map.of("call", "" + call, "proposal", "" + proposal, "accept", "true"), "en");
        assertThat(expert.get("/reviews", "en").body()).contains("Tick the declaration of no conflict of interest");
        assertThat(status()).isEqualTo("INVITED");
        assertThatThrownBy(() -> invitations.answer(expertRu, call, proposal, true, " ", "t"))
                .isInstanceOf(InvalidInputException.class);
        // Before accepting, the documents are closed.
        assertThat(expert.get("/reviews/" + call + "/" + proposal + "/proposal.pdf").status()).isEqualTo(403);

        expert.post("/reviews/answer", Map.of("call", "" + call, "proposal", "" + proposal, "accept", "true",
                "noConflict", "true"), "ru");
        assertThat(status()).isEqualTo("ACCEPTED");
        // The declaration is kept with its time and in the words the expert read (Russian).
        assertThat(jdbc.sql("""
                select no_conflict_declaration from review_assignment where call_id = ? and proposal_id = ? and person_id = ?
                and no_conflict_declared_at is not null""").params(call, proposal, expertRu).query(String.class).single())
                .startsWith("Заявляю, что у меня нет конфликта интересов");
        assertThat(invitations.noConflictDeclaredAt(expertRu, call, proposal)).isPresent();
        assertThat(jdbc.sql("""
                select count(*) from audit_event where entity_type = 'Call' and entity_id = ? and action = 'review-accept'
                and cast(after_state as text) like '%noConflictDeclared%'""").param("" + call).query(Integer.class).single())
                .isEqualTo(1);

        // The review page links the proposal's PDF and its attachment; both open.
        String page = expert.get("/reviews/" + call + "/" + proposal, "en").body();
        assertThat(page).contains("/reviews/" + call + "/" + proposal + "/proposal.pdf")
                .contains("/reviews/" + call + "/" + proposal + "/attachments/" + attachment).contains("annex-gantt.pdf");
        byte[] pdf = expert.getBytes("/reviews/" + call + "/" + proposal + "/proposal.pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new String(expert.getBytes("/reviews/" + call + "/" + proposal + "/attachments/" + attachment),
                StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 work plan annex");

        // Another expert, an applicant: refused.
        WebSession stranger = new WebSession(port).signIn("expert.vn", "demo");
        assertThat(stranger.get("/reviews/" + call + "/" + proposal + "/proposal.pdf").status()).isEqualTo(403);
        assertThat(stranger.get("/reviews/" + call + "/" + proposal + "/attachments/" + attachment).status()).isEqualTo(403);
        assertThat(new WebSession(port).signIn("applicant.vn", "demo")
                .get("/reviews/" + call + "/" + proposal + "/proposal.pdf").status()).isEqualTo(403);

        // A conflict declared after accepting closes the documents at once.
        directory.declareConflict(expertRu, "Tomsk Polytechnic University", "I joined Tomsk this month", "expert.ru");
        try {
            assertThat(expert.get("/reviews/" + call + "/" + proposal + "/proposal.pdf").status()).isEqualTo(403);
            assertThat(expert.get("/reviews/" + call + "/" + proposal + "/attachments/" + attachment).status()).isEqualTo(403);
        } finally {
            jdbc.sql("delete from declared_conflict where person_id = ? and subject = ?")
                    .params(expertRu, "Tomsk Polytechnic University").update();
        }
    }

    private String status() {
        return jdbc.sql("select status from review_assignment where call_id = ? and proposal_id = ? and person_id = ?")
                .params(call, proposal, expertRu).query(String.class).single();
    }
}
