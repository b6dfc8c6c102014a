package org.tandem.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.TandemApplication;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.ApiTokens;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.Attachments;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.Proposal;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.Proposals;
import org.tandem.proposal.TeamContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load benchmark of deadline day: N applicant systems submit their (eligible) proposals at
 * once in the last minute before a deadline, over HTTP against the real server and database;
 * a share of them retries with the same Idempotency-Key, as clients do when an answer is lost.
 * Prints submissions per second and latency percentiles, then checks that every acknowledged
 * receipt is stored exactly once. Not a test: run it by command (see docs/performance.md).
 *
 * <p>Arguments: {@code applicants [concurrency] [retryShare]}, e.g. {@code 400 64 0.2}.
 */
public final class DeadlineRush {

    public static void main(String[] args) throws Exception {
        int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        double retryShare = args.length > 2 ? Double.parseDouble(args[2]) : 0.2;
        Path dir = Files.createTempDirectory("tandem-rush");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TandemApplication.class).run(
                "--server.port=0", "--tandem.data-dir=" + dir, "--tandem.demo=true", "--logging.level.root=WARN",
                "--tandem.db.embedded-clean=true",
                "--spring.datasource.hikari.maximum-pool-size=20")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<Long> ids = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            prepare(app, applicants, ids, tokens);
            run(app, port, ids, tokens, concurrency, retryShare);
        }
    }

    static void prepare(ConfigurableApplicationContext app, int n, List<Long> ids, List<String> tokens) {
        Programmes programmes = app.getBean(Programmes.class);
        Calls calls = app.getBean(Calls.class);
        Accounts accounts = app.getBean(Accounts.class);
        Proposals proposals = app.getBean(Proposals.class);
        org.tandem.proposal.TeamInvitations invitations = app.getBean(org.tandem.proposal.TeamInvitations.class);
        Attachments attachments = app.getBean(Attachments.class);
        UserDetailsService users = app.getBean(UserDetailsService.class);
        ApiTokens apiTokens = app.getBean(ApiTokens.class);
        Programme p = programmes.byCode(org.tandem.demo.DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now();
        Call call = calls.createApproved(p.getId(), new CallInput(2026, new LocalizedText("Rush", "Rush", "Rush"),
                new LocalizedText("Rush", "Rush", "Rush"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofMinutes(30)),
                24, 36, Set.of("AI"), List.of(new CallBudget(vn, new BigDecimal("1000000000000"), new BigDecimal("3000000000"), "VND"),
                new CallBudget(ru, new BigDecimal("10000000000"), new BigDecimal("15000000"), "RUB"))), "bench");
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String a = "rush.vn." + i;
            String b = "rush.ru." + i;
            accounts.create(new Accounts.NewAccount(a, "VN " + i, null, "rush-password"), "bench");
            accounts.create(new Accounts.NewAccount(b, "RU " + i, b + "@example.org", "rush-password"), "bench");
            accounts.grant(accounts.find(a).orElseThrow().id(), new Accounts.NewGrant(Role.APPLICANT, p.getId(), vn), "bench");
            accounts.grant(accounts.find(b).orElseThrow().id(), new Accounts.NewGrant(Role.APPLICANT, p.getId(), ru), "bench");
            TandemUser ua = (TandemUser) users.loadUserByUsername(a);
            TandemUser ub = (TandemUser) users.loadUserByUsername(b);
            Proposal pr = proposals.create(call.getId(), new ProposalContent("R" + i, "Rush proposal " + i,
                    "Abstract " + i, List.of("load"), List.of("AI"), 36, "Plan", null, null, null, null,
                    List.of(new TeamContent("VN", "Host VN", null, null, List.of(), List.of(new BudgetLine(1, "personnel",
                            new BigDecimal("1000000000"))), null))), ua);
            invitations.accept(invitations.invite(pr.getId(), "RU", b + "@example.org", ua), ub);
            Proposal current = proposals.get(pr.getId(), ub);
            proposals.update(pr.getId(), current.getVersion(), new ProposalContent("R" + i, "Rush proposal " + i,
                    "Abstract " + i, List.of("load"), List.of("AI"), 36, "Plan", null, null, null, null,
                    List.of(new TeamContent("RU", "Host RU", null, null, List.of(), List.of(new BudgetLine(1, "personnel",
                            new BigDecimal("5000000"))), null))), ub);
            attachments.upload(pr.getId(), "d.pdf", pdf, ua);
            ids.add(pr.getId());
            tokens.add(apiTokens.issue(a, "rush-password", "bench-" + i).token());
        }
        System.out.printf("prepared %d eligible joint proposals in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    record Result(long proposalId, int status, long nanos, String receipt) {
    }

    static void run(ConfigurableApplicationContext app, int port, List<Long> ids, List<String> tokens, int concurrency,
                    double retryShare) throws Exception {
        ExecutorService httpThreads = Executors.newFixedThreadPool(concurrency);
        HttpClient http = HttpClient.newBuilder().executor(httpThreads).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        int n = ids.size();
        int retries = (int) Math.round(n * retryShare);
        CountDownLatch done = new CountDownLatch(n + retries);
        CountDownLatch go = new CountDownLatch(1);
        for (int k = 0; k < n + retries; k++) {
            int i = k % n;
            pool.submit(() -> {
                try {
                    go.await();
                    HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/proposals/"
                                    + ids.get(i) + "/submit"))
                            .header("Authorization", "Bearer " + tokens.get(i))
                            .header("Idempotency-Key", "rush-" + ids.get(i))
                            .POST(HttpRequest.BodyPublishers.noBody()).build();
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    results.add(new Result(ids.get(i), r.statusCode(), System.nanoTime() - t, r.body()));
                } catch (Exception e) {
                    results.add(new Result(ids.get(i), -1, 0, e.toString()));
                } finally {
                    done.countDown();
                }
            });
        }
        long start = System.nanoTime();
        go.countDown();
        done.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        // Non-daemon client threads would keep the JVM (and Maven's exec:java) alive after the report.
        httpThreads.shutdown();

        List<Long> latencies = results.stream().filter(r -> r.status() == 200).map(Result::nanos).sorted().toList();
        long ok = latencies.size();
        System.out.printf("requests %d (%d proposals, %d retries with the same key), concurrency %d%n",
                n + retries, n, retries, concurrency);
        System.out.printf("acknowledged %d, other statuses %s%n", ok, results.stream().filter(r -> r.status() != 200)
                .map(r -> String.valueOf(r.status())).toList());
        System.out.printf("burst %.2f s, %.1f submissions/s; latency p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                seconds, ok / seconds, pct(latencies, 0.5), pct(latencies, 0.9), pct(latencies, 0.99), pct(latencies, 1.0));

        // Every acknowledged receipt is stored, exactly once, with the hash and time it reported.
        JsonMapper json = JsonMapper.builder().build();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Map<Long, String> receiptByProposal = new ConcurrentHashMap<>();
        int mismatches = 0;
        for (Result r : results) {
            if (r.status() != 200) {
                continue;
            }
            JsonNode receipt = json.readTree(r.receipt()).get("receipt");
            String previous = receiptByProposal.putIfAbsent(r.proposalId(), receipt.toString());
            if (previous != null && !previous.equals(receipt.toString())) {
                mismatches++;
            }
            int stored = jdbc.sql("select count(*) from proposal_submission where proposal_id = ? and number = ? and sha256 = ?")
                    .params(r.proposalId(), receipt.get("version").asInt(), receipt.get("sha256").asString())
                    .query(Integer.class).single();
            if (stored != 1) {
                mismatches++;
            }
        }
        int rows = jdbc.sql("select count(*) from proposal_submission where proposal_id in (" + String.join(",",
                ids.stream().map(String::valueOf).toList()) + ")").query(Integer.class).single();
        System.out.printf("stored submissions %d for %d acknowledged proposals; receipt mismatches %d -> %s%n",
                rows, receiptByProposal.size(), mismatches,
                rows == receiptByProposal.size() && mismatches == 0 ? "EXACTLY ONCE" : "FAILED");
    }

    static double pct(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
