package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.directory.Directory;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Calls;
import org.tandem.proposal.Proposals;
import org.tandem.support.TandemIntegrationTest;

/**
 * Issue 4 end to end on the demo's closed pilot call: the Russian officer runs the assignment,
 * moves one proposal to the demo expert by hand, invites; the expert accepts and submits a
 * review; an applicant finds no trace of who reviewed what.
 */
@TandemIntegrationTest
class ReviewBrowserTests extends BrowserTest {

    @Autowired Calls calls;
    @Autowired Proposals proposals;
    @Autowired Directory directory;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @Test
    void officerAssignsAdjustsAndInvitesThenTheExpertReviewsAndTheApplicantCannotSeeWho() {
        long pilot = calls.publicCalls().stream().filter(c -> c.getTitle().getEn().startsWith("Pilot joint call"))
                .findFirst().orElseThrow().getId();
        long expert = directory.profileOf(((TandemUser) users.loadUserByUsername("expert.ru")).id()).orElseThrow().id();

        Page officer = signedIn("officer.ru", "Asia/Novosibirsk");
        officer.navigate(url("/officer/calls/" + pilot + "/assignment?lang=en"));
        officer.fill("#per-RU", "2");
        officer.fill("#load-RU", "25");
        clickAndWaitForNextPage(officer, "#run-RU");
        // The run goes on in the background: the page follows it (progress bar, polled) and reloads when it ends.
        assertThat(officer.locator(".notice")).containsText("started in the background");
        assertThat(officer.locator("#run-state-RU .quality")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        assertThat(officer.locator("#run-state-RU .quality")).containsText("Weakest proposal");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(officer)).isEmpty();
        assertThat(officer.locator("tr[data-party=RU]").first()).isVisible();
        assertThat(officer.locator("#load-chart-RU")).isVisible();

        // Adjust one pair by hand: a proposal the demo expert does not have yet and has no conflict with.
        Set<String> his = officer.locator("tr[data-party=RU][data-expert='" + expert + "']").all().stream()
                .map(r -> r.getAttribute("data-proposal")).collect(Collectors.toSet());
        List<String> candidates = officer.locator("tr[data-party=RU]").all().stream()
                .map(r -> r.getAttribute("data-proposal")).filter(p -> !his.contains(p)).distinct().toList();
        // Some are refused for a conflict (the refusal names it); take the first that is accepted.
        String chosen = null;
        String replaced = null;
        for (String p : candidates) {
            var row = officer.locator("tr[data-party=RU][data-proposal='" + p + "']").first();
            String before = row.getAttribute("data-expert");
            row.locator("select[name=newExpert]").selectOption(String.valueOf(expert));
            clickAndWaitForNextPage(officer, "tr[data-party=RU][data-proposal='" + p + "'] button.replace >> nth=0");
            if (officer.locator(".notice").count() > 0) {
                assertThat(officer.locator(".notice")).containsText("The expert was replaced.");
                chosen = p;
                replaced = before;
                break;
            }
            assertThat(officer.locator(".errors")).containsText("cannot review this proposal");
        }
        org.assertj.core.api.Assertions.assertThat(chosen).isNotNull();
        assertThat(officer.locator("tr[data-party=RU][data-proposal='" + chosen + "'][data-expert='" + expert + "']"))
                .hasCount(1);
        assertThat(officer.locator("tr[data-party=RU][data-proposal='" + chosen + "'][data-expert='" + replaced + "']"))
                .hasCount(0);
        // Invitations wait for a review due date (issue 11): the officer sets it in the review form first.
        officer.navigate(url("/officer/calls/" + pilot + "/review-form?lang=en"));
        officer.fill("#dueAt", java.time.LocalDate.now().plusDays(30) + "T12:00");
        clickAndWaitForNextPage(officer, "#save-form");
        officer.navigate(url("/officer/calls/" + pilot + "/assignment?lang=en"));
        officer.click("#invite-RU");
        assertThat(officer.locator(".notice")).containsText("experts were invited by e-mail");
        // The Russian expert is invited in Russian, with the proposal named.
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                select subject || ' ' || body from mail_outbox where recipient = 'expert.ru@demo.tandem.example'
                order by id desc limit 1""").query(String.class).single())
                .contains("приглашение к экспертизе").contains(officer.locator("tr[data-proposal='" + chosen + "'] td")
                        .first().innerText());

        Page reviewer = signedIn("expert.ru", "Asia/Novosibirsk");
        reviewer.navigate(url("/reviews?lang=en"));
        // Accepting needs the no-conflict declaration ticked; the browser holds the form back until it is.
        reviewer.check("#noConflict-" + chosen);
        reviewer.click("#accept-" + chosen);
        assertThat(reviewer.locator(".notice")).containsText("the review is yours");
        reviewer.click("#open-" + chosen);
        assertThat(reviewer.locator("h1")).isVisible();
        reviewer.selectOption("#score-excellence", "4.5");
        reviewer.selectOption("#score-impact", "4.0");
        reviewer.selectOption("#score-implementation", "3.5");
        reviewer.fill("#commentApplicants", "Well-argued objectives; the joint field campaign is the strongest part.");
        reviewer.fill("#commentConfidential", "I would fund it.");
        reviewer.click("#submit-review");
        assertThat(reviewer.locator(".notice")).containsText("your review was submitted");
        assertThat(reviewer.locator("#review-submitted")).isVisible();

        // The applicants of a reviewed proposal see neither names nor pseudonyms, and the review pages are closed to them.
        Page applicant = signedIn("applicant.vn", "Asia/Ho_Chi_Minh");
        List<String> names = jdbc.sql("select distinct pe.name from review_assignment a join person pe on pe.id = a.person_id")
                .query(String.class).list().stream()
                .filter(n -> !n.equals("Nguyễn Văn An") && !n.equals("Сергей Иванов")).toList(); // the applicants themselves
        applicant.navigate(url("/proposals?lang=en"));
        for (var link : applicant.locator("a[href^='/proposals/']").all()) {
            Page page = applicant.context().newPage();
            page.navigate(url(link.getAttribute("href")));
            String text = page.content();
            for (String name : names) {
                org.assertj.core.api.Assertions.assertThat(text).doesNotContain(name);
            }
            org.assertj.core.api.Assertions.assertThat(text).doesNotContainPattern("(?<![-\\w])(VN|RU)-\\d{1,3}(?![-\\w])");
            page.close();
        }
        var denied = applicant.navigate(url("/officer/calls/" + pilot + "/reviews"));
        org.assertj.core.api.Assertions.assertThat(denied.status()).isEqualTo(403);
        var hidden = applicant.navigate(url("/reviews/" + pilot + "/" + chosen));
        org.assertj.core.api.Assertions.assertThat(hidden.status()).isEqualTo(404);
    }

    /**
     * Marks the page, clicks, and waits for a page without the mark: after a form post the old
     * page's rows and messages would otherwise answer the test's questions before the new one arrives.
     */
    private static void clickAndWaitForNextPage(Page page, String selector) {
        page.evaluate("document.body.dataset.stale = 'yes'");
        page.click(selector);
        page.waitForSelector("body:not([data-stale])");
    }
}
