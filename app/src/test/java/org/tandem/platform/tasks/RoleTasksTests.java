package org.tandem.platform.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.directory.Directory;
import org.tandem.innovation.ProfileInput;
import org.tandem.innovation.Profiles;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.proposal.TeamContent;
import org.tandem.review.AssignmentRuns;
import org.tandem.review.ReviewForms;
import org.tandem.review.ReviewerInvitations;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * Each role's home page starts with its own tasks, from the demo data or from a situation made
 * here through the modules' public services: the right sentence, link and deadline, late ones
 * marked, deadlines in the reader's zone and in both parties' zones.
 */
@TandemIntegrationTest
class RoleTasksTests {

    @LocalServerPort int port;
    @Autowired Tasks tasks;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions submissions;
    @Autowired AssignmentRuns runs;
    @Autowired ReviewerInvitations invitations;
    @Autowired ReviewForms forms;
    @Autowired Directory directory;
    @Autowired Profiles profiles;
    @Autowired UserDetailsService users;

    static final List<String> BOTH_ZONES = List.of("Asia/Ho_Chi_Minh", "Europe/Moscow");

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    Programme programme() {
        return programmes.byCode(DemoProgramme.CODE).orElseThrow();
    }

    long party(String code) {
        return programme().partyByCode(code).orElseThrow().getId();
    }

    List<Task> of(String user) {
        return tasks.of(user(user));
    }

    CallInput callInput(String title, Instant opens, Instant closes) {
        return new CallInput(2026, new LocalizedText(title, title + " (vi)", title + " (ru)"),
                new LocalizedText("Projects.", "Dự án.", "Проекты."), opens, closes, 24, 36, Set.of("AI"),
                List.of(new CallBudget(party("VN"), new BigDecimal("9000000000"), new BigDecimal("3000000000"), "VND"),
                        new CallBudget(party("RU"), new BigDecimal("90000000"), new BigDecimal("15000000"), "RUB")));
    }

    @Test
    void anApplicantSeesTheirDraftDueAtTheCallsDeadlineInBothZones() {
        List<Task> mine = of("applicant.vn");
        Task draft = mine.stream().filter(t -> t.labelKey().equals("task.proposal.draft")).findFirst().orElseThrow();
        assertThat(draft.link()).startsWith("/proposals/");
        assertThat(draft.due()).isAfter(Instant.now());
        assertThat(draft.partyZones()).containsExactlyInAnyOrderElementsOf(BOTH_ZONES);
        assertThat(mine).extracting(Task::labelKey).contains("task.call.closes");
        assertThat(mine).isSortedAccordingTo(Task.BY_DUE);

        String home = new WebSession(port).signIn("applicant.vn", "demo").get("/", "en").body();
        assertThat(home).contains("id=\"tasks\"").contains("Submit your draft proposal")
                .contains("(Asia/Ho_Chi_Minh, ICT)").contains("(Europe/Moscow, MSK)");
        String vi = new WebSession(port).signIn("applicant.vn", "demo").get("/", "vi").body();
        assertThat(vi).contains("Việc cần làm").contains("Nộp bản nháp đề xuất");
    }

    @Test
    void bothPartiesOfficersApproveADraftCallUntilTheirPartyHas() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String title = "Tasks draft call " + now.toEpochMilli();
        Call draft = calls.draft(programme().getId(), callInput(title, now.plus(Duration.ofDays(20)),
                now.plus(Duration.ofDays(80))), user("officer.vn"));
        String link = "/officer/calls/" + draft.getId();
        assertThat(of("officer.vn")).anyMatch(t -> t.labelKey().equals("task.call.approve") && t.link().equals(link)
                && t.args().contains(title));
        assertThat(of("officer.ru")).anyMatch(t -> t.link().equals(link));
        // Applicants and experts have nothing to do with a draft.
        assertThat(of("applicant.vn")).noneMatch(t -> t.link().equals(link));

        calls.approve(draft.getId(), party("VN"), user("officer.vn"));
        assertThat(of("officer.vn")).noneMatch(t -> t.link().equals(link));
        assertThat(of("officer.ru")).anyMatch(t -> t.link().equals(link));
    }

    @Test
    void anExpertSeesALateInvitationThenTheReviewAndTheOfficerTheLateCount() {
        Programme p = programme();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String title = "Tasks review call " + now.toEpochMilli();
        long call = calls.createApproved(p.getId(), callInput(title, now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(2))), "system").getId();
        ProposalContent content = new ProposalContent("TASK-RV", "Sensors for river deltas", "River sensors.",
                List.of("sensors"), List.of("AI"), 24, "WP1.", null, null, null, null, List.of(
                new TeamContent("VN", "Hue University", "Phan Thanh Bình", null, List.of("Phan Thanh Bình"),
                        List.of(new BudgetLine(1, "personnel", new BigDecimal("1000000000"))), null),
                new TeamContent("RU", "Kazan Federal University", "Олег Морозов", null, List.of("Олег Морозов"),
                        List.of(new BudgetLine(1, "personnel", new BigDecimal("5000000"))), null)));
        long proposal = submissions.importSubmitted(call, content, Map.of(), now.minus(Duration.ofDays(3)),
                user("admin").id()).proposalId();
        TandemUser officer = user("officer.vn");
        long expert = directory.profileOf(user("expert.vn").id()).orElseThrow().id();
        var line = runs.run(call, party("VN"), 1, 5, officer).lines().stream()
                .filter(l -> l.proposalId() == proposal).findFirst().orElseThrow();
        if (line.personId() != expert) {
            runs.replace(call, party("VN"), proposal, line.personId(), expert, officer);
        }
        // Due an hour after the call closed: already past.
        var f = forms.of(call);
        forms.save(call, new ReviewForms.Input(f.criteria().stream().map(c -> new ReviewForms.CriterionInput(c.code(),
                c.name().getEn(), c.name().getVi(), c.name().getRu(), "" + c.weight(),
                c.threshold() == null ? "" : "" + c.threshold())).toList(), "5", "0.5", "3.33",
                calls.get(call).getClosesAt().plus(Duration.ofHours(1)), "3", f.version()), officer);
        // Invitations need the due date first.
        invitations.invite(call, party("VN"), officer, person -> null);

        Task invited = of("expert.vn").stream().filter(t -> t.args().contains(title)).findFirst().orElseThrow();
        assertThat(invited.labelKey()).isEqualTo("task.review.invited");
        assertThat(invited.severity()).isEqualTo(Task.Severity.LATE);
        assertThat(invited.partyZones()).containsExactlyInAnyOrderElementsOf(BOTH_ZONES);
        Task late = of("officer.vn").stream().filter(t -> t.labelKey().equals("task.review.lateForCall")
                && t.args().contains(title)).findFirst().orElseThrow();
        assertThat(late.link()).isEqualTo("/officer/calls/" + call + "/reviews");
        assertThat(late.args().get(0)).isEqualTo(1);
        // The other party's officer has no say over the Vietnamese experts.
        assertThat(of("officer.ru")).noneMatch(t -> t.labelKey().equals("task.review.lateForCall") && t.args().contains(title));

        String home = new WebSession(port).signIn("expert.vn", "demo").get("/", "en").body();
        assertThat(home).contains("data-severity=\"LATE\"").contains("Accept or decline the review of TASK-RV");

        invitations.answer(expert, call, proposal, true, "I declare that I have no conflict of interest.", "expert.vn");
        assertThat(of("expert.vn")).anyMatch(t -> t.labelKey().equals("task.review.due")
                && t.link().equals("/reviews/" + call + "/" + proposal));
    }

    @Test
    void theCentreReviewsSubmittedProfilesAndOwnersAnswerInterest() {
        // Demo: the Vietnamese lead expressed interest in the Russian lead's inert anode offer.
        assertThat(of("applicant.ru")).anyMatch(t -> t.labelKey().equals("task.innovation.interest")
                && t.link().equals("/innovation/mine"));

        var model = profiles.ownedBy(user("applicant.vn")).get(0);
        String title = "Tasks profile " + System.nanoTime();
        var in = new ProfileInput(model.type().name(), model.language(), title, model.summary(), model.description(),
                model.advantages(), model.trl(), model.ipStatus().name(), model.patentNumbers(),
                model.partnerships().stream().map(Enum::name).toList(), model.partnerType(), model.countries(),
                model.sectors(), model.keywords(), model.fosFields(), model.expiresOn().toString(), model.organisation(),
                model.contactEmail(), model.translations());
        var created = profiles.create(in, user("applicant.vn"));
        profiles.submit(created.id(), user("applicant.vn"));
        assertThat(of("innovation")).anyMatch(t -> t.labelKey().equals("task.innovation.review") && t.args().contains(title));

        profiles.returnToOwner(created.id(), "Add the patent number.", user("innovation"));
        assertThat(of("innovation")).noneMatch(t -> t.args().contains(title));
        assertThat(of("applicant.vn")).anyMatch(t -> t.labelKey().equals("task.innovation.returned")
                && t.link().equals("/innovation/profiles/" + created.id() + "/edit"));
    }
}
