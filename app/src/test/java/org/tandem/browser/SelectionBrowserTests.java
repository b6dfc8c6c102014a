package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.programme.Calls;
import org.tandem.demo.DemoProposals;
import org.tandem.support.TandemIntegrationTest;

/**
 * Issue 5 end to end on the demo's reviewed call: the committee moves a budget slider and the
 * line moves; officers of both parties approve the decisions; an applicant reads the letter and
 * the anonymised reviews, and files a procedural complaint.
 */
@TandemIntegrationTest
class SelectionBrowserTests extends BrowserTest {

    @Autowired Calls calls;
    @Autowired JdbcClient jdbc;

    @Test
    void committeeMovesTheLineOfficersOfBothPartiesDecideAndTheApplicantReadsTheLetter() {
        long call = calls.publicCalls().stream()
                .filter(c -> c.getTitle().getEn().equals(DemoProposals.REVIEWED_TITLE)).findFirst().orElseThrow().getId();

        Page committee = signedIn("committee.vn", "Asia/Ho_Chi_Minh");
        committee.navigate(url("/committee/calls/" + call + "?lang=en"));
        assertThat(committee.locator("#what-if[data-ready=true]")).hasCount(1);
        int before = committee.locator("#board td.why.in").count();
        org.assertj.core.api.Assertions.assertThat(before).isPositive();
        // Halve the Russian budget with the slider: fewer projects fit, and the page says why.
        committee.locator("#budget-RU").evaluate("(el) => { el.value = String(Number(el.value) / 4); "
                + "el.dispatchEvent(new Event('input', {bubbles: true})); }");
        committee.waitForCondition(() -> committee.locator("#board td.why.in").count() < before);
        assertThat(committee.locator("#board td.why.out").first()).isVisible();
        assertThat(committee.locator("#board")).containsText("the remaining budget of Russia does not cover its team");
        // The live spending lines name the parties by country, not by code.
        assertThat(committee.locator("#line-spent")).containsText("Russia: ");
        assertThat(committee.locator("#line-chart")).isVisible();

        // Officers decide at the call's own budgets.
        Page vn = signedIn("officer.vn", "Asia/Ho_Chi_Minh");
        vn.navigate(url("/committee/calls/" + call + "?lang=en"));
        vn.fill("#reserve", "2");
        vn.click("#propose-decisions");
        assertThat(vn.locator(".notice")).containsText("Decisions were proposed");
        vn.click("#approve-decisions-VN");
        assertThat(vn.locator("#approved-VN")).containsText("Trần Thị Hương");
        Page ru = signedIn("officer.ru", "Asia/Novosibirsk");
        ru.navigate(url("/committee/calls/" + call + "?lang=en"));
        ru.click("#approve-decisions-RU");
        assertThat(ru.locator("#decided")).isVisible();

        // The demo applicants lead the call's first proposal.
        long proposal = jdbc.sql("""
                select p.id from proposal p join proposal_team t on t.proposal_id = p.id join app_user u on u.id = t.pi_user_id
                where p.call_id = ? and u.username = 'applicant.vn'""").param(call).query(Long.class).single();
        Page applicant = signedIn("applicant.vn", "Asia/Ho_Chi_Minh");
        applicant.navigate(url("/proposals?lang=en"));
        applicant.click("#decision-" + proposal);
        assertThat(applicant.locator("#outcome")).isVisible();
        assertThat(applicant.locator(".review")).hasCount(4);
        assertThat(applicant.locator(".review h3").first()).containsText("Reviewer VN-A");
        List<String> experts = jdbc.sql("""
                select pe.name from review r join person pe on pe.id = r.person_id where r.proposal_id = ?
                union select label from review_pseudonym ps join review r on r.person_id = ps.person_id and r.call_id = ps.call_id
                where r.proposal_id = ?""").params(proposal, proposal).query(String.class).list();
        String text = applicant.locator("main").innerText();
        // Scores under the criteria's names, in one number format: never "excellence: 3.0".
        org.assertj.core.api.Assertions.assertThat(text).contains("Excellence: ").doesNotContain("excellence:")
                .doesNotContain("impact:");
        for (String e : experts) {
            org.assertj.core.api.Assertions.assertThat(text).doesNotContain(e);
        }
        var pdf = applicant.request().get(url("/proposals/" + proposal + "/decision.pdf"));
        org.assertj.core.api.Assertions.assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        org.assertj.core.api.Assertions.assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and body like ?")
                .params("applicant.vn@demo.tandem.example", "%/proposals/" + proposal + "/decision%").query(Integer.class).single()).isPositive();

        applicant.fill("#redress-text", "The Russian reviews arrived after the stated due date and were still counted.");
        applicant.click("#redress button[type=submit]");
        assertThat(applicant.locator(".notice")).containsText("Your complaint was filed");
        assertThat(applicant.locator("#redress")).containsText("pending");
    }
}
