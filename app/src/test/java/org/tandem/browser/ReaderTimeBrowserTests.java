package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.support.TandemIntegrationTest;

/** Times in the reader's own zone: rewritten by tandem.js on the first page, by the server after. */
@TandemIntegrationTest
class ReaderTimeBrowserTests extends BrowserTest {

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
}
