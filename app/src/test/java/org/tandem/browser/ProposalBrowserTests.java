package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.support.TandemIntegrationTest;

/** A Vietnamese and a Russian PI write one joint proposal together and submit it. */
@TandemIntegrationTest
class ProposalBrowserTests extends BrowserTest {

    @Autowired Calls calls;
    @Autowired JdbcClient jdbc;
    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void twoPrincipalInvestigatorsWriteAndSubmitOneJointProposal() {
        long call = calls.openAndUpcoming().stream().filter(c -> c.status(calls.now()) == CallStatus.OPEN)
                .filter(c -> c.getTitle().getEn().startsWith("Joint call 2026"))
                .findFirst().orElseThrow().getId();
        Page vn = signedIn("applicant.vn", "Asia/Ho_Chi_Minh");
        vn.navigate(url("/calls/" + call));
        vn.fill("#new-acronym", "MEKONG-AI");
        vn.fill("#new-title", "Machine learning for salinity forecasting in the Mekong delta");
        vn.click("#create-proposal");
        assertThat(vn.locator("h1")).containsText("MEKONG-AI");
        String proposalUrl = vn.url().replaceAll("\\?.*", "");
        // Drafts are saved on the server while the applicant types, once htmx has wired the form:
        // typing before the page's load event on a busy machine would go unnoticed by it.
        vn.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        vn.fill("#workPlan", "First ideas for the work plan");
        // The first save of a fresh server compiles its templates; on two busy cores that can take seconds.
        assertThat(vn.locator("#save-status")).containsText("Saved automatically",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));

        vn.selectOption("#invite-party", "RU");
        vn.fill("#invite-email", "applicant.ru@demo.tandem.example");
        vn.click("#send-invitation");
        assertThat(vn.locator(".notice")).containsText("invitation was sent");
        String body = jdbc.sql("select body from mail_outbox where recipient = ? order by id desc limit 1")
                .param("applicant.ru@demo.tandem.example").query(String.class).single();
        String link = body.replaceAll("(?s).*(/invitations/[A-Za-z0-9_-]+).*", "$1");

        Page ru = signedIn("applicant.ru", "Asia/Novosibirsk");
        ru.navigate(url(link));
        ru.click("#accept-invitation");
        assertThat(ru.locator(".notice")).containsText("You now lead your party’s team");

        // Both have the same version open; the Russian PI saves first.
        vn.navigate(proposalUrl);
        ru.fill("#hostOrganisation", "Novosibirsk State University");
        // The budget is a grid: personnel (first row), project year 1.
        ru.fill("#budget-0-1", "9000000");
        ru.click("#save-proposal");
        assertThat(ru.locator(".notice")).hasText("Saved.");

        vn.fill("#title", "Machine learning for salinity intrusion forecasting in the Mekong delta");
        vn.click("#save-proposal");
        assertThat(vn.locator("#conflict")).containsText("someone else saved this proposal");
        assertThat(vn.locator("#conflict")).containsText("Russia: Host organisation");
        assertThat(vn.locator("#conflict")).containsText("Novosibirsk State University");
        assertThat(vn.locator("#title")).hasValue("Machine learning for salinity intrusion forecasting in the Mekong delta");

        // The checklist names what is still missing.
        assertThat(vn.locator("#checklist li.bad[data-rule=DURATION_IN_RANGE]"))
                .containsText("The duration must be between 24 and 36 months.");
        vn.fill("#abstractText", "We combine hydrodynamic models and deep learning to forecast salinity intrusion.");
        vn.fill("#keywords", "salinity intrusion\nmachine learning\nMekong delta");
        vn.check("input[name=fields][value=AI]");
        vn.fill("#durationMonths", "36");
        vn.fill("#workPlan", "WP1 data; WP2 models; WP3 validation with provincial authorities.");
        vn.fill("#hostOrganisation", "Can Tho University");
        vn.fill("#budget-0-1", "1500000000");
        vn.fill("#budget-1-2", "250 000 000");
        // Totals follow the typing (per year, per category, overall) before anything is saved.
        assertThat(vn.locator("#budget-total")).containsText("1,750,000,000");
        assertThat(vn.locator("tfoot .year-total[data-year='2']")).containsText("250,000,000");
        vn.click("#save-proposal");
        assertThat(vn.locator(".notice")).hasText("Saved.");
        assertThat(vn.locator("#checklist li[data-rule=DURATION_IN_RANGE]")).hasClass("ok");
        assertThat(vn.locator("#checklist li.bad[data-rule=ATTACHMENT_PRESENT]")).hasCount(1);

        vn.setInputFiles("#file", new FilePayload("cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "PK not a pdf".getBytes(StandardCharsets.US_ASCII)));
        vn.click("#upload");
        assertThat(vn.locator("ul.errors")).containsText("cv.docx is not a PDF file");
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);
        vn.setInputFiles("#file", new FilePayload("huge.pdf", "application/pdf", big));
        vn.click("#upload");
        assertThat(vn.locator("ul.errors")).containsText("huge.pdf is larger than the call’s limit of 10 MB");
        vn.setInputFiles("#file", new FilePayload("description.pdf", "application/pdf", pdf()));
        vn.click("#upload");
        assertThat(vn.locator("#attachments")).containsText("description.pdf");
        assertThat(vn.locator("#checklist li.bad")).hasCount(0);

        vn.click("#submit-proposal");
        assertThat(vn.locator("h1")).hasText("Submission receipt");
        assertThat(vn.locator("#receipt-version")).hasText("1");
        assertThat(vn.locator("#receipt-sha")).hasText(java.util.regex.Pattern.compile("[0-9a-f]{64}"));
        assertThat(vn.locator("#receipt .zones")).containsText("Europe/Moscow");

        ru.navigate(proposalUrl);
        assertThat(ru.locator("#proposal-status")).hasText("Submitted");
        vn.context().close();
        ru.context().close();
    }
}
