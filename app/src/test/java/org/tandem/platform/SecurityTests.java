package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

@TandemIntegrationTest
class SecurityTests {

    @LocalServerPort int port;

    @Test
    void signInIsRateLimitedPerAccount() {
        WebSession s = new WebSession(port);
        s.get("/login");
        for (int i = 0; i < 5; i++) {
            assertThat(s.post("/login", Map.of("username", "analyst", "password", "wrong" + i), "en").location())
                    .endsWith("/login?error");
        }
        // Even the right password is refused while the account is locked.
        assertThat(s.post("/login", Map.of("username", "analyst", "password", "demo"), "en").location())
                .endsWith("/login?locked");
    }

    @Test
    void administrationIsForAdministratorsOnly() {
        assertThat(new WebSession(port).signIn("officer.vn", "demo").get("/admin/users").status()).isEqualTo(403);
        assertThat(new WebSession(port).signIn("admin", "demo").get("/admin/users").body()).contains("officer.ru");
    }

    @Test
    void anAdministratorCreatesAnAccountAndGrantsAScopedRole() {
        WebSession admin = new WebSession(port).signIn("admin", "demo");
        admin.get("/admin/users");
        var bad = admin.post("/admin/users", Map.of("username", "Bad Name!", "displayName", "", "email", "x",
                "password", "short"), "vi");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Trường này là bắt buộc.").contains("Ít nhất 10 ký tự.");

        var created = admin.post("/admin/users", Map.of("username", "officer2.vn", "displayName", "Đỗ Thị Lan",
                "email", "lan@example.vn", "password", "a-long-password"), "en");
        assertThat(created.status()).isEqualTo(302);
        String userPage = created.location().replaceAll("^https?://[^/]+", "");
        String page = admin.get(userPage).body();
        String scope = page.replaceAll("(?s).*<option value=\"(\\d+:\\d+)\".*", "$1");
        admin.post(userPage + "/grants", Map.of("role", "PROGRAMME_OFFICER", "scope", scope), "en");
        assertThat(admin.get(userPage).body()).contains("Programme officer");

        WebSession newOfficer = new WebSession(port).signIn("officer2.vn", "a-long-password");
        assertThat(newOfficer.get("/officer/calls").status()).isEqualTo(200);
        assertThat(admin.get("/audit/Account/" + userPage.replaceAll(".*/", "")).body()).contains("grant");
        // An officer reads the audit of programme data, not of people's accounts.
        assertThat(new WebSession(port).signIn("officer.vn", "demo")
                .get("/audit/Account/" + userPage.replaceAll(".*/", "")).status()).isEqualTo(403);
    }
}
