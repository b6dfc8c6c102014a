package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.support.TandemIntegrationTest;

/**
 * The portal as a new reader meets it: times in their own zone (rewritten by tandem.js on the
 * first page, by the server after), limits shown while typing, no script errors.
 */
@TandemIntegrationTest
class PortalBrowserTests extends BrowserTest {

    @Autowired Calls calls;
    @Autowired org.tandem.programme.Programmes programmes;

    @Test
    void thePublicPagesAreAccessibleAndScriptCleanInEveryLanguage() {
        long programme = programmes.byCode(org.tandem.demo.DemoProgramme.CODE).orElseThrow().getId();
        long call = calls.openAndUpcoming().get(0).getId();
        List<String> paths = List.of("/", "/calls", "/calls?status=closed", "/programmes", "/programmes/" + programme,
                "/programmes/" + programme + "/plans", "/calls/" + call, "/login", "/no/such/page");
        List<String> violations = new java.util.ArrayList<>();
        for (String lang : List.of("en", "vi", "ru")) {
            Page page = newPage("Asia/Ho_Chi_Minh");
            List<String> errors = consoleErrors(page);
            for (String path : paths) {
                page.navigate(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                violations.addAll(accessibilityViolations(page));
            }
            // The unknown page answers 404 on purpose; any other error is a defect.
            assertThat(errors).filteredOn(e -> !e.contains("/no/such/page")).isEmpty();
            page.context().close();
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void aReaderInMoscowSeesDeadlinesInMoscowTimeWithoutScriptErrors() {
        Page page = newPage("Europe/Moscow");
        List<String> errors = consoleErrors(page);

        // First page: the server does not know the zone yet and writes UTC; the script rewrites it.
        page.navigate(url("/?lang=ru"));
        var deadline = page.locator(".deadline time.reader").first();
        String iso = deadline.getAttribute("datetime");
        String moscowClock = DateTimeFormatter.ofPattern("HH:mm").format(Instant.parse(iso).atZone(ZoneId.of("Europe/Moscow")));
        assertThat(deadline).containsText("Europe/Moscow");
        assertThat(deadline).containsText(moscowClock);
        assertThat(page.locator("footer .reader-zone")).containsText("Europe/Moscow");

        // Every page after: the server writes Moscow time, with the abbreviation people there use.
        page.click(".card.call h3 a");
        assertThat(page.locator(".deadline time.reader")).containsText("Europe/Moscow, MSK");
        assertThat(page.locator(".deadline time.reader")).containsText(moscowClock);
        assertThat(page.locator(".deadline time.reader")).not().containsText("MT)");
        assertThat(page.locator("footer .reader-zone")).containsText("Europe/Moscow");
        page.navigate(url("/?lang=en"));
        page.navigate(url("/?lang=vi"));
        assertThat(page.locator(".deadline time.reader").first()).containsText("MSK");

        assertThat(errors).isEmpty();
        page.context().close();
    }

    @Test
    void theFooterNamesTheZoneInEveryLanguageNeverAsZ() {
        for (String lang : List.of("en", "vi", "ru")) {
            Page page = newPage("UTC");
            List<String> errors = consoleErrors(page);
            page.navigate(url("/?lang=" + lang));
            page.navigate(url("/?lang=" + lang));
            String footer = page.locator("footer .reader-zone").textContent();
            assertThat(footer).as(lang).contains("UTC").doesNotContain(" Z");
            assertThat(errors).isEmpty();
            page.context().close();
        }
        Page hanoi = newPage("Asia/Ho_Chi_Minh");
        hanoi.navigate(url("/?lang=vi"));
        hanoi.navigate(url("/?lang=vi"));
        // Chromium reports Hanoi's zone under its older name.
        assertThat(hanoi.locator("footer .reader-zone")).containsText("Giờ Đông Dương");
        assertThat(hanoi.locator("footer .reader-zone")).containsText("GMT+7");
        hanoi.context().close();
    }

    @Test
    void longFieldsShowAUsedOverAllowedCounterAndStopAtTheLimit() {
        long call = calls.openAndUpcoming().stream().filter(c -> c.status(calls.now()) == CallStatus.OPEN)
                .filter(c -> c.getTitle().getEn().startsWith("Joint call 2026")).findFirst().orElseThrow().getId();
        Page vn = signedIn("applicant.vn", "Asia/Ho_Chi_Minh");
        List<String> errors = consoleErrors(vn);
        vn.navigate(url("/calls/" + call + "?lang=en"));
        vn.fill("#new-acronym", "COUNT");
        vn.fill("#new-title", "Counting characters");
        vn.click("#create-proposal");
        assertThat(vn.locator("h1")).containsText("COUNT");
        assertThat(vn.locator("#abstractText-count")).hasText("0 / 5,000 characters");
        vn.fill("#abstractText", "Mười ký tự");
        assertThat(vn.locator("#abstractText-count")).hasText("10 / 5,000 characters");
        assertThat(vn.locator("#titleVi")).hasAttribute("maxlength", "250");
        vn.fill("#titleVi", "x".repeat(250));
        assertThat(vn.locator("#titleVi-count")).hasText("250 / 250 characters");
        assertThat(vn.locator("#titleVi-count")).hasClass(java.util.regex.Pattern.compile(".*\\bover\\b.*"));
        assertThat(accessibilityViolations(vn)).isEmpty();
        assertThat(errors).isEmpty();
        vn.context().close();
    }

    /** The guard of every browser test: a page that loads with a violation is caught without the test asking. */
    @Test
    void everyPageThatLoadsIsCheckedByAxeWithoutTheTestAsking() {
        Page page = newPage("UTC");
        page.navigate(url("/?lang=en"));
        assertThat(visitedViolations).isEmpty();
        page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>t</h1>"
                + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");
        // The load event's handler may still be on its way: waiting lets Playwright deliver it.
        for (int i = 0; i < 50 && visitedViolations.isEmpty(); i++) {
            page.waitForTimeout(100);
        }
        assertThat(visitedViolations).anyMatch(v -> v.contains("image-alt"));
        // Caught as it should be: not a failure of this test.
        visitedViolations.clear();
        page.context().close();
    }
}
