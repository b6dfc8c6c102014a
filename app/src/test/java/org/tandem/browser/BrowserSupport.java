package org.tandem.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Chromium from Debian, driven by Playwright, which must never download a browser. On a
 * developer machine without Chromium the browser tests are skipped with a reason; under CI
 * (CI=true) a missing Chromium fails them, so they cannot silently stop running.
 */
final class BrowserSupport {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("TANDEM_CHROMIUM", "/usr/bin/chromium"));

    private BrowserSupport() {
    }

    static Playwright playwright() {
        boolean present = Files.isExecutable(CHROMIUM);
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "Chromium not found at " + CHROMIUM + ": apt-get install -y chromium");
        }
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright pw) {
        return pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }
}
