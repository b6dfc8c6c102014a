package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.project.Contracts;
import org.tandem.project.Project;
import org.tandem.project.ProjectFixtures;
import org.tandem.project.Projects;
import org.tandem.project.Reports;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;

/**
 * Vietnam's officer forms the acceptance council, records two members' grades of two products
 * and concludes; the page shows the result the rule gives and why, and passes axe.
 */
@TandemIntegrationTest
class AcceptanceBrowserTests extends BrowserTest {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Reports reports;
    @Autowired UserDetailsService users;

    static Contracts.ContractInput contract(String number, String host, String pi) {
        return new Contracts.ContractInput(number, LocalDate.of(2026, 3, 1), host, pi, LocalDate.of(2026, 4, 1),
                LocalDate.of(2028, 3, 31), List.of(new Contracts.TrancheInput(2026, null, new BigDecimal("1000000"))));
    }

    @Test
    void anOfficerFormsTheCouncilRecordsTheGradesAndReadsWhyTheResultIsWhatItIs() {
        ProjectFixtures f = new ProjectFixtures(calls, programmes, proposals, projects, users);
        Project p = f.awarded("Browser: acceptance", 1).get(0);
        contracts.sign(p.id(), "VN", contract("HĐ 9/2026", "Hanoi University of Science and Technology", "Nguyễn Văn An"),
                f.user("officer.vn"));
        contracts.sign(p.id(), "RU", contract("РНФ 9", "Novosibirsk State University", "Иван Петров"), f.user("officer.ru"));
        var report = reports.submit(p.id(), new Reports.ReportInput("FINAL", null, "Done", null, List.of()),
                f.user("applicant.vn"));
        reports.decide(report.id(), true, null, f.user("officer.vn"));

        Page vn = signedIn("officer.vn", "Asia/Ho_Chi_Minh");
        vn.navigate(url("/projects/" + p.id() + "?lang=en"));
        vn.click("a[href$='/acceptance/VN']");
        assertThat(vn.locator("#form-council")).isVisible();
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(vn)).isEmpty();
        // Two experts without conflicts: the first listed ones that carry no conflict note.
        var free = vn.locator("label:has(input[name=member]):not(:has(.muted))");
        free.nth(0).locator("input").check();
        free.nth(1).locator("input").check();
        vn.fill("#products", "Sensor network\nFlood model");
        vn.click("#form-council");
        assertThat(vn.locator(".notice")).containsText("The council was formed");

        // Both members: every quantity and quality satisfactory, but the flood model's volume unsatisfactory,
        // so 3 of 4 quantity/volume criteria are met: exactly three quarters.
        for (int member = 0; member < 2; member++) {
            vn.locator("#grade-member").selectOption(vn.locator("#grade-member option").nth(member).getAttribute("value"));
            var selects = vn.locator("select[name^=grade_]");
            for (int i = 0; i < selects.count(); i++) {
                selects.nth(i).selectOption(i == 4 ? "UNSATISFACTORY" : "SATISFACTORY");
            }
            vn.click("#record-grades");
            assertThat(vn.locator(".notice")).containsText("The grades were recorded");
        }
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(vn)).isEmpty();
        vn.click("#conclude");
        assertThat(vn.locator(".notice")).containsText("The council concluded");
        assertThat(vn.locator(".badge.result")).hasText("Satisfactory — accepted");
        assertThat(vn.locator("ul.why")).containsText("3 of 4 quantity and volume criteria");
        assertThat(vn.locator("a[href$='minutes.pdf']")).isVisible();
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(vn)).isEmpty();
        vn.navigate(url("/projects/" + p.id() + "/acceptance/VN?lang=vi"));
        assertThat(vn.locator(".badge.result")).hasText("Đạt — được nghiệm thu");
    }
}
