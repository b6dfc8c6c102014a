package org.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.programme.Calls;
import org.tandem.demo.DemoProposals;
import org.tandem.support.TandemIntegrationTest;

/** The pages pass their Content-Security-Policy in Chromium: nothing refused, scripts running. */
@TandemIntegrationTest
class ContentSecurityPolicyBrowserTests extends BrowserTest {

    @Autowired Calls calls;
    @Autowired JdbcClient jdbc;

    private static List<String> watch(Page page) {
        List<String> refused = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                refused.add(page.url() + ": " + m.text());
            }
        });
        return refused;
    }

    @Test
    void applicantCommitteeAndAdministratorPagesRaiseNoViolation() {
        Page applicant = signedIn("applicant.vn", "Asia/Ho_Chi_Minh");
        List<String> refused = watch(applicant);
        for (String path : List.of("/", "/calls", "/proposals", "/profile", "/partners")) {
            applicant.navigate(url(path + "?lang=en"));
        }
        long draft = jdbc.sql("""
                select p.id from proposal p join funding_call c on c.id = p.call_id
                order by p.id limit 1""").query(Long.class).single();
        applicant.navigate(url("/proposals/" + draft + "?lang=en"));

        Page committee = signedIn("committee.vn", "Asia/Ho_Chi_Minh");
        refused.addAll(watch(committee));
        committee.navigate(url("/committee?lang=en"));
        long call = calls.publicCalls().stream()
                .filter(c -> c.getTitle().getEn().equals(DemoProposals.REVIEWED_TITLE)).findFirst().orElseThrow().getId();
        committee.navigate(url("/committee/calls/" + call + "?lang=en"));
        // selection.js built the what-if board: the page's own script ran under the policy.
        committee.waitForSelector("#what-if[data-ready=true]");

        Page admin = signedIn("admin", "Europe/Moscow");
        refused.addAll(watch(admin));
        for (String path : List.of("/admin/users", "/admin/audit", "/admin/outbox")) {
            admin.navigate(url(path + "?lang=ru"));
        }
        assertThat(refused).isEmpty();
    }
}
