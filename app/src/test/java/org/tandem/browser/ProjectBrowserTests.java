package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.project.Contracts;
import org.tandem.project.Project;
import org.tandem.project.ProjectFixtures;
import org.tandem.project.Projects;
import org.tandem.proposal.ProposalSubmissions;
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
        return new ProjectFixtures(calls, programmes, proposals, projects, users).awarded("Projects in a browser", 1).get(0);
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
