package org.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.demo.DemoProposals;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.support.TandemIntegrationTest;

/**
 * Each role's pages in all three languages, as that role sees them: WCAG 2.1 AA by axe-core
 * and no JavaScript error. Reading only, so the order of test classes does not matter.
 */
@TandemIntegrationTest
class RoleHomesBrowserTests extends BrowserTest {

    @Autowired Calls calls;

    long titled(String title) {
        return calls.publicCalls().stream().filter(c -> title.equals(c.getTitle().getEn())).map(Call::getId)
                .findFirst().orElseThrow();
    }

    @Test
    void everyRolesPagesAreAccessibleAndScriptCleanInEveryLanguage() {
        long pilot = titled(DemoProposals.PILOT_TITLE);
        long reviewed = titled(DemoProposals.REVIEWED_TITLE);
        Map<String, List<String>> pagesOf = Map.of(
                "officer.vn", List.of("/", "/officer/calls", "/officer/calls/" + pilot, "/officer/calls/" + pilot + "/proposals",
                        "/projects", "/projects/dashboard"),
                "committee.ru", List.of("/", "/committee", "/committee/calls/" + reviewed),
                "expert.vn", List.of("/", "/reviews", "/expertise", "/profile"),
                "applicant.ru", List.of("/", "/proposals", "/partners", "/profile"),
                "analyst", List.of("/", "/analyst/indicators"),
                "innovation", List.of("/", "/innovation/desk"),
                "admin", List.of("/", "/admin/users", "/admin/outbox", "/admin/workflows"));
        List<String> violations = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (var role : pagesOf.entrySet()) {
            Page page = signedIn(role.getKey(), "Europe/Moscow");
            List<String> pageErrors = consoleErrors(page);
            for (String lang : List.of("en", "vi", "ru")) {
                for (String path : role.getValue()) {
                    page.navigate(url(path + "?lang=" + lang));
                    page.waitForLoadState(LoadState.NETWORKIDLE);
                    violations.addAll(accessibilityViolations(page));
                    if (path.equals("/")) {
                        // Every role's home starts with what needs doing, even when that is nothing.
                        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#tasks h2")).isVisible();
                    }
                }
            }
            errors.addAll(pageErrors);
            page.context().close();
        }
        assertThat(errors).isEmpty();
        assertThat(violations).isEmpty();
    }
}
