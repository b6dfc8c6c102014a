package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.project.Contracts;
import org.tandem.project.Project;
import org.tandem.project.ProjectFixtures;
import org.tandem.project.Projects;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;

/**
 * A change request end to end in Chromium: the Vietnamese lead moves money from year-one
 * equipment to year two with the Russian side's confirmation attached; the Vietnamese officer
 * approves for Vietnam, the Russian officer for Russia, and the project's budget changes.
 */
@TandemIntegrationTest
class ChangeRequestBrowserTests extends BrowserTest {

    static final byte[] PDF = "%PDF-1.4\n% Подтверждение руководителя российского коллектива\n%%EOF\n"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired UserDetailsService users;

    /** A funded joint project of applicant.vn and applicant.ru with both contracts signed. */
    Project running() {
        return new ProjectFixtures(calls, programmes, proposals, projects, users).running(contracts, "Changes in a browser");
    }

    @Test
    void aBudgetChangeRaisedByTheLeadIsApprovedByBothPartiesAndApplied() {
        Project p = running();
        String changes = url("/projects/" + p.id() + "/changes?lang=en");

        Page lead = signedIn("applicant.vn", "Asia/Ho_Chi_Minh");
        var errors = consoleErrors(lead);
        lead.navigate(changes);
        // Only the budget part of the form shows for a budget change.
        assertThat(lead.locator("input[name=piName]")).isHidden();
        lead.selectOption("#change-kind", "EXTENSION");
        assertThat(lead.locator("input[name=endDate]")).isVisible();
        lead.selectOption("#change-kind", "BUDGET");
        assertThat(lead.locator("input[name=budget_VN_1_0]")).hasValue("500000000.00");
        lead.fill("input[name=budget_VN_1_0]", "300000000");
        lead.fill("textarea[name=reason]", "The sensors arrive in the second year.");
        lead.setInputFiles("input[name=confirmation]", new FilePayload("xac-nhan.pdf", "application/pdf", PDF));
        lead.click("#change-form button[type=submit]");
        // The total moved nowhere yet: refused, naming the totals, with what was typed kept.
        assertThat(lead.locator(".errors")).containsText("must stay 2,500,000,000 VND");
        assertThat(lead.locator("input[name=budget_VN_1_0]")).hasValue("300000000");
        lead.fill("input[name=budget_VN_2_0]", "200000000");
        lead.setInputFiles("input[name=confirmation]", new FilePayload("xac-nhan.pdf", "application/pdf", PDF));
        lead.click("#change-form button[type=submit]");
        assertThat(lead.locator(".notice")).containsText("awaits the approval of every party");
        assertThat(lead.locator(".change .badge").first()).hasText("Awaiting approval");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(lead)).isEmpty();

        Page vn = signedIn("officer.vn", "Asia/Ho_Chi_Minh");
        vn.navigate(changes);
        assertThat(vn.locator("button:has-text('Approve for RU')")).hasCount(0);
        vn.click("button:has-text('Approve for VN')");
        assertThat(vn.locator(".notice")).containsText("Your decision on the change request was recorded.");
        assertThat(vn.locator(".change .badge").first()).hasText("Awaiting approval");

        Page ru = signedIn("officer.ru", "Europe/Moscow");
        ru.navigate(changes);
        ru.click("button:has-text('Approve for RU')");
        assertThat(ru.locator(".change .badge").first()).hasText("Approved and applied");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(ru)).isEmpty();

        Project.Part part = projects.get(p.id()).partByCode("VN").orElseThrow();
        org.assertj.core.api.Assertions.assertThat(part.budget())
                .extracting(b -> b.year() + "/" + b.category() + "=" + b.amount().toBigInteger())
                .contains("1/Equipment=300000000", "2/Equipment=200000000");
        org.assertj.core.api.Assertions.assertThat(part.budgetTotal()).isEqualByComparingTo("2500000000");
        org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
    }

    @Test
    void whatTheLeadTypesIntoTheReportIsSavedAndComesBackAfterAReload() {
        Project p = running();
        Page lead = signedIn("applicant.vn", "Asia/Ho_Chi_Minh");
        var errors = consoleErrors(lead);
        lead.navigate(url("/projects/" + p.id() + "/report?lang=en"));
        lead.locator("textarea[name=scientific]").pressSequentially("Sensors installed in Thái Bình");
        assertThat(lead.locator("#save-status")).containsText("Draft saved");
        lead.reload();
        assertThat(lead.locator("textarea[name=scientific]")).hasValue("Sensors installed in Thái Bình");
        assertThat(lead.locator("#save-status")).containsText("Your draft of");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(lead)).isEmpty();

        lead.navigate(url("/projects/" + p.id() + "/plan?lang=en"));
        assertThat(lead.locator("table").first()).containsText("WP2 Models (months 13-24)");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(lead)).isEmpty();
        Page officer = signedIn("officer.vn", "Asia/Ho_Chi_Minh");
        officer.navigate(url("/projects/overdue?lang=vi"));
        assertThat(officer.locator("h1")).hasText("Báo cáo quá hạn và mục trễ hạn");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(officer)).isEmpty();
        officer.navigate(url("/projects/" + p.id() + "?lang=ru"));
        assertThat(officer.locator("main")).containsText("Сроки отчётов");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(officer)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
    }
}
