package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;

/**
 * Issue 10's security gaps, closed: the Content-Security-Policy, cookies behind HTTPS, the upload
 * limit in the reader's language, invitations bound to the invited address, throttling that a
 * guesser cannot turn against the real officer, and absolute links in mail.
 */
@TandemIntegrationTest
class HardeningTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Calls calls;

    /** A browser at a given client address (as the reverse proxy reports it), with its own cookies. */
    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final String address;
        String csrf;

        Browser(String address) {
            this.address = address;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-For", address).header("Accept-Language", "vi");
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        String signIn(String user, String password) throws Exception {
            get("/login");
            String body = "username=" + user + "&password=" + password + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .headers().firstValue("Location").orElse("");
        }
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScript() throws Exception {
        HttpResponse<String> home = new Browser("192.0.2.1").get("/");
        String csp = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        // And the templates give it nothing to refuse.
        for (String page : new String[] {"/", "/login", "/programmes", "/calls", "/register"}) {
            String body = new Browser("192.0.2.1").get(page).body();
            assertThat(body).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=")
                    .doesNotContain("style=\"");
        }
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureAndSameSite() throws Exception {
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var viaHttps = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "192.0.2.7").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = viaHttps.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        var plain = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow()).doesNotContain("Secure").contains("SameSite=Lax");
    }

    private static byte[] multipart(String boundary, int size) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + size + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length + size, tail.length);
        return all;
    }

    @Test
    void anUploadOverTheLimitIsAnsweredAtTheFieldInTheReadersLanguage() throws Exception {
        byte[] body = multipart("tandemLimit", 106 * 1024 * 1024);
        // A form: back to the page it came from, where the problem is shown in Vietnamese.
        Browser b = new Browser("192.0.2.20");
        assertThat(b.signIn("applicant.vn", "demo")).doesNotContain("/login");
        HttpResponse<String> r = b.http.send(b.request("/proposals/1/attachments?_csrf=" + b.csrf)
                .header("Content-Type", "multipart/form-data; boundary=tandemLimit")
                .header("Referer", "http://localhost:" + port + "/profile")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/profile");
        assertThat(b.get("/profile").body()).contains("Tệp lớn hơn 105 MB");

        // The API: 413 with the field named.
        ApiClient api = new ApiClient(port).signIn("applicant.vn");
        var refused = api.upload("/api/v1/proposals/1/attachments", "big.pdf", new byte[106 * 1024 * 1024]);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(refused.json().get("problems").get(0).get("field").asString()).isEqualTo("file");
        assertThat(refused.json().get("problems").get(0).get("message").asString()).contains("105 MB");
    }

    @Test
    void anInvitationOpensOnlyTheInvitedPersonsAccount() {
        long call = calls.openAndUpcoming().stream().filter(c -> c.status(calls.now()) == CallStatus.OPEN)
                .findFirst().orElseThrow().getId();
        ApiClient vn = new ApiClient(port).signIn("applicant.vn");
        var created = vn.post("/api/v1/calls/" + call + "/proposals",
                Map.of("acronym", "BOUND", "title", "Invitation binding", "abstract", "Who may accept"), Map.of());
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(vn.post("/api/v1/proposals/" + id + "/invitations",
                Map.of("party", "RU", "email", "applicant.ru@demo.tandem.example"), Map.of()).status()).isEqualTo(202);
        String mail = jdbc.sql("select body from mail_outbox where body like ? order by id desc limit 1")
                .param("%/invitations/%").query(String.class).single();
        // The mail carries an absolute link.
        assertThat(mail).contains("http://localhost:" + port + "/invitations/");
        String token = mail.replaceAll("(?s).*/invitations/([A-Za-z0-9_-]+).*", "$1");

        // The link forwarded to someone else, signed in with another account: refused, and still unused.
        var stranger = new ApiClient(port).signIn("expert.ru").post("/api/v1/invitations/" + token + "/accept", Map.of(), Map.of());
        assertThat(stranger.status()).isEqualTo(409);
        assertThat(stranger.json().get("code").asString()).isEqualTo("INVITATION_FOR_ANOTHER_PERSON");
        assertThat(new ApiClient(port).signIn("applicant.ru").post("/api/v1/invitations/" + token + "/accept", Map.of(),
                Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aGuesserSlowsOnlyTheirOwnAddressAndTheOfficerStillSignsIn() throws Exception {
        Browser attacker = new Browser("203.0.113.66");
        for (int i = 0; i < 8; i++) {
            attacker.signIn("officer.vn", "guess" + i);
        }
        // Even the right password waits at the guesser's address…
        assertThat(attacker.signIn("officer.vn", "demo")).endsWith("/login?locked");
        // …while the officer at their own desk signs in at once.
        assertThat(new Browser("198.51.100.7").signIn("officer.vn", "demo")).doesNotContain("/login");
        // Kept in the database, so every node sees the same count. Attempts refused while waiting
        // tried no password and do not count.
        assertThat(jdbc.sql("select count(*) from login_failure where username = 'officer.vn' and address = '203.0.113.66'")
                .query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void theWaitDoublesAndIsCapped() {
        int free = 5;
        assertThat(org.tandem.platform.security.LoginAttempts.backoff(4, free)).isEqualTo(Duration.ZERO);
        assertThat(org.tandem.platform.security.LoginAttempts.backoff(5, free)).isEqualTo(Duration.ofSeconds(1));
        assertThat(org.tandem.platform.security.LoginAttempts.backoff(8, free)).isEqualTo(Duration.ofSeconds(8));
        assertThat(org.tandem.platform.security.LoginAttempts.backoff(40, free)).isEqualTo(Duration.ofMinutes(15));
    }
}
