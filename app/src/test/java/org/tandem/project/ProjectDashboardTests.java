package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * The dashboard's figures are the sums of what the contracts, payments, accepted reports and
 * outputs say, counted here independently through those services on the demo's earlier programme.
 */
@TandemIntegrationTest
class ProjectDashboardTests {

    @LocalServerPort int port;
    @Autowired ProjectDashboard dashboard;
    @Autowired Programmes programmes;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Reports reports;
    @Autowired Outputs outputs;
    @Autowired UserDetailsService users;
    @Autowired ReportSchedule schedule;
    @Autowired WorkPlan workPlan;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @Test
    void theFiguresAreTheSumsOfContractsPaymentsAcceptedReportsAndOutputs() {
        Programme earlier = programmes.byCode("VN-RU-2021").orElseThrow();
        TandemUser officer = user("officer.vn");
        ProjectDashboard.Board b = dashboard.board(earlier.getId(), officer);
        var all = projects.ofProgramme(earlier.getId());
        assertThat(b.byStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(all.size());
        assertThat(b.byStatus().get("COMPLETED")).isEqualTo(all.stream().filter(p -> p.status().equals("COMPLETED")).count());

        for (ProjectDashboard.PartyMoney m : b.money()) {
            long party = earlier.partyByCode(m.partyCode()).orElseThrow().getId();
            BigDecimal committed = BigDecimal.ZERO;
            BigDecimal paid = BigDecimal.ZERO;
            BigDecimal spent = BigDecimal.ZERO;
            for (Project p : all) {
                var c = contracts.contract(p.id(), party);
                if (c.isEmpty()) {
                    continue;
                }
                committed = committed.add(c.get().total());
                paid = paid.add(c.get().paid());
                for (Reports.Report r : reports.of(p.id(), officer)) {
                    if (r.partyId() == party && r.status().equals("ACCEPTED")) {
                        for (Reports.Spending s : r.current().spending()) {
                            spent = spent.add(s.amount());
                        }
                    }
                }
            }
            assertThat(m.total(ProjectDashboard.Year::committed)).isEqualByComparingTo(committed);
            assertThat(m.total(ProjectDashboard.Year::paid)).isEqualByComparingTo(paid);
            assertThat(m.total(ProjectDashboard.Year::spent)).isEqualByComparingTo(spent).isPositive();
            assertThat(m.total(ProjectDashboard.Year::planned)).isPositive();
        }
        long joint = all.stream().flatMap(p -> outputs.of(p.id(), officer).stream())
                .filter(o -> o.kind().equals("PUBLICATION") && o.joint()).count();
        assertThat(b.jointPublications()).isEqualTo(joint).isPositive();
        assertThat(b.patentsByStatus()).containsKey("APPLIED");
        // The 2024 call's team that has not filed its first annual report.
        assertThat(b.overdueReports()).isPositive();
    }

    /**
     * The dashboard reads the dues and work items of all the programme's projects at once; each project's own
     * schedule and work plan, read one by one, must add up to the same counts, and give the same lists.
     */
    @Test
    void overdueReportsAndLateItemsAreThoseOfEachProjectReadOnItsOwn() {
        Programme earlier = programmes.byCode("VN-RU-2021").orElseThrow();
        var all = projects.ofProgramme(earlier.getId());
        assertThat(all).hasSizeGreaterThan(2);
        var dues = schedule.dues(all);
        var items = workPlan.items(all);
        long overdue = 0;
        long late = 0;
        for (Project p : all) {
            assertThat(projects.get(p.id())).isEqualTo(p);
            List<ReportSchedule.Due> own = schedule.dues(p);
            assertThat(dues.getOrDefault(p.id(), List.of())).as(p.acronym()).isEqualTo(own);
            List<WorkPlan.Item> plan = workPlan.items(p);
            assertThat(items.getOrDefault(p.id(), List.of())).as(p.acronym()).isEqualTo(plan);
            overdue += own.stream().filter(ReportSchedule.Due::overdue).count();
            late += plan.stream().filter(WorkPlan.Item::late).count();
        }
        ProjectDashboard.Board b = dashboard.board(earlier.getId(), user("officer.vn"));
        assertThat(b.overdueReports()).isEqualTo(overdue).isPositive();
        assertThat(b.lateItems()).isEqualTo(late);
        assertThat(dues.values().stream().mapToLong(List::size).sum()).isGreaterThan(all.size());
    }

    @Test
    void officersAndAnalystsReadItInTheirLanguageAndOthersDoNot() {
        long pid = programmes.byCode("VN-RU-2021").orElseThrow().getId();
        assertThat(dashboard.board(pid, user("analyst")).programme().getId()).isEqualTo(pid);
        assertThatThrownBy(() -> dashboard.board(pid, user("applicant.vn"))).isInstanceOf(NotAllowedException.class);

        WebSession ru = new WebSession(port).signIn("officer.ru", "demo");
        String page = ru.get("/projects/dashboard?programme=" + pid, "ru").body();
        assertThat(page).contains("Сводка по проектам", "Просроченные отчёты", "money-chart").doesNotContain("style=");
        assertThat(new WebSession(port).signIn("officer.vn", "demo").get("/projects/dashboard?programme=" + pid, "vi").body())
                .contains("Bảng tổng hợp các nhiệm vụ", "Kinh phí theo năm");
        assertThat(new WebSession(port).signIn("applicant.vn", "demo").get("/projects/dashboard?programme=" + pid, "en")
                .status()).isEqualTo(403);
    }
}
