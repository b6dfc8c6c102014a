package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
