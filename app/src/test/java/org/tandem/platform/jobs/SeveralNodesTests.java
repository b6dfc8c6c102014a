package org.tandem.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.TandemApplication;
import org.tandem.platform.db.EmbeddedDatabase;

/**
 * Two application contexts on one PostgreSQL, started at the same moment, as two nodes behind
 * a load balancer: migrations and demo data happen once, a session begun on one node continues
 * on the other, and a scheduled job never runs on both at once.
 */
class SeveralNodesTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    private static ConfigurableApplicationContext node(String name, EmbeddedDatabase db, Path dataDir) {
        return new SpringApplicationBuilder(TandemApplication.class, ProbeJob.class).run("--server.port=0",
                "--tandem.db.url=" + db.jdbcUrl(), "--tandem.db.user=postgres", "--tandem.db.password=postgres",
                "--tandem.demo=true", "--tandem.data-dir=" + dataDir, "--probe.node=" + name,
                "--tandem.jobs.polling-interval=PT0.1S", "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoNodesShareSessionsDataAndJobs() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "nodes-");
        ProbeJob.RUNS.clear();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("db"), null, false)) {
            CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(() -> node("a", db, dir.resolve("a")));
            CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> node("b", db, dir.resolve("b")));
            try (ConfigurableApplicationContext nodeA = a.join(); ConfigurableApplicationContext nodeB = b.join()) {
                JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
                // Started together, yet the demo programme exists once.
                assertThat(jdbc.sql("select code from programme order by code").query(String.class).list())
                        .containsExactly("VN-RU-2021", "VN-RU-2026");
                assertThat(jdbc.sql("select count(*) from app_user where username = 'admin'").query(Long.class).single())
                        .isEqualTo(1);

                // Sign-in form from node A, credentials posted to node B, admin page read on node A.
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                String baseA = "http://localhost:" + port(nodeA);
                String baseB = "http://localhost:" + port(nodeB);
                HttpResponse<String> form = send(http, HttpRequest.newBuilder(URI.create(baseA + "/login")).GET().build());
                Matcher csrf = CSRF.matcher(form.body());
                assertThat(csrf.find()).isTrue();
                String session = form.headers().allValues("Set-Cookie").stream().map(SESSION::matcher)
                        .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
                String body = "username=admin&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
                HttpResponse<String> signIn = send(http, HttpRequest.newBuilder(URI.create(baseB + "/login"))
                        .header("Cookie", "SESSION=" + session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                assertThat(signIn.statusCode()).isEqualTo(302);
                assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
                // Signing in issues a new session id (fixation protection); it is valid on both nodes.
                String signedIn = signIn.headers().allValues("Set-Cookie").stream().map(SESSION::matcher)
                        .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(session);
                for (String base : List.of(baseA, baseB)) {
                    HttpResponse<String> admin = send(http, HttpRequest.newBuilder(URI.create(base + "/admin/users"))
                            .header("Cookie", "SESSION=" + signedIn).GET().build());
                    assertThat(admin.statusCode()).as(base).isEqualTo(200);
                    assertThat(admin.body()).contains("officer.ru");
                }

                // The probe job has run several times, never on both nodes at once.
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (ProbeJob.RUNS.size() < 8 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                List<ProbeJob.Run> runs = new ArrayList<>(ProbeJob.RUNS);
                runs.sort(Comparator.comparingLong(ProbeJob.Run::startNanos));
                assertThat(runs).hasSizeGreaterThanOrEqualTo(8);
                for (int i = 1; i < runs.size(); i++) {
                    assertThat(runs.get(i).startNanos()).as("run %d starts after run %d ended", i, i - 1)
                            .isGreaterThanOrEqualTo(runs.get(i - 1).endNanos());
                }
                assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'probe'").query(Long.class)
                        .single()).isEqualTo(1);

                // An assignment run started on node B: one node computes it, node A sees its progress and result,
                // and while it is under way neither node starts a second run of the call.
                assignmentRunOnEitherNode(nodeA, nodeB);
            }
        }
    }

    private static void assignmentRunOnEitherNode(ConfigurableApplicationContext nodeA, ConfigurableApplicationContext nodeB)
            throws InterruptedException {
        var users = nodeA.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
        var officer = (org.tandem.platform.security.TandemUser) users.loadUserByUsername("officer.ru");
        var programme = nodeA.getBean(org.tandem.programme.Programmes.class).byCode(org.tandem.demo.DemoProgramme.CODE)
                .orElseThrow();
        long ru = programme.partyByCode("RU").orElseThrow().getId();
        long call = nodeA.getBean(org.tandem.programme.Calls.class).publicCalls().stream()
                .filter(c -> c.getTitle().getEn().startsWith("Pilot joint call")).findFirst().orElseThrow().getId();
        var onA = nodeA.getBean(org.tandem.review.AssignmentJobs.class);
        var onB = nodeB.getBean(org.tandem.review.AssignmentJobs.class);
        var run = onB.start(call, ru, 1, 50, org.tandem.engine.assign.Assigner.Objective.FAIR, officer);
        boolean refused = false;
        try {
            onA.start(call, ru, 1, 50, org.tandem.engine.assign.Assigner.Objective.TOTAL, officer);
        } catch (org.tandem.platform.validation.ConflictException e) {
            refused = true;
        }
        long deadline = System.nanoTime() + 90_000_000_000L;
        var seen = onA.get(call, run.id(), officer);
        while (seen.active() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = onA.get(call, run.id(), officer);
        }
        // Asked right after the first start returned: the first is at least queued, so the second is refused.
        assertThat(refused).as("second run refused while the first is under way").isTrue();
        assertThat(seen.status()).isEqualTo("DONE");
        assertThat(seen.minBound()).isGreaterThanOrEqualTo(seen.minAffinity());
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select attempts from review_assignment_run where id = ?").param(run.id()).query(Integer.class)
                .single()).as("computed once, by one node").isEqualTo(1);
        long end = System.nanoTime() + 30_000_000_000L;
        while (onA.activeOf(call).isPresent() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }
}
