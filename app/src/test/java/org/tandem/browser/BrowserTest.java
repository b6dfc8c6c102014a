package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

    /**
     * Every WCAG 2.1 A/AA violation axe-core found on any page a test of this class loaded, each
     * page checked as soon as it loaded; {@link #noAccessibilityViolationOnAnyPageVisited} fails the test on any.
     */
    final java.util.Set<String> visitedViolations = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A reader whose browser speaks British English and lives in the given time zone. */
    Page newPage(String zone) {
        var context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setTimezoneId(zone));
        // Pages a test opens itself (a second tab) are checked too.
        context.onPage(this::checkEveryLoad);
        return context.newPage();
    }

    private void checkEveryLoad(Page page) {
        page.onLoad(p -> {
            try {
                visitedViolations.addAll(accessibilityViolations(p));
            } catch (com.microsoft.playwright.PlaywrightException e) {
                // The page navigated on while axe ran (a redirect, a form the test submitted): that next page is checked on its own load.
            }
        });
    }

    @AfterEach
    void noAccessibilityViolationOnAnyPageVisited() {
        java.util.List<String> found = new java.util.ArrayList<>(visitedViolations);
        visitedViolations.clear();
        org.assertj.core.api.Assertions.assertThat(found).as("axe-core violations on the pages visited").isEmpty();
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
        // The console says only "Failed to load resource: 404"; this says which one.
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.request().isNavigationRequest()) {
                errors.add(page.url() + ": " + r.status() + " " + r.url());
            }
        });
        return errors;
    }

    private static String axeSource;

    /**
     * Runs axe-core (from its webjar, so a fresh machine needs no npm) on the page as it is now
     * and returns every WCAG 2.1 A/AA violation, one line each with the elements concerned.
     * Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
     */
    static java.util.List<String> accessibilityViolations(Page page) {
        if (axeSource == null) {
            try (var in = BrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                axeSource = new String(java.util.Objects.requireNonNull(in, "axe-core webjar").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            page.evaluate("source => { (0, eval)(source); }", axeSource);
        }
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, {runOnly: {type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
                  return r.violations.map(v => v.id + ': ' + v.help + ' — '
                      + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""");
        java.util.List<String> violations = new java.util.ArrayList<>();
        for (Object v : (java.util.List<?>) result) {
            violations.add(page.url() + " " + v);
        }
        return violations;
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
