package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.project.Contracts;
import org.tandem.project.Project;
import org.tandem.project.Projects;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.proposal.TeamContent;
import org.tandem.selection.DecisionsApproved;
import org.tandem.support.TandemIntegrationTest;

/**
 * A project from contracts to an accepted annual report in Chromium: both parties' officers sign,
 * the project runs, the Vietnamese lead reports spending and adds a joint publication (pasted
 * BibTeX) and a patent (typed), the Vietnamese officer returns the report with a comment, the
 * lead fixes and resubmits, and the officer accepts.
 */
@TandemIntegrationTest
class ProjectBrowserTests extends BrowserTest {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    /** A funded joint project of applicant.vn and applicant.ru, no contract signed yet. */
    Project awarded() {
        Programme programme = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = programme.partyByCode("VN").orElseThrow().getId();
        long ru = programme.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Call call = calls.createApproved(programme.getId(), new CallInput(2026, new LocalizedText("Projects in a browser",
                "Điều chỉnh", "Изменения"), new LocalizedText("Projects", "Dự án", "Проекты"), now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(10)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("9000000000.00"), new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(ru, new BigDecimal("45000000.00"), new BigDecimal("15000000.00"), "RUB"))), "system");
        ProposalContent content = new ProposalContent("RIVERS", "Joint project on river sensors", "Abstract",
                List.of("sensors"), List.of("AI"), 24, "WP1 Data (months 1-12)\nWP2 Models (months 13-24)", null, null, null,
                null, List.of(new TeamContent("VN", "Hanoi University of Science and Technology", "Nguyễn Văn An", null,
                        List.of("Nguyễn Văn An"), List.of(new BudgetLine(1, "Personnel", new BigDecimal("1000000000.00")),
                                new BudgetLine(1, "Equipment", new BigDecimal("500000000.00")),
                                new BudgetLine(2, "Personnel", new BigDecimal("1000000000.00"))), null),
                new TeamContent("RU", "Novosibirsk State University", "Иван Петров", null, List.of("Иван Петров"),
                        List.of(new BudgetLine(1, "Personnel", new BigDecimal("5000000.00"))), null)));
        long proposal = proposals.importSubmitted(call.getId(), content, Map.of(vn, user("applicant.vn").id(), ru,
                user("applicant.ru").id()), now.minus(Duration.ofDays(12)), user("admin").id()).proposalId();
        long id = projects.createProjects(new DecisionsApproved(call.getId(), "browser-projects", List.of(proposal), List.of(),
                now)).get(0);
        return projects.get(id);
    }

    void sign(Page officer, String party, String number) {
        String form = "form[action$='/contracts/" + party + "']";
        officer.fill(form + " input[name=number]", number);
        officer.fill(form + " input[name=signedOn]", "2026-03-01");
        officer.fill(form + " input[name=startDate]", "2026-04-01");
        officer.fill(form + " input[name=endDate]", "2028-03-31");
        officer.fill(form + " input[name=trancheYear0]", "2026");
        officer.fill(form + " input[name=trancheAmount0]", "1000000");
        officer.click(form + " button[type=submit]");
    }

    @Test
    void contractsSignedTheLeadReportsWithOutputsIsReturnedResubmitsAndIsAccepted() {
        Project p = awarded();
        String page = url("/projects/" + p.id() + "?lang=en");

        Page vn = signedIn("officer.vn", "Asia/Ho_Chi_Minh");
        var vnErrors = consoleErrors(vn);
        vn.navigate(page);
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(vn)).isEmpty();
        assertThat(vn.locator("form[action$='/contracts/RU']")).hasCount(0);
        sign(vn, "VN", "HĐ 12/2026");
        assertThat(vn.locator("h1 + p .badge")).not().hasText("Running");

        Page ru = signedIn("officer.ru", "Europe/Moscow");
        var ruErrors = consoleErrors(ru);
        ru.navigate(page);
        sign(ru, "RU", "РНФ 12-2026");
        assertThat(ru.locator("h1 + p .badge")).hasText("Running");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(ru)).isEmpty();

        Page lead = signedIn("applicant.vn", "Asia/Ho_Chi_Minh");
        var leadErrors = consoleErrors(lead);
        lead.navigate(url("/projects/" + p.id() + "/report?lang=en"));
        lead.fill("textarea[name=scientific]", "Year one: sensors installed");
        lead.fill("input[name=spent_1_0]", "400000000");
        lead.click("main form button[type=submit]");
        assertThat(lead.locator(".notice")).containsText("The report was submitted.");

        String bib = "@article{rivers2026,\n author = {Nguyễn Văn An and Иван Петров},\n title = {Sparse sensors on two rivers},\n"
                + " journal = {Water}, year = 2026, doi = {10.5555/rivers.2026}\n}";
        String outputs = "form[action$='/outputs']";
        lead.selectOption(outputs + " select[name=recordFormat]", "BIBTEX");
        lead.fill(outputs + " textarea[name=record]", bib);
        lead.click(outputs + " button[type=submit]");
        assertThat(lead.locator(".notice")).containsText("The output was added.");
        assertThat(lead.locator("li:has-text('Sparse sensors on two rivers') .badge")).hasText("joint");

        lead.selectOption(outputs + " select[name=kind]", "PATENT");
        lead.fill(outputs + " input[name=title]", "River level sensor");
        lead.fill(outputs + " input[name=patentNumber]", "1-2026-00456");
        lead.fill(outputs + " input[name=patentOffice]", "VN");
        lead.fill(outputs + " input[name=applicationDate]", "2026-06-01");
        lead.selectOption(outputs + " select[name=patentStatus]", "APPLIED");
        lead.fill(outputs + " textarea[name=holders]", "Hanoi University of Science and Technology");
        lead.click(outputs + " button[type=submit]");
        assertThat(lead.locator("main li:has-text('River level sensor')")).containsText("Patent");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(lead)).isEmpty();

        vn.navigate(page);
        String decide = "form[action*='/reports/']";
        vn.fill(decide + " textarea[name=comment]", "Split the equipment spending by item.");
        vn.click(decide + " button[value=return]");
        assertThat(vn.locator(".notice").first()).isVisible();

        lead.navigate(page);
        assertThat(lead.locator("main")).containsText("Split the equipment spending by item.");
        lead.navigate(url("/projects/" + p.id() + "/report?lang=en"));
        lead.fill("textarea[name=scientific]", "Year one: sensors installed; equipment: 12 sensors, 2 loggers");
        lead.fill("input[name=spent_1_0]", "400000000");
        lead.click("main form button[type=submit]");
        assertThat(lead.locator(".notice").first()).containsText("The report was submitted.");

        vn.navigate(page);
        vn.click(decide + " button[value=accept]");
        assertThat(vn.locator("main .card:has-text('Split the equipment spending by item.') > p > .badge")).hasText("Accepted");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(vn)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(vnErrors).isEmpty();
        org.assertj.core.api.Assertions.assertThat(ruErrors).isEmpty();
        org.assertj.core.api.Assertions.assertThat(leadErrors).isEmpty();
    }
}
