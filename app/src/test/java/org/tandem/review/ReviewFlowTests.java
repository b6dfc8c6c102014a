package org.tandem.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
import org.tandem.directory.Directory;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.demo.DemoProgramme;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.Proposals;
import org.tandem.proposal.TeamContent;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * One call of its own, two proposals: experts of both parties review one of them, nobody the
 * other. Checks the form, drafts, submission, what each person may see, reminders, the late
 * list and the suggested replacement after a decline.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ReviewFlowTests {

    @LocalServerPort int port;
    @Autowired AssignmentRuns runs;
    @Autowired ReviewerInvitations invitations;
    @Autowired Reviews reviews;
    @Autowired ReviewForms forms;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired Proposals proposals;
    @Autowired org.tandem.proposal.ProposalSubmissions submissions;
    @Autowired Directory directory;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    long call;
    long alpha;
    long beta;
    long vn;
    long ru;
    long expertVn;
    long expertRu;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @BeforeAll
    void aClosedCallWithTwoProposalsAndBothPartiesAssignments() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        vn = p.partyByCode("VN").orElseThrow().getId();
        ru = p.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now();
        Call c = calls.createApproved(p.getId(), new CallInput(2026, new LocalizedText("Review flow test call " + now.toEpochMilli(),
                "Đợt gọi thử", "Тестовый конкурс"), new LocalizedText("Test.", "Thử.", "Тест."),
                now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("9000000000"), new BigDecimal("3000000000"), "VND"),
                        new CallBudget(ru, new BigDecimal("90000000"), new BigDecimal("15000000"), "RUB"))), "system");
        call = c.getId();
        long admin = user("admin").id();
        alpha = submissions.importSubmitted(call, content("ALPHA-RF", "Reinforcement learning for power systems dispatch",
                "Deep reinforcement learning for battery dispatch and medical imaging of grid faults."), Map.of(),
                now.minus(Duration.ofDays(2)), admin).proposalId();
        beta = submissions.importSubmitted(call, content("BETA-RF", "Rice genomics under salinity",
                "Genomic selection of rice for salinity tolerance in the Mekong delta."), Map.of(),
                now.minus(Duration.ofDays(2)), admin).proposalId();
        expertVn = directory.profileOf(user("expert.vn").id()).orElseThrow().id();
        expertRu = directory.profileOf(user("expert.ru").id()).orElseThrow().id();
        place(vn, "officer.vn", alpha, expertVn);
        place(ru, "officer.ru", alpha, expertRu);
    }

    private static ProposalContent content(String acronym, String title, String text) {
        List<BudgetLine> vnBudget = List.of(new BudgetLine(1, "personnel", new BigDecimal("1000000000")));
        List<BudgetLine> ruBudget = List.of(new BudgetLine(1, "personnel", new BigDecimal("5000000")));
        return new ProposalContent(acronym, title, text, List.of("reinforcement learning", "genomics"), List.of("AI"), 24,
                "WP1.", null, null, null, null, List.of(
                new TeamContent("VN", "Hue University", "Phan Thanh Bình", null, List.of("Phan Thanh Bình"), vnBudget, null),
                new TeamContent("RU", "Kazan Federal University", "Олег Морозов", null, List.of("Олег Морозов"), ruBudget, null)));
    }

    /** Runs the party's assignment (one expert per proposal) and makes sure the given expert has the proposal. */
    private void place(long party, String officerName, long proposal, long expert) {
        TandemUser officer = user(officerName);
        var lines = runs.run(call, party, 1, 5, officer).lines();
        var line = lines.stream().filter(l -> l.proposalId() == proposal).findFirst().orElseThrow();
        if (line.personId() != expert) {
            runs.replace(call, party, proposal, line.personId(), expert, officer);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void expertsReviewAnonymouslyAndOnlyAfterSubmittingSeeOthers() {
        // Bad form input names the field and stores nothing.
        var before = forms.of(call);
        var bad = new ReviewForms.Input(List.of(new ReviewForms.CriterionInput("Excellence!", "E", "E", "E", "0", "7")),
                "5", "0.3", "", null, "3", before.version());
        try {
            forms.save(call, bad, user("officer.ru"));
            throw new AssertionError("accepted a bad form");
        } catch (org.tandem.platform.validation.InvalidInputException e) {
            assertThat(e.problems()).extracting(pr -> pr.field()).contains("criteria[0].code", "criteria[0].weight",
                    "criteria[0].threshold", "step");
        }
        assertThat(forms.of(call).stored()).isFalse();
        // The same in the browser, in Russian: the page comes back with the message and what was typed.
        WebSession formEditor = new WebSession(port).signIn("officer.ru", "demo");
        formEditor.get("/officer/calls/" + call + "/review-form", "ru");
        var refusedForm = formEditor.post("/officer/calls/" + call + "/review-form", Map.of("version", "0",
                "criteria[0].code", "novelty", "criteria[0].nameEn", "Novelty", "criteria[0].nameVi", "Tính mới",
                "criteria[0].nameRu", "Новизна", "criteria[0].weight", "два", "criteria[0].threshold", "3",
                "scaleMax", "5", "step", "0.5", "remindDays", "3"), "ru");
        assertThat(refusedForm.status()).isEqualTo(200);
        assertThat(refusedForm.body()).contains("Введите число").contains("value=\"два\"").contains("value=\"Новизна\"");
        assertThat(forms.of(call).stored()).isFalse();
        // Reviews due in ten days; reminders three days before.
        Instant due = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        forms.save(call, input(due), user("officer.ru"));

        TandemUser officerVn = user("officer.vn");
        TandemUser officerRu = user("officer.ru");
        invitations.invite(call, vn, officerVn, person -> null);
        invitations.invite(call, ru, officerRu, person -> null);
        WebSession expert = new WebSession(port).signIn("expert.vn", "demo");
        expert.get("/reviews");
        expert.post("/reviews/answer", Map.of("call", "" + call, "proposal", "" + alpha, "accept", "true", "noConflict", "true"), "en");
        WebSession other = new WebSession(port).signIn("expert.ru", "demo");
        other.get("/reviews");
        other.post("/reviews/answer", Map.of("call", "" + call, "proposal", "" + alpha, "accept", "true", "noConflict", "true"), "ru");

        // Strangers to the proposal learn nothing, not even that it exists.
        assertThat(new WebSession(port).signIn("applicant.vn", "demo").get("/reviews/" + call + "/" + alpha).status())
                .isEqualTo(404);
        assertThat(new WebSession(port).signIn("applicant.vn", "demo").get("/officer/calls/" + call + "/reviews").status())
                .isEqualTo(403);

        String page = expert.get("/reviews/" + call + "/" + alpha + "?lang=en", "en").body();
        assertThat(page).contains("ALPHA-RF").contains("Excellence").contains("VN-1").doesNotContain("Дмитрий Кузнецов");
        // Submitting without the impact score: refused, named, and nothing stored.
        var refused = expert.post("/reviews/" + call + "/" + alpha, Map.of("score.excellence", "4.0",
                "score.implementation", "3.5", "commentApplicants", "Clear objectives; the pilot plan is credible.",
                "submit", ""), "en");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(expert.get("/reviews/" + call + "/" + alpha, "en").body()).contains("Score for “Impact” is missing")
                .contains("Clear objectives; the pilot plan is credible.");
        assertThat(jdbc.sql("select count(*) from review where call_id = ?").param(call).query(Integer.class).single()).isZero();
        // A half point off the scale is refused too.
        assertThatProblem(() -> reviews.save(expertVn, call, alpha, Map.of("excellence", "4.25"), null, null, false, "t"),
                "review.score.step");
        // A draft may be incomplete.
        expert.post("/reviews/" + call + "/" + alpha, Map.of("score.excellence", "4.0", "commentApplicants", "Draft",
                "draft", ""), "en");
        assertThat(jdbc.sql("select status from review where call_id = ? and person_id = ?").params(call, expertVn)
                .query(String.class).single()).isEqualTo("DRAFT");

        // Reminders start three days before the due date: not yet today, two mails two days before, then none again that day.
        assertThat(reviews.remind(Instant.now(), call, false)).isZero();
        long lastMail = outbox.latest(1).stream().mapToLong(Outbox.Message::id).findFirst().orElse(0);
        assertThat(reviews.remind(due.minus(Duration.ofDays(2)), call, false)).isEqualTo(2);
        assertThat(reviews.remind(due.minus(Duration.ofDays(2)), call, false)).isZero();
        assertThat(outbox.latest(50)).filteredOn(m -> m.id() > lastMail).hasSize(2).anyMatch(m -> m.recipient().startsWith("expert.ru")
                && m.subject().contains("срок экспертизы") && m.body().contains("ALPHA-RF"));

        // The Russian expert drafts; they do not see the Vietnamese draft or anything of it.
        String ruPage = other.get("/reviews/" + call + "/" + alpha, "ru").body();
        assertThat(ruPage).doesNotContain("Lê Minh Tuấn").doesNotContain("Clear objectives");

        expert.post("/reviews/" + call + "/" + alpha, Map.of("score.excellence", "4.0", "score.impact", "4.5",
                "score.implementation", "3.5", "commentApplicants", "Clear objectives; the pilot plan is credible.",
                "commentConfidential", "The VN team lead is very strong.", "submit", ""), "en");
        assertThat(jdbc.sql("select overall from review where call_id = ? and person_id = ?").params(call, expertVn)
                .query(Double.class).single()).isEqualTo(4.0);
        // Before submitting their own, the Russian expert still sees nothing of the submitted review.
        assertThat(other.get("/reviews/" + call + "/" + alpha, "ru").body()).doesNotContain("Clear objectives");
        other.post("/reviews/" + call + "/" + alpha, Map.of("score.excellence", "3.0", "score.impact", "3.0",
                "score.implementation", "2.5", "commentApplicants", "The joint part of the work plan is thin.",
                "commentConfidential", "", "submit", ""), "ru");
        String after = other.get("/reviews/" + call + "/" + alpha, "ru").body();
        assertThat(after).contains("Clear objectives").contains("VN-1").doesNotContain("Lê Minh Tuấn")
                .doesNotContain("The VN team lead is very strong.");
        // Submitted is final.
        assertThatProblem(() -> reviews.save(expertVn, call, alpha, Map.of(), null, null, false, "t"), "review.alreadySubmitted");

        // Officers see their own experts by name and the other party's by pseudonym; confidential comments are for them.
        String vnProgress = new WebSession(port).signIn("officer.vn", "demo").get("/officer/calls/" + call + "/reviews", "en").body();
        assertThat(vnProgress).contains("Lê Minh Tuấn").contains("RU-1").doesNotContain("Дмитрий Кузнецов")
                .contains("The VN team lead is very strong.");
        String committee = new WebSession(port).signIn("committee.ru", "demo").get("/officer/calls/" + call + "/reviews", "en").body();
        assertThat(committee).contains("VN-1").contains("RU-1").doesNotContain("Lê Minh Tuấn").doesNotContain("Дмитрий Кузнецов");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aDeclineSuggestsTheBestFreeExpertAndLateReviewsAreListed() {
        TandemUser officer = user("officer.vn");
        var line = runs.current(call, vn, officer).stream().filter(l -> l.proposalId() == beta).findFirst().orElseThrow();
        if (line.status().equals("PROPOSED")) {
            invitations.invite(call, vn, officer, person -> null);
        }
        invitations.answer(line.personId(), call, beta, false, null, "test");
        var suggestion = runs.suggestReplacement(call, vn, beta, officer).orElseThrow();
        assertThat(suggestion.personId()).isNotEqualTo(line.personId());
        assertThat(runs.conflictOf(suggestion.personId(), proposals.forReviewer(beta))).isEmpty();
        String page = new WebSession(port).signIn("officer.vn", "demo").get("/officer/calls/" + call + "/reviews", "en").body();
        assertThat(page).contains("Suggested: " + suggestion.name());
        runs.replace(call, vn, beta, line.personId(), suggestion.personId(), officer);
        // The decline stays on record next to the replacement.
        assertThat(runs.current(call, vn, officer)).filteredOn(l -> l.proposalId() == beta)
                .extracting(AssignmentRuns.Line::status).contains("DECLINED", "PROPOSED");
        invitations.invite(call, vn, officer, person -> null);

        // Due an hour after the call closed, i.e. in the past: the open invitation is late.
        Call c = calls.get(call);
        forms.save(call, input(c.getClosesAt().plus(Duration.ofHours(1))), user("officer.vn"));
        var progress = reviews.progress(call, officer);
        assertThat(progress.late()).anyMatch(r -> r.proposalId() == beta && Long.valueOf(suggestion.personId()).equals(r.personId()));
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aConflictDeclaredAfterAcceptingClosesTheProposal() {
        long person = directory.profileOf(user("expert.ru").id()).orElseThrow().id();
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        // Kazan hosts the Russian team of both proposals; a conflict declared now takes effect at once.
        jdbc.sql("update review_assignment set status = 'ACCEPTED' where call_id = ? and proposal_id = ? and person_id = ?")
                .params(call, alpha, person).update();
        directory.declareConflict(person, "Kazan Federal University", "I moved to Kazan this month", "expert.ru");
        try {
            assertThat(new WebSession(port).signIn("expert.ru", "demo").get("/reviews/" + call + "/" + alpha).status())
                    .isEqualTo(403);
        } finally {
            jdbc.sql("delete from declared_conflict where person_id = ? and subject = ?")
                    .params(person, "Kazan Federal University").update();
        }
        assertThat(p).isNotNull();
    }

    private ReviewForms.Input input(Instant due) {
        var f = forms.of(call);
        return new ReviewForms.Input(f.criteria().stream().map(c -> new ReviewForms.CriterionInput(c.code(), c.name().getEn(),
                c.name().getVi(), c.name().getRu(), "" + c.weight(), c.threshold() == null ? "" : "" + c.threshold())).toList(),
                "5", "0.5", "3.33", due, "3", f.version());
    }

    private static void assertThatProblem(Runnable r, String code) {
        try {
            r.run();
            throw new AssertionError("expected " + code);
        } catch (org.tandem.platform.validation.InvalidInputException e) {
            assertThat(e.problems()).extracting(pr -> pr.code()).contains(code);
        }
    }
}
