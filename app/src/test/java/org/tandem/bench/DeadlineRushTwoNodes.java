package org.tandem.bench;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tandem.TandemApplication;
import org.tandem.platform.audit.AuditChain;
import org.tandem.platform.db.EmbeddedDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deadline day on two nodes and one durable PostgreSQL (fsync and synchronous commit on), with a
 * crash: node A runs in this JVM, node B is {@code app/target/tandem.jar} in a child process, and
 * B is killed with kill -9 once a given share of the answers has come back. Clients send half
 * their submissions to each node; a request that fails on B (refused, reset, 5xx) is sent again
 * to A with the same Idempotency-Key, as a client behind a load balancer would. Latency is what
 * the client saw, retry included. Afterwards the database is queried directly: every
 * acknowledged receipt stored exactly once, nothing half-stored, the audit chain intact.
 *
 * <p>Arguments: {@code applicants [concurrency] [killAfterShare] [jar]}, e.g. {@code 400 64 0.3}.
 * Build the jar first: {@code ./mvnw -q -o -pl app package -DskipTests}.
 */
public final class DeadlineRushTwoNodes {

    public static void main(String[] args) throws Exception {
        int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        double killAfter = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        File jar = new File(args.length > 3 ? args[3] : "app/target/tandem.jar");
        if (!jar.isFile()) {
            jar = new File("target/tandem.jar");
        }
        Path dir = Files.createTempDirectory("tandem-rush2");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("db"), null, false)) {
            String url = db.jdbcUrl();
            List<String> common = List.of("--tandem.db.url=" + url, "--tandem.db.user=postgres",
                    "--tandem.db.password=postgres", "--tandem.demo=true", "--logging.level.root=WARN",
                    "--spring.datasource.hikari.maximum-pool-size=20");
            List<String> aArgs = new ArrayList<>(common);
            aArgs.addAll(List.of("--server.port=0", "--tandem.data-dir=" + dir.resolve("a")));
            try (ConfigurableApplicationContext nodeA = new SpringApplicationBuilder(TandemApplication.class)
                    .run(aArgs.toArray(String[]::new))) {
                int portA = ((WebServerApplicationContext) nodeA).getWebServer().getPort();
                List<List<Long>> rehearsals = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                List<String> tokens = new ArrayList<>();
                DeadlineRush.prepareWithRehearsal(nodeA, applicants, rehearsals, ids, tokens);

                int portB;
                try (ServerSocket s = new ServerSocket(0)) {
                    portB = s.getLocalPort();
                }
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", jar.getAbsolutePath()));
                cmd.addAll(common);
                cmd.addAll(List.of("--server.port=" + portB, "--tandem.data-dir=" + dir.resolve("b")));
                Process nodeB = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("node-b.log").toFile()).start();
                try {
                    awaitHealthy(portB, nodeB);
                    awaitIdle(nodeB);
                    for (int r = 0; r < rehearsals.size(); r++) {
                        System.out.println("-- rehearsal burst " + (r + 1) + " on both nodes" + (r == 0 ? " (cold servers)" : "")
                                + ", no kill");
                        double[] before = DeadlineRush.cpuSeconds();
                        run(url, portA, portB, nodeB, rehearsals.get(r), tokens, concurrency, Double.NaN);
                        double[] after = DeadlineRush.cpuSeconds();
                        System.out.printf("  cpu: this JVM (node A and the clients) %.2f s, node B %.2f s, PostgreSQL %.2f s%n",
                                after[0] - before[0], after[2] - before[2], after[1] - before[1]);
                    }
                    System.out.println("-- deadline burst (measured), node B killed part-way");
                    run(url, portA, portB, nodeB, ids, tokens, concurrency, killAfter);
                } finally {
                    nodeB.destroyForcibly();
                }
            }
        }
    }

    static void awaitHealthy(int port, Process p) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("node B did not start");
    }

    /**
     * Healthy is not settled: after its health check answers, a fresh node still compiles and
     * finishes start-up work for a while. A node in service has long since done that, so the
     * bursts wait until B uses under a tenth of a core (or two minutes pass).
     */
    static void awaitIdle(Process p) throws Exception {
        long t0 = System.nanoTime();
        double last = cpuOf(p.pid());
        while (System.nanoTime() - t0 < Duration.ofMinutes(2).toNanos()) {
            Thread.sleep(1000);
            double now = cpuOf(p.pid());
            if (now - last < 0.1) {
                break;
            }
            last = now;
        }
        System.out.printf("node B settled %.1f s after its health check answered%n", (System.nanoTime() - t0) / 1e9);
    }

    private static double cpuOf(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    record Result(long proposalId, int status, long nanos, String receipt, boolean retried) {
    }

    static void run(String dbUrl, int portA, int portB, Process nodeB, List<Long> ids, List<String> tokens,
                    int concurrency, double killAfter) throws Exception {
        ExecutorService httpThreads = Executors.newFixedThreadPool(concurrency);
        HttpClient http = HttpClient.newBuilder().executor(httpThreads).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        int n = ids.size();
        AtomicInteger answered = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong();
        CountDownLatch done = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        for (int k = 0; k < n; k++) {
            int i = k;
            pool.submit(() -> {
                try {
                    go.await();
                    long t = System.nanoTime();
                    boolean retried = false;
                    int port = i % 2 == 0 ? portA : portB;
                    HttpResponse<String> r = null;
                    for (int attempt = 0; attempt < 3 && r == null; attempt++) {
                        try {
                            r = http.send(submit(port, ids.get(i), tokens.get(i)), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() >= 500) {
                                r = null;
                            }
                        } catch (java.io.IOException lost) {
                            r = null;
                        }
                        if (r == null) {
                            retried = true;
                            port = portA; // the load balancer takes the dead node out
                        }
                    }
                    results.add(new Result(ids.get(i), r == null ? -1 : r.statusCode(), System.nanoTime() - t,
                            r == null ? "" : r.body(), retried));
                } catch (Exception e) {
                    results.add(new Result(ids.get(i), -1, 0, e.toString(), false));
                } finally {
                    if (!Double.isNaN(killAfter) && answered.incrementAndGet() == (int) Math.round(n * killAfter)) {
                        nodeB.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful anything
                        killedAt.set(System.nanoTime());
                    }
                    done.countDown();
                }
            });
        }
        long start = System.nanoTime();
        go.countDown();
        done.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        httpThreads.shutdown();

        List<Long> latencies = results.stream().filter(r -> r.status() == 200).map(Result::nanos).sorted().toList();
        long ok = latencies.size();
        if (Double.isNaN(killAfter)) {
            System.out.printf("two nodes, durable PostgreSQL; %d proposals, concurrency %d; no node killed%n", n, concurrency);
        } else {
            System.out.printf("two nodes, durable PostgreSQL; %d proposals, concurrency %d; node B killed (kill -9) after %d answers, %.2f s into the burst%n",
                    n, concurrency, Math.round(n * killAfter), killedAt.get() == 0 ? Double.NaN : (killedAt.get() - start) / 1e9);
        }
        System.out.printf("acknowledged %d, retried on node A after a failure on B %d, other statuses %s%n", ok,
                results.stream().filter(Result::retried).count(),
                results.stream().filter(r -> r.status() != 200).map(r -> String.valueOf(r.status())).toList());
        System.out.printf("burst %.2f s, %.1f submissions/s; client latency p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                seconds, ok / seconds, DeadlineRush.pct(latencies, 0.5), DeadlineRush.pct(latencies, 0.9),
                DeadlineRush.pct(latencies, 0.99), DeadlineRush.pct(latencies, 1.0));

        for (boolean retried : new boolean[] {false, true}) {
            List<Long> l = results.stream().filter(r -> r.status() == 200 && r.retried() == retried).map(Result::nanos)
                    .sorted().toList();
            System.out.printf("  %s: %d, p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    retried ? "failed over to A" : "answered by the first node", l.size(), DeadlineRush.pct(l, 0.5),
                    DeadlineRush.pct(l, 0.9), DeadlineRush.pct(l, 0.99), DeadlineRush.pct(l, 1.0));
        }

        // Straight to the database, not through either node.
        JsonMapper json = JsonMapper.builder().build();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "postgres")) {
            String in = String.join(",", ids.stream().map(String::valueOf).toList());
            Map<Long, List<String>> stored = new HashMap<>();
            try (var rs = c.createStatement().executeQuery(
                    "select proposal_id, number || ':' || sha256 from proposal_submission where proposal_id in (" + in + ")")) {
                while (rs.next()) {
                    stored.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            Set<Long> submittedStatus = new HashSet<>();
            try (var rs = c.createStatement().executeQuery(
                    "select id from proposal where status = 'SUBMITTED' and id in (" + in + ")")) {
                while (rs.next()) {
                    submittedStatus.add(rs.getLong(1));
                }
            }
            int missing = 0;
            int duplicated = 0;
            for (Result r : results) {
                if (r.status() != 200) {
                    continue;
                }
                JsonNode receipt = json.readTree(r.receipt()).get("receipt");
                List<String> rows = stored.getOrDefault(r.proposalId(), List.of());
                if (!rows.contains(receipt.get("version").asInt() + ":" + receipt.get("sha256").asString())) {
                    missing++;
                }
            }
            for (List<String> rows : stored.values()) {
                if (rows.size() != 1) {
                    duplicated++;
                }
            }
            // Half-stored: a receipt row without the proposal marked submitted, or the reverse.
            int half = 0;
            for (Long id : ids) {
                if (stored.containsKey(id) != submittedStatus.contains(id)) {
                    half++;
                }
            }
            AuditChain.Verification audit = AuditChain.verify(c);
            System.out.printf("database: %d proposals with a receipt row; acknowledged but not stored %d; more than one row %d; "
                            + "half-stored %d; audit chain %s (%d records linked, %d waiting for a linker) -> %s%n",
                    stored.size(), missing, duplicated, half, audit.intact() ? "intact" : "BROKEN: " + audit.problem(),
                    audit.records(), audit.pending(), missing == 0 && duplicated == 0 && half == 0 && audit.intact() && ok == n
                            ? "EVERY ACKNOWLEDGED RECEIPT EXACTLY ONCE" : "FAILED");
        }
    }

    private static HttpRequest submit(int port, long id, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/proposals/" + id + "/submit"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", "rush-" + id)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build();
    }
}
