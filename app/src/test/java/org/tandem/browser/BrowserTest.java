package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One Chromium per test class against the running application; each page gets a fresh context. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    @LocalServerPort int port;
    Playwright playwright;
    Browser browser;

    @BeforeAll
    void startBrowser() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A reader whose browser speaks British English and lives in the given time zone. */
    Page newPage(String zone) {
        return browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setTimezoneId(zone)).newPage();
    }

    /**
     * Every JavaScript error and console error the page reports from now on (uncaught
     * exceptions included), for tests that assert a page runs its scripts cleanly.
     */
    static java.util.List<String> consoleErrors(Page page) {
        java.util.List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onPageError(e -> errors.add(page.url() + ": " + e));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(page.url() + ": " + m.text());
            }
        });
        return errors;
    }

    Page signedIn(String user, String zone) {
        Page page = newPage(zone);
        page.navigate(url("/login?lang=en"));
        page.fill("#username", user);
        page.fill("#password", "demo");
        page.click("button[type=submit]");
        assertThat(page.locator(".account .who")).isVisible();
        return page;
    }
}
