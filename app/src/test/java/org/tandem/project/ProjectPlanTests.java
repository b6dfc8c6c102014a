package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.Problem;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * The work plan taken from the proposal, report due dates from the contracts, the overdue
 * lists, reminders sent once each, and the report form's autosave.
 */
@TandemIntegrationTest
class ProjectPlanTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Reports reports;
    @Autowired WorkPlan workPlan;
    @Autowired ReportSchedule schedule;
    @Autowired ReportDrafts drafts;
    @Autowired Outbox outbox;
    @Autowired UserDetailsService users;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    static LocalDate today(String zone) {
        return LocalDate.now(ZoneId.of(zone));
    }

    static Contracts.ContractInput contract(String number, LocalDate start) {
        LocalDate end = start.plusYears(3).minusDays(1);
        return new Contracts.ContractInput(number, start.minusDays(10), "Host organisation", "Principal investigator", start,
                end, List.of(new Contracts.TrancheInput(start.getYear(), null, new BigDecimal("1000"))));
    }

    /** A project whose both contracts started on {@code start} and run three years. */
    Project runningSince(String title, LocalDate start) {
        Project p = f.awarded(title, 1).get(0);
        contracts.sign(p.id(), "VN", contract("HĐ-" + p.id(), start), f.user("officer.vn"));
        contracts.sign(p.id(), "RU", contract("РФ-" + p.id(), start), f.user("officer.ru"));
        return projects.get(p.id());
    }

    @Test
    void theWorkPlanTextBecomesItemsWithMonthsTeamsAndKinds() {
        var items = WorkPlanSeeds.parse("WP1 (months 1–12): methods and data. WP2: joint experiments and exchange visits. "
                + "WP3: validation, publications and technology transfer.", 36, List.of("VN", "RU"));
        assertThat(items).extracting(WorkPlanSeeds.Item::dueMonth).containsExactly(12, 18, 36);
        assertThat(items.get(0).title()).isEqualTo("WP1 (months 1–12): methods and data");
        assertThat(items).extracting(WorkPlanSeeds.Item::kind).containsOnly(WorkPlan.MILESTONE);
        var lines = WorkPlanSeeds.parse("D1.1 River dataset (VN), month 6\nM2 Joint model (RU lead) months 7-18\n", 24,
                List.of("VN", "RU"));
        assertThat(lines).extracting(WorkPlanSeeds.Item::kind, WorkPlanSeeds.Item::partyCode, WorkPlanSeeds.Item::dueMonth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WorkPlan.DELIVERABLE, "VN", 6),
                        org.assertj.core.groups.Tuple.tuple(WorkPlan.MILESTONE, "RU", 18));
        assertThat(WorkPlanSeeds.parse("  ", 24, List.of("VN"))).isEmpty();
    }

    @Test
    void theAwardCopiesTheWorkPlanAndLateItemsAreListedUntilDone() {
        LocalDate start = today("Asia/Ho_Chi_Minh").minusMonths(14);
        Project p = runningSince("Plan: late items", start);
        workPlan.ensureSeeded(p.id()); // already seeded at the award: nothing doubles
        List<WorkPlan.Item> items = workPlan.of(p.id(), f.user("applicant.ru"));
        assertThat(items).extracting(WorkPlan.Item::title).containsExactly("WP1 Data (months 1-12)", "WP2 Models (months 13-24)");
        WorkPlan.Item wp1 = items.get(0);
        assertThat(wp1.dueOn()).isEqualTo(start.plusMonths(12).minusDays(1));
        assertThat(wp1.late()).isTrue();
        assertThat(wp1.daysLate()).isEqualTo(ChronoUnit.DAYS.between(wp1.dueOn(), today("Asia/Ho_Chi_Minh")));
        assertThat(items.get(1).late()).isFalse();
        assertThat(workPlan.lateFor(f.user("officer.ru"))).anyMatch(l -> l.item().id() == wp1.id());

        WorkPlan.Item vnOnly = workPlan.save(p.id(), null, new WorkPlan.ItemInput(WorkPlan.DELIVERABLE, "Sensor prototype",
                "VN", start.plusMonths(20), false, null), f.user("officer.vn"));
        assertThatThrownBy(() -> workPlan.save(p.id(), vnOnly.id(), new WorkPlan.ItemInput(WorkPlan.DELIVERABLE,
                "Sensor prototype", "VN", null, true, today("Asia/Ho_Chi_Minh")), f.user("applicant.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> workPlan.save(p.id(), wp1.id(), new WorkPlan.ItemInput("TASK", " ", "XX", null, true, null),
                f.user("applicant.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactlyInAnyOrder("kind", "title", "party", "doneOn"));

        LocalDate doneOn = today("Asia/Ho_Chi_Minh").minusDays(3);
        WorkPlan.Item done = workPlan.save(p.id(), wp1.id(), new WorkPlan.ItemInput(WorkPlan.MILESTONE, wp1.title(), null,
                null, true, doneOn), f.user("applicant.vn"));
        assertThat(done.status()).isEqualTo(WorkPlan.DONE);
        assertThat(done.doneOn()).isEqualTo(doneOn);
        assertThat(done.late()).isFalse();
        assertThat(workPlan.lateFor(f.user("officer.ru"))).noneMatch(l -> l.item().id() == wp1.id());
        assertThatThrownBy(() -> workPlan.of(p.id(), f.user("expert.ru"))).isInstanceOf(NotAllowedException.class);

        var officer = new WebSession(port).signIn("officer.vn", "demo");
        String page = officer.get("/projects/" + p.id() + "/plan?lang=vi", "vi").body();
        assertThat(page).contains("Kế hoạch công việc").contains("WP2 Models").contains("Hạn nộp báo cáo")
                .doesNotContain("project.work.");
    }

    @Test
    void dueDatesFollowTheContractsAndTheOverdueListShowsTheOfficersOwnParty() {
        LocalDate start = today("Asia/Ho_Chi_Minh").minusMonths(14);
        Project p = runningSince("Plan: due dates", start);
        List<ReportSchedule.Due> dues = schedule.dues(p);
        // Two annual reports (the third year ends with the contract) and the final one, for each party.
        assertThat(dues).hasSize(6);
        ReportSchedule.Due vnFirst = dues.stream().filter(d -> d.partyCode().equals("VN") && d.kind().equals("ANNUAL")
                && d.year() == 1).findFirst().orElseThrow();
        assertThat(vnFirst.periodEnd()).isEqualTo(start.plusYears(1).minusDays(1));
        assertThat(vnFirst.dueOn()).isEqualTo(start.plusYears(1).minusDays(1).plusDays(ReportSchedule.DEFAULT_GRACE_DAYS));
        assertThat(vnFirst.overdue()).isTrue();
        assertThat(vnFirst.daysLate()).isEqualTo(ChronoUnit.DAYS.between(vnFirst.dueOn(), today("Asia/Ho_Chi_Minh")));
        assertThat(dues).filteredOn(d -> d.kind().equals("FINAL"))
                .extracting(ReportSchedule.Due::dueOn).containsOnly(start.plusYears(3).minusDays(1).plusDays(30));

        assertThat(schedule.overdueFor(f.user("officer.vn"))).anyMatch(o -> o.project().id() == p.id()
                && o.due().partyCode().equals("VN")).noneMatch(o -> o.due().partyCode().equals("RU"));
        assertThat(schedule.overdueFor(f.user("officer.ru"))).anyMatch(o -> o.project().id() == p.id()
                && o.due().partyCode().equals("RU"));

        reports.submit(p.id(), new Reports.ReportInput("ANNUAL", 1, "Year one", null, List.of()), f.user("applicant.vn"));
        assertThat(schedule.overdueFor(f.user("officer.vn"))).noneMatch(o -> o.project().id() == p.id());
        assertThat(schedule.dues(projects.get(p.id())).stream().filter(d -> d.partyCode().equals("VN") && d.year() == 1)
                .findFirst().orElseThrow().filed()).isEqualTo(ProjectWorkflow.SUBMITTED);

        long programme = p.programmeId();
        long vn = f.party("VN");
        assertThatThrownBy(() -> schedule.setSetting(programme, vn, 45, 7, f.user("officer.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> schedule.setSetting(programme, vn, -1, 0, f.user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactly("graceDays", "remindDays"));
        assertThat(schedule.setting(programme, vn).graceDays()).isEqualTo(ReportSchedule.DEFAULT_GRACE_DAYS);

        var officer = new WebSession(port).signIn("officer.vn", "demo");
        String list = officer.get("/projects/overdue?lang=ru", "ru").body();
        assertThat(list).contains("Просроченные отчёты").doesNotContain("project.overdue.");
        assertThat(new WebSession(port).signIn("applicant.vn", "demo").get("/projects/overdue").status()).isEqualTo(403);
        String projectPage = officer.get("/projects/" + p.id() + "?lang=en", "en").body();
        assertThat(projectPage).contains("Report due dates").contains("Annual report, year 2");
    }

    @Test
    void remindersGoOutBeforeTheDueDateAndWhenOverdueOnceEach() throws Exception {
        LocalDate today = today("Asia/Ho_Chi_Minh");
        // Annual report 1 due in five days: start + 1 year - 1 day + 30 days = today + 5.
        Project soon = runningSince("Plan: reminder soon", today.plusDays(5).minusDays(29).minusYears(1));
        Project late = runningSince("Plan: reminder late", today.minusMonths(14));
        String soonCode = soon.part(f.party("VN")).orElseThrow().code();
        String lateCode = late.part(f.party("RU")).orElseThrow().code();

        schedule.remind();
        List<Outbox.Message> first = outbox.latest(500);
        List<Outbox.Message> soonMail = first.stream().filter(m -> m.subject().startsWith(soonCode + ":")).toList();
        assertThat(soonMail).hasSize(1);
        assertThat(soonMail.get(0).recipient()).isEqualTo("applicant.vn@demo.tandem.example");
        assertThat(soonMail.get(0).subject()).contains("sắp đến hạn"); // applicant.vn reads Vietnamese
        assertThat(soonMail.get(0).body()).contains("/projects/" + soon.id() + "/report");
        List<Outbox.Message> lateMail = first.stream().filter(m -> m.subject().startsWith(lateCode + ":")).toList();
        assertThat(lateMail).hasSize(1);
        assertThat(lateMail.get(0).recipient()).isEqualTo("applicant.ru@demo.tandem.example");
        assertThat(lateMail.get(0).subject()).contains("просрочен");

        schedule.remind();
        List<Outbox.Message> second = outbox.latest(500);
        assertThat(second.stream().filter(m -> m.subject().startsWith(soonCode + ":") || m.subject().startsWith(lateCode + ":")))
                .hasSize(2);

        // Delivered by SMTP once each.
        long deadline = System.currentTimeMillis() + 20_000;
        long delivered = 0;
        while (delivered < 2 && System.currentTimeMillis() < deadline) {
            smtp.waitForIncomingEmail(1000, 1);
            delivered = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().startsWith(soonCode + ":") || m.getSubject().startsWith(lateCode + ":");
                } catch (Exception e) {
                    return false;
                }
            }).count();
        }
        assertThat(delivered).isEqualTo(2);
    }

    @Test
    void theReportFormSavesWhatIsTypedAndRestoresItUntilTheReportIsFiled() {
        Project p = runningSince("Plan: autosave", today("Asia/Ho_Chi_Minh").minusMonths(2));
        var lead = new WebSession(port).signIn("applicant.vn", "demo");
        assertThat(lead.get("/projects/" + p.id() + "/report").status()).isEqualTo(200);
        var saved = lead.post("/projects/" + p.id() + "/report/draft", Map.of("kind", "ANNUAL", "year", "1",
                "scientific", "Half-written: the sensors were installed in Thái Bình", "spent_1_0", "12500000",
                "unrelated", "dropped"), "en");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("Draft saved");

        String again = lead.get("/projects/" + p.id() + "/report?lang=en", "en").body();
        assertThat(again).contains("Half-written: the sensors were installed in Thái Bình").contains("value=\"12500000\"")
                .contains("Your draft of");
        assertThat(drafts.find(p.id(), f.user("applicant.vn")).orElseThrow().fields()).doesNotContainKey("unrelated");
        assertThat(new WebSession(port).signIn("officer.vn", "demo").post("/projects/" + p.id() + "/report/draft",
                Map.of("scientific", "x"), "en").status()).isEqualTo(403);

        var filed = lead.post("/projects/" + p.id() + "/report", Map.of("kind", "ANNUAL", "year", "1",
                "scientific", "The sensors were installed in Thái Bình"), "en");
        assertThat(filed.status()).isEqualTo(302);
        assertThat(drafts.find(p.id(), f.user("applicant.vn"))).isEmpty();
    }
}
