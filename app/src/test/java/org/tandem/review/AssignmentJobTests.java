package org.tandem.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.engine.assign.Assigner;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.TeamContent;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * Assignment runs as background jobs, on a closed call of its own (nobody invites its experts, so it
 * can always be re-run): the result equals the synchronous one, a cancel stops a run, one run per call
 * at a time, officers of the party only, and a run whose node died is picked up again.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentJobTests {

    @LocalServerPort int port;
    @Autowired AssignmentJobs jobs;
    @Autowired AssignmentRuns runs;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired org.tandem.proposal.ProposalSubmissions submissions;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    long call;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    long pilot() {
        return call;
    }

    @BeforeAll
    void aClosedCallWithSixSubmittedProposals() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        Instant now = Instant.now();
        call = calls.createApproved(p.getId(), new CallInput(2026, new LocalizedText("Assignment job test call "
                + now.toEpochMilli(), "Đợt gọi thử phân công", "Тестовый конкурс назначения"),
                new LocalizedText("Test.", "Thử.", "Тест."), now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)),
                24, 36, java.util.Set.of("AI"), List.of(
                        new CallBudget(party("VN"), new BigDecimal("9000000000"), new BigDecimal("3000000000"), "VND"),
                        new CallBudget(party("RU"), new BigDecimal("90000000"), new BigDecimal("15000000"), "RUB"))),
                "system").getId();
        long admin = user("admin").id();
        String[][] texts = {
                {"JOB-GRID", "Reinforcement learning for power grid dispatch", "Deep reinforcement learning for battery dispatch."},
                {"JOB-RICE", "Rice genomics under salinity", "Genomic selection of rice for salinity tolerance in the delta."},
                {"JOB-LIVER", "Early detection of liver cancer", "Transformer models on multi-phase CT for early detection."},
                {"JOB-FLOOD", "Flood forecasting in river basins", "Hydrological models and satellite rainfall for floods."},
                {"JOB-ALLOY", "Light alloys for aviation", "Aluminium-lithium alloys, fatigue and corrosion tests."},
                {"JOB-LANG", "Machine translation for low-resource languages", "Neural translation between Vietnamese and Russian."}};
        for (String[] t : texts) {
            submissions.importSubmitted(call, content(t[0], t[1], t[2]), Map.of(), now.minus(Duration.ofDays(2)), admin);
        }
    }

    private static ProposalContent content(String acronym, String title, String text) {
        List<BudgetLine> vnBudget = List.of(new BudgetLine(1, "personnel", new BigDecimal("1000000000")));
        List<BudgetLine> ruBudget = List.of(new BudgetLine(1, "personnel", new BigDecimal("5000000")));
        return new ProposalContent(acronym, title, text, List.of("machine learning", "genomics"), List.of("AI"), 24,
                "WP1.", null, null, null, null, List.of(
                new TeamContent("VN", "Hue University", "Phan Thanh Bình", null, List.of("Phan Thanh Bình"), vnBudget, null),
                new TeamContent("RU", "Kazan Federal University", "Олег Морозов", null, List.of("Олег Морозов"), ruBudget, null)));
    }

    long party(String code) {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        return p.partyByCode(code).orElseThrow().getId();
    }

    AssignmentJobs.Run awaitEnd(long call, long run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        AssignmentJobs.Run r = jobs.get(call, run, user("officer.ru"));
        while (r.active() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = jobs.get(call, run, user("officer.ru"));
        }
        assertThat(r.active()).as("run %d ended", run).isFalse();
        return r;
    }

    record Pair(long proposal, long person, double score) {
    }

    List<Pair> stored(long call, long party) {
        return runs.current(call, party, user("officer.ru")).stream()
                .map(l -> new Pair(l.proposalId(), l.personId(), l.score())).sorted(java.util.Comparator
                        .comparingLong(Pair::proposal).thenComparingLong(Pair::person)).toList();
    }

    @AfterEach
    void release() {
        jobs.onPhase((run, phase) -> {
        });
    }

    @Test
    void aBackgroundRunStoresWhatTheSynchronousRunStores() throws Exception {
        long call = pilot();
        long ru = party("RU");
        TandemUser officer = user("officer.ru");
        runs.run(call, ru, 2, 3, officer);
        List<Pair> synchronous = stored(call, ru);
        assertThat(synchronous).isNotEmpty();
        // Something else in place, so that the background run has to write its own result.
        runs.run(call, ru, 1, 50, officer);
        assertThat(stored(call, ru)).isNotEqualTo(synchronous);

        AssignmentJobs.Run started = jobs.start(call, ru, 2, 3, Assigner.Objective.TOTAL, officer);
        assertThat(started.status()).isEqualTo("QUEUED");
        AssignmentJobs.Run done = awaitEnd(call, started.id());
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.assigned()).isEqualTo(synchronous.size());
        assertThat(stored(call, ru)).isEqualTo(synchronous);

        // Fair: the same value as computed in the foreground, with its bound next to it.
        var foreground = runs.compute(call, ru, 2, 3, Assigner.Objective.FAIR, officer, AssignmentRuns.Progress.NONE).result();
        AssignmentJobs.Run fair = awaitEnd(call, jobs.start(call, ru, 2, 3, Assigner.Objective.FAIR, officer).id());
        assertThat(fair.status()).isEqualTo("DONE");
        assertThat(fair.minAffinity()).isCloseTo(foreground.minProposalAffinity(), offset(1e-9));
        assertThat(fair.minBound()).isCloseTo(foreground.minBound(), offset(1e-5));
        assertThat(fair.minBound()).isGreaterThanOrEqualTo(fair.minAffinity() - 1e-9);
        assertThat(fair.totalAffinity()).isCloseTo(foreground.totalAffinity(), offset(1e-6));

        // The page shows the fair result with its bound, in the reader's language.
        String page = new WebSession(port).signIn("officer.ru", "demo").get("/officer/calls/" + call + "/assignment", "ru")
                .body();
        assertThat(page).contains("Самая слабая заявка").contains("верхняя граница");
    }

    @Test
    void aCancelledRunStopsAndLeavesTheProposalAsItWasAndOnlyOneRunPerCallAtATime() throws Exception {
        long call = pilot();
        long ru = party("RU");
        TandemUser officer = user("officer.ru");
        runs.run(call, ru, 1, 50, officer);
        List<Pair> before = stored(call, ru);
        CountDownLatch solving = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        jobs.onPhase((run, phase) -> {
            if (phase.equals("solving")) {
                solving.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AssignmentJobs.Run run = jobs.start(call, ru, 2, 3, Assigner.Objective.FAIR, officer);
        assertThat(solving.await(30, TimeUnit.SECONDS)).isTrue();
        AssignmentJobs.Run running = jobs.get(call, run.id(), officer);
        assertThat(running.status()).isEqualTo("RUNNING");
        assertThat(running.phase()).isEqualTo("solving");
        assertThat(running.percent()).isBetween(1, 99);

        // While it runs, no second run of the call, whichever party asks.
        assertThatThrownBy(() -> jobs.start(call, ru, 1, 5, Assigner.Objective.TOTAL, officer))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ASSIGNMENT_RUN_ACTIVE"));
        ApiClient vn = new ApiClient(port).signIn("officer.vn");
        var refused = vn.post("/api/v1/calls/" + call + "/assignment-runs", Map.of("party", party("VN")), Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("ASSIGNMENT_RUN_ACTIVE");
        // The page shows the bar and offers the cancel button; the run button waits.
        String page = new WebSession(port).signIn("officer.ru", "demo").get("/officer/calls/" + call + "/assignment", "en")
                .body();
        assertThat(page).contains("<progress").contains("id=\"cancel-RU\"").contains("Solving the assignment");

        long asked = System.nanoTime();
        jobs.cancel(call, run.id(), officer);
        release.countDown();
        AssignmentJobs.Run ended = awaitEnd(call, run.id());
        assertThat(ended.status()).isEqualTo("CANCELLED");
        assertThat((System.nanoTime() - asked) / 1e9).isLessThan(10);
        assertThat(stored(call, ru)).isEqualTo(before);
        assertThatThrownBy(() -> jobs.cancel(call, run.id(), officer))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ASSIGNMENT_RUN_FINISHED"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and action in ('assignment-run-start',"
                + " 'assignment-run-cancel')").param(String.valueOf(call)).query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // A queued run is cancelled at once, before any node picks it.
        jobs.onPhase((r, phase) -> {
        });
        AssignmentJobs.Run queued = jobs.start(call, ru, 1, 50, Assigner.Objective.TOTAL, officer);
        AssignmentJobs.Run cancelled = jobs.cancel(call, queued.id(), officer);
        if (cancelled.status().equals("QUEUED") || cancelled.status().equals("RUNNING")) {
            cancelled = awaitEnd(call, queued.id()); // a node was quicker than the cancel
        }
        assertThat(cancelled.status()).isIn("CANCELLED", "DONE");
    }

    @Test
    void theApiStartsFollowsAndCancelsRunsForTheOfficersOwnPartyOnly() throws Exception {
        long call = pilot();
        long ru = party("RU");
        ApiClient officer = new ApiClient(port).signIn("officer.ru");
        var bad = officer.post("/api/v1/calls/" + call + "/assignment-runs", Map.of("party", ru, "perProposal", 0), Map.of());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("problems").get(0).get("field").asString()).isEqualTo("perProposal");
        var badObjective = officer.post("/api/v1/calls/" + call + "/assignment-runs", Map.of("party", ru, "objective", "best"),
                Map.of());
        assertThat(badObjective.status()).isEqualTo(422);
        assertThat(badObjective.json().get("problems").get(0).get("message").asString()).contains("best");
        assertThat(jobs.activeOf(call)).isEmpty();

        // The other party's officer may neither start nor read the Russian party's runs.
        assertThat(new ApiClient(port).signIn("officer.vn").post("/api/v1/calls/" + call + "/assignment-runs",
                Map.of("party", ru), Map.of()).status()).isEqualTo(403);

        var started = officer.post("/api/v1/calls/" + call + "/assignment-runs",
                Map.of("party", ru, "perProposal", 1, "maxLoad", 50, "objective", "fair"), Map.of());
        assertThat(started.status()).isEqualTo(202);
        String location = started.headers().get("location").get(0);
        long id = started.json().get("id").asLong();
        assertThat(location).endsWith("/api/v1/calls/" + call + "/assignment-runs/" + id);
        assertThat(new ApiClient(port).signIn("officer.vn").get(location).status()).isEqualTo(403);
        assertThat(new ApiClient(port).signIn("applicant.vn").get(location).status()).isEqualTo(403);
        assertThat(officer.get("/api/v1/calls/" + call + "/assignment-runs/999999").status()).isEqualTo(404);
        assertThatThrownBy(() -> jobs.cancel(call, id, user("officer.vn"))).isInstanceOf(NotAllowedException.class);

        awaitEnd(call, id);
        var done = officer.get(location);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("done");
        assertThat(done.json().get("percent").asInt()).isEqualTo(100);
        assertThat(done.json().get("minBound").asDouble()).isGreaterThanOrEqualTo(done.json().get("minAffinity").asDouble() - 1e-9);
        assertThat(officer.post(location + "/cancel", Map.of(), Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aRunWhoseNodeDiedIsPickedUpAgainAndGivenUpAfterThreeStarts() throws Exception {
        long call = pilot();
        long ru = party("RU");
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        // As a node leaves it when killed mid-run: the run RUNNING, the scheduler's row picked, no more heartbeats.
        long id = jdbc.sql("""
                insert into review_assignment_run (call_id, party_id, per_proposal, max_load, objective, status, phase,
                    percent, attempts, started_by, created_at, started_at) values (?, ?, 1, 50, 'TOTAL', 'RUNNING', 'solving',
                    60, 1, 'officer.ru', ?, ?) returning id""")
                .params(call, ru, Timestamp.from(longAgo), Timestamp.from(longAgo)).query(Long.class).single();
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version)
                values (?, ?, ?, true, 'a-node-that-died', ?, 1)""")
                .params(AssignmentJobs.KIND, String.valueOf(id), Timestamp.from(longAgo), Timestamp.from(longAgo)).update();
        AssignmentJobs.Run revived = awaitEnd(call, id);
        assertThat(revived.status()).isEqualTo("DONE");
        assertThat(revived.assigned()).isPositive();

        // A run that has already been started three times is not tried a fourth time.
        long tired = jdbc.sql("""
                insert into review_assignment_run (call_id, party_id, per_proposal, max_load, objective, status, attempts,
                    started_by, created_at) values (?, ?, 1, 50, 'TOTAL', 'RUNNING', 3, 'officer.ru', now()) returning id""")
                .params(call, ru).query(Long.class).single();
        jobs.run(String.valueOf(tired));
        AssignmentJobs.Run failed = jobs.get(call, tired, user("officer.ru"));
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.message()).isEqualTo("assignmentRun.message.interrupted");
    }

    @Test
    void aStartRolledBackLeavesNeitherARunNorAScheduledTask() throws Exception {
        long call = pilot();
        long ru = party("RU");
        long[] id = new long[1];
        tx.executeWithoutResult(status -> {
            id[0] = jobs.start(call, ru, 1, 50, Assigner.Objective.TOTAL, user("officer.ru")).id();
            // Seen inside the transaction: the scheduler's row is written on the same connection.
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?")
                    .params(AssignmentJobs.KIND, String.valueOf(id[0])).query(Long.class).single()).isEqualTo(1);
            status.setRollbackOnly();
        });
        Thread.sleep(1500); // three polling rounds of the test scheduler
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(AssignmentJobs.KIND, String.valueOf(id[0])).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from review_assignment_run where id = ?").param(id[0]).query(Long.class).single())
                .isZero();
        assertThat(jobs.activeOf(call)).isEmpty();
    }

    @Test
    void aRunRefusedAtItsStartStoresNothing() {
        long call = pilot();
        long ru = party("RU");
        long before = jdbc.sql("select count(*) from review_assignment_run").query(Long.class).single();
        assertThatThrownBy(() -> jobs.start(call, ru, 1, 501, Assigner.Objective.TOTAL, user("officer.ru")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("maxLoad"));
        assertThatThrownBy(() -> jobs.start(call, ru, 1, 5, Assigner.Objective.TOTAL, user("officer.vn")))
                .isInstanceOf(NotAllowedException.class);
        assertThat(jdbc.sql("select count(*) from review_assignment_run").query(Long.class).single()).isEqualTo(before);
    }
}
