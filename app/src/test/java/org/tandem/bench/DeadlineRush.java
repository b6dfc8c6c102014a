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
 * <p>Arguments: {@code applicants [concurrency] [retryShare]}, e.g. {@code 400 64 0.2}. Options:
 * {@code -Dbench.rehearsals=N} bursts before the measured one (default 2), {@code -Dbench.setting=--name=value}
 * one server setting to compare, {@code -Dbench.profile=FILE} async-profiler samples of the measured burst.
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
                "--spring.datasource.hikari.maximum-pool-size=20",
                // One more setting to compare, e.g. -Dbench.setting=--tandem.submissions.concurrency=8
                System.getProperty("bench.setting", "--tandem.bench=default"))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<List<Long>> rehearsals = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            prepareWithRehearsal(app, applicants, rehearsals, ids, tokens);
            for (int r = 0; r < rehearsals.size(); r++) {
                System.out.println("-- rehearsal burst " + (r + 1) + (r == 0 ? " (cold server: the first submissions since start)" : ""));
                run(app, port, rehearsals.get(r), tokens, concurrency, retryShare);
            }
            System.out.println("-- deadline burst (measured)");
            profile("start");
            double[] before = cpuSeconds();
            run(app, port, ids, tokens, concurrency, retryShare);
            double[] after = cpuSeconds();
            profile("stop");
            System.out.printf("cpu during the measured burst and its check: this JVM (server and clients) %.2f s, PostgreSQL %.2f s%n",
                    after[0] - before[0], after[1] - before[1]);
        }
    }

    /** The applicants' accounts, both PIs of each future proposal, and the VN PI's API token. */
    record Applicants(List<String> vn, List<String> ru, List<String> tokens) {
    }

    /** N eligible joint proposals in a call of their own, ready to submit, with the tokens of their systems. */
    static void prepare(ConfigurableApplicationContext app, int n, List<Long> ids, List<String> tokens) {
        Applicants applicants = applicants(app, n);
        ids.addAll(proposals(app, applicants, "Rush"));
        tokens.addAll(applicants.tokens());
    }

    /**
     * A rehearsal call and the deadline call for the same applicants: the rehearsal's burst is
     * sent first and reported apart, so the measured burst meets a server that has served
     * submissions before, as a server has on any deadline day (the first burst after a start is
     * mostly the JIT compiling the request path; its figures are printed as "cold").
     */
    static void prepareWithRehearsal(ConfigurableApplicationContext app, int n, List<List<Long>> rehearsals, List<Long> ids,
                                     List<String> tokens) {
        Applicants applicants = applicants(app, n);
        for (int r = 0; r < REHEARSALS; r++) {
            rehearsals.add(proposals(app, applicants, "Rehearsal " + (r + 1)));
        }
        ids.addAll(proposals(app, applicants, "Rush"));
        tokens.addAll(applicants.tokens());
    }

    /** Rehearsal bursts before the measured one ({@code -Dbench.rehearsals}, default 2). */
    static final int REHEARSALS = Integer.getInteger("bench.rehearsals", 2);

    static Applicants applicants(ConfigurableApplicationContext app, int n) {
        Programmes programmes = app.getBean(Programmes.class);
        Accounts accounts = app.getBean(Accounts.class);
        ApiTokens apiTokens = app.getBean(ApiTokens.class);
        Programme p = programmes.byCode(org.tandem.demo.DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        long t0 = System.nanoTime();
        String[] token = new String[n];
        // Two at a time: the password hashing of sign-up and token issue is most of the preparation.
        inParallel(n, i -> {
            String a = "rush.vn." + i;
            String b = "rush.ru." + i;
            accounts.create(new Accounts.NewAccount(a, "VN " + i, null, "rush-password"), "bench");
            accounts.create(new Accounts.NewAccount(b, "RU " + i, b + "@example.org", "rush-password"), "bench");
            accounts.grant(accounts.find(a).orElseThrow().id(), new Accounts.NewGrant(Role.APPLICANT, p.getId(), vn), "bench");
            accounts.grant(accounts.find(b).orElseThrow().id(), new Accounts.NewGrant(Role.APPLICANT, p.getId(), ru), "bench");
            token[i] = apiTokens.issue(a, "rush-password", "bench-" + i).token();
        });
        List<String> vnUsers = new ArrayList<>();
        List<String> ruUsers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vnUsers.add("rush.vn." + i);
            ruUsers.add("rush.ru." + i);
        }
        System.out.printf("prepared %d applicant pairs with tokens in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        return new Applicants(vnUsers, ruUsers, List.of(token));
    }

    static List<Long> proposals(ConfigurableApplicationContext app, Applicants applicants, String title) {
        Programmes programmes = app.getBean(Programmes.class);
        Calls calls = app.getBean(Calls.class);
        Proposals proposals = app.getBean(Proposals.class);
        org.tandem.proposal.TeamInvitations invitations = app.getBean(org.tandem.proposal.TeamInvitations.class);
        Attachments attachments = app.getBean(Attachments.class);
        UserDetailsService users = app.getBean(UserDetailsService.class);
        Programme p = programmes.byCode(org.tandem.demo.DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now();
        Call call = calls.createApproved(p.getId(), new CallInput(2026, new LocalizedText(title, title, title),
                new LocalizedText(title, title, title), now.minus(Duration.ofDays(1)), now.plus(Duration.ofMinutes(30)),
                24, 36, Set.of("AI"), List.of(new CallBudget(vn, new BigDecimal("1000000000000"), new BigDecimal("3000000000"), "VND"),
                new CallBudget(ru, new BigDecimal("10000000000"), new BigDecimal("15000000"), "RUB"))), "bench");
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes();
        long t0 = System.nanoTime();
        int n = applicants.tokens().size();
        Long[] ids = new Long[n];
        inParallel(n, i -> {
            String b = applicants.ru().get(i);
            TandemUser ua = (TandemUser) users.loadUserByUsername(applicants.vn().get(i));
            TandemUser ub = (TandemUser) users.loadUserByUsername(b);
            Proposal pr = proposals.create(call.getId(), new ProposalContent("R" + i, title + " proposal " + i,
                    "Abstract " + i, List.of("load"), List.of("AI"), 36, "Plan", null, null, null, null,
                    List.of(new TeamContent("VN", "Host VN", null, null, List.of(), List.of(new BudgetLine(1, "personnel",
                            new BigDecimal("1000000000"))), null))), ua);
            invitations.accept(invitations.invite(pr.getId(), "RU", b + "@example.org", ua), ub);
            Proposal current = proposals.get(pr.getId(), ub);
            proposals.update(pr.getId(), current.getVersion(), new ProposalContent("R" + i, title + " proposal " + i,
                    "Abstract " + i, List.of("load"), List.of("AI"), 36, "Plan", null, null, null, null,
                    List.of(new TeamContent("RU", "Host RU", null, null, List.of(), List.of(new BudgetLine(1, "personnel",
                            new BigDecimal("5000000"))), null))), ub);
            attachments.upload(pr.getId(), "d.pdf", pdf, ua);
            ids[i] = pr.getId();
        });
        System.out.printf("prepared %d eligible joint proposals in call \"%s\" in %.1f s%n", n, title,
                (System.nanoTime() - t0) / 1e9);
        return List.of(ids);
    }

    private static void inParallel(int n, java.util.function.IntConsumer body) {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                done.add(workers.submit(() -> body.accept(k)));
            }
            for (var f : done) {
                f.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("preparation failed", e);
        } finally {
            workers.shutdown();
        }
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

    /**
     * With {@code -Dbench.profile=FILE} and async-profiler's jar on the class path, samples the
     * measured burst only (collapsed stacks per thread), not the preparation before it.
     */
    static void profile(String what) throws Exception {
        String file = System.getProperty("bench.profile");
        if (file == null) {
            return;
        }
        Class<?> ap = Class.forName("one.profiler.AsyncProfiler");
        Object profiler = ap.getMethod("getInstance").invoke(null);
        ap.getMethod("execute", String.class).invoke(profiler, what.equals("start")
                ? "start,event=ctimer,interval=1ms,threads" : "stop,collapsed,file=" + file);
    }

    /** CPU seconds used so far by this process, all PostgreSQL processes and other JVMs (Linux /proc). */
    static double[] cpuSeconds() {
        double self = 0;
        double postgres = 0;
        double otherJava = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double sec = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    if (d.getFileName().toString().equals(String.valueOf(ProcessHandle.current().pid()))) {
                        self += sec;
                    } else if (comm.equals("postgres")) {
                        postgres += sec;
                    } else if (comm.equals("java")) {
                        otherJava += sec;
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {self, postgres, otherJava};
    }

    static double pct(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
