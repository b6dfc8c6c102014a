package org.tandem.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.engine.assign.AssignmentCancelled;
import org.tandem.engine.assign.Assigner;
import org.tandem.engine.assign.UnmetDemand;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.jobs.BackgroundJob;
import org.tandem.platform.jobs.BackgroundJobs;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.programme.Calls;

/**
 * Assignment runs in the background: the officer's request is stored and handed to the cluster's
 * scheduler in one transaction, whichever node is free computes it (affinity, conflicts, solving),
 * writing its phase and percent as it goes, and the officer may cancel it meanwhile. One run per call
 * at a time (a unique index, so also across nodes). A node that dies mid-run leaves the run to be
 * picked up again by the scheduler; after {@link #MAX_ATTEMPTS} starts it is marked failed instead.
 */
@Service
public class AssignmentJobs implements BackgroundJob {

    static final String KIND = "assignment-run";
    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(AssignmentJobs.class);

    /** A run's progress and, once done, its result; {@code unmet} and the figures are null until then. */
    public record Run(long id, long callId, long partyId, int perProposal, int maxLoad, String objective, String status,
                      String phase, int percent, boolean cancelRequested, String message, Integer assigned,
                      List<UnmetDemand> unmet, Integer conflicts, Double totalAffinity, Double minAffinity, Double minBound,
                      Boolean optimal, String startedBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

        public boolean active() {
            return AssignmentRunWorkflow.active(status);
        }

        /** How far the fair minimum is from its proven bound, as a share of the bound; null without a bound. */
        public Double gap() {
            if (minBound == null || minAffinity == null || minBound <= 0) {
                return null;
            }
            return Math.max(0, (minBound - minAffinity) / minBound);
        }
    }

    /**
     * Told of each phase a background run enters, on the run's thread, after the phase is written.
     * Tests hold a run at a phase (to cancel it, or to start another meanwhile); nothing else sets it.
     */
    private volatile java.util.function.BiConsumer<Long, String> phaseHook = (run, phase) -> {
    };

    /** Set through a method: tests hold the Spring proxy, whose own fields are not the service's. */
    void onPhase(java.util.function.BiConsumer<Long, String> hook) {
        this.phaseHook = hook;
    }

    private final JdbcClient jdbc;
    private final AssignmentRuns runs;
    private final BackgroundJobs jobs;
    private final AuditTrail audit;
    private final Calls calls;
    private final UserDetailsService users;
    private final TransactionTemplate tx;
    private final Clock clock;

    AssignmentJobs(JdbcClient jdbc, AssignmentRuns runs, BackgroundJobs jobs, AuditTrail audit, Calls calls,
                   UserDetailsService users, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.jobs = jobs;
        this.audit = audit;
        this.calls = calls;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Starts a run for the officer's party. Refused (nothing stored) when the officer does not act for
     * the party, the settings are out of range, invitations are out, or a run of the call is under way.
     */
    @Transactional
    public Run start(long callId, long partyId, int perProposal, int maxLoad, Assigner.Objective objective,
                     TandemUser officer) {
        requireOfficer(callId, partyId, officer);
        if (activeOf(callId).isPresent()) {
            throw new ConflictException("ASSIGNMENT_RUN_ACTIVE");
        }
        runs.check(callId, partyId, perProposal, maxLoad, officer);
        long id;
        try {
            id = jdbc.sql("""
                    insert into review_assignment_run (call_id, party_id, per_proposal, max_load, objective, status, phase,
                        started_by, created_at) values (?, ?, ?, ?, ?, ?, null, ?, ?) returning id""")
                    .params(callId, partyId, perProposal, maxLoad, objective.name(), AssignmentRunWorkflow.QUEUED,
                            officer.getUsername(), Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            // Another node (or a double click) started one in the same instant.
            throw new ConflictException("ASSIGNMENT_RUN_ACTIVE");
        }
        jobs.submit(KIND, String.valueOf(id));
        audit.record(officer.getUsername(), "Call", callId, "assignment-run-start", null, Map.of("run", id,
                "party", partyId, "perProposal", perProposal, "maxLoad", maxLoad,
                "objective", objective.name().toLowerCase(Locale.ROOT)));
        return get(callId, id, officer);
    }

    /** One run; only officers of its party may read it. */
    @Transactional(readOnly = true)
    public Run get(long callId, long runId, TandemUser viewer) {
        Run r = find(runId).filter(x -> x.callId() == callId).orElseThrow(() -> new NotFoundException("run " + runId));
        requireOfficer(r.callId(), r.partyId(), viewer);
        return r;
    }

    /** The party's latest run, if any. */
    @Transactional(readOnly = true)
    public Optional<Run> latest(long callId, long partyId, TandemUser viewer) {
        requireOfficer(callId, partyId, viewer);
        return jdbc.sql("select * from review_assignment_run where call_id = ? and party_id = ? order by id desc limit 1")
                .params(callId, partyId).query(AssignmentJobs::row).optional();
    }

    /** The run of the call under way, whichever party started it. */
    @Transactional(readOnly = true)
    public Optional<Run> activeOf(long callId) {
        return jdbc.sql("select * from review_assignment_run where call_id = ? and status = any(?) order by id desc limit 1")
                .params(callId, AssignmentRunWorkflow.ACTIVE.toArray(String[]::new)).query(AssignmentJobs::row).optional();
    }

    /**
     * Cancels a run: a queued one at once, a running one at the solver's next check (within about a
     * second; what it found is not stored). Refused with 409 once the run has ended.
     */
    @Transactional
    public Run cancel(long callId, long runId, TandemUser officer) {
        Run r = get(callId, runId, officer);
        AssignmentRunWorkflow.RUNS.require(r.status(), "cancel");
        if (r.status().equals(AssignmentRunWorkflow.QUEUED)) {
            jdbc.sql("""
                    update review_assignment_run set status = ?, cancel_requested = true, message = ?, finished_at = ?
                    where id = ? and status = ?""")
                    .params(AssignmentRunWorkflow.CANCELLED, "assignmentRun.message.cancelled", Timestamp.from(clock.instant()),
                            runId, AssignmentRunWorkflow.QUEUED).update();
        }
        // Running (or picked up in the meantime): the run sees the flag and ends itself as cancelled.
        jdbc.sql("update review_assignment_run set cancel_requested = true where id = ?").param(runId).update();
        audit.record(officer.getUsername(), "Call", callId, "assignment-run-cancel", Map.of("run", runId, "status", r.status()),
                Map.of("run", runId, "cancelRequested", true));
        return get(callId, runId, officer);
    }

    private void requireOfficer(long callId, long partyId, TandemUser viewer) {
        if (viewer == null || !viewer.has(Role.PROGRAMME_OFFICER, calls.get(callId).getProgrammeId(), partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
    }

    private Optional<Run> find(long runId) {
        return jdbc.sql("select * from review_assignment_run where id = ?").param(runId).query(AssignmentJobs::row)
                .optional();
    }

    /** Called by the scheduler on one node; safe to repeat (a stored result is replaced as a whole). */
    @Override
    public void run(String id) {
        long runId = Long.parseLong(id);
        Thread worker = Thread.currentThread();
        Optional<Run> claimed = jdbc.sql("""
                update review_assignment_run set status = ?, attempts = attempts + 1, started_at = coalesce(started_at, ?),
                    phase = 'affinity', percent = 0 where id = ? and status = any(?) returning *""")
                .params(AssignmentRunWorkflow.RUNNING, Timestamp.from(clock.instant()), runId,
                        AssignmentRunWorkflow.RUNS.transition("start").orElseThrow().from().toArray(String[]::new))
                .query(AssignmentJobs::row).optional();
        if (claimed.isEmpty()) {
            if (find(runId).isEmpty()) {
                // Scheduled in the starting transaction, so this cannot happen unless that commit is still on its way.
                throw new IllegalStateException("assignment run " + runId + " not visible yet");
            }
            return; // cancelled before it started, or already ended on another attempt
        }
        Run run = claimed.get();
        if (run.cancelRequested()) {
            end(runId, AssignmentRunWorkflow.CANCELLED, "assignmentRun.message.cancelled");
            return;
        }
        int attempts = jdbc.sql("select attempts from review_assignment_run where id = ?").param(runId)
                .query(Integer.class).single();
        if (attempts > MAX_ATTEMPTS) {
            end(runId, AssignmentRunWorkflow.FAILED, "assignmentRun.message.interrupted");
            return;
        }
        Watch watch = new Watch(runId, worker, Assigner.Objective.valueOf(run.objective()));
        try {
            TandemUser officer = (TandemUser) users.loadUserByUsername(run.startedBy());
            AssignmentRuns.Computed computed = runs.compute(run.callId(), run.partyId(), run.perProposal(), run.maxLoad(),
                    Assigner.Objective.valueOf(run.objective()), officer, watch);
            tx.executeWithoutResult(status -> {
                boolean cancelled = jdbc.sql("select cancel_requested from review_assignment_run where id = ? for update")
                        .param(runId).query(Boolean.class).single();
                if (cancelled) {
                    end(runId, AssignmentRunWorkflow.CANCELLED, "assignmentRun.message.cancelled");
                    return;
                }
                AssignmentRuns.Outcome o = runs.store(computed, officer);
                jdbc.sql("""
                        update review_assignment_run set status = ?, phase = null, percent = 100, assigned = ?, unmet = ?,
                            conflicts = ?, total_affinity = ?, min_affinity = ?, min_bound = ?, optimal = ?, finished_at = ?
                        where id = ?""")
                        .params(AssignmentRunWorkflow.DONE, computed.result().assigned().size(), unmetText(o.unmet()),
                                o.conflicts(), o.totalAffinity(), o.minAffinity(),
                                // The engine's bound is in millionths, rounded down; the value is in full precision.
                                Double.isNaN(o.minBound()) ? null : Math.max(o.minBound(), o.minAffinity()), o.optimal(),
                                Timestamp.from(clock.instant()), runId).update();
            });
        } catch (AssignmentCancelled e) {
            if (worker.isInterrupted()) {
                throw new IllegalStateException("assignment run " + runId + " interrupted: the node is stopping");
            }
            end(runId, AssignmentRunWorkflow.CANCELLED, "assignmentRun.message.cancelled");
        } catch (InvalidInputException e) {
            end(runId, AssignmentRunWorkflow.FAILED, e.problems().get(0).code());
        } catch (NotAllowedException | org.springframework.security.core.userdetails.UsernameNotFoundException e) {
            end(runId, AssignmentRunWorkflow.FAILED, "assignmentRun.message.notAllowed");
        } catch (RuntimeException e) {
            if (worker.isInterrupted()) {
                throw e;
            }
            log.warn("assignment run {} failed", runId, e);
            end(runId, AssignmentRunWorkflow.FAILED, "assignmentRun.message.error");
        }
    }

    private void end(long runId, String status, String message) {
        jdbc.sql("update review_assignment_run set status = ?, phase = null, message = ?, finished_at = ? where id = ?")
                .params(status, message, Timestamp.from(clock.instant()), runId).update();
    }

    /**
     * The run's side of {@link AssignmentRuns.Progress}: writes the phase and percent, and reads the
     * cancel flag in the same statement, at most a few times a second however often the solver asks.
     * While solving, the percent follows the solver's time limit (the most it may take).
     */
    private final class Watch implements AssignmentRuns.Progress {
        private final long runId;
        private final Thread worker;
        private final double solverSeconds;
        private String phase = "affinity";
        private int percent;
        private long solvingSince;
        private long lastAsked;
        private boolean cancelled;

        Watch(long runId, Thread worker, Assigner.Objective objective) {
            this.runId = runId;
            this.worker = worker;
            this.solverSeconds = objective == Assigner.Objective.FAIR ? AssignmentRuns.SOLVER_SECONDS : 1;
        }

        @Override
        public void phase(String phase, int percent) {
            enter(phase, percent);
            phaseHook.accept(runId, phase);
        }

        private synchronized void enter(String phase, int percent) {
            this.phase = phase;
            this.percent = percent;
            if (phase.equals("solving")) {
                solvingSince = System.nanoTime();
            }
            write();
        }

        @Override
        public synchronized boolean stopRequested() {
            if (worker.isInterrupted()) {
                return true;
            }
            long now = System.nanoTime();
            if (!cancelled && now - lastAsked > 250_000_000L) {
                if (phase.equals("solving")) {
                    double share = Math.min(1, (now - solvingSince) / 1e9 / solverSeconds);
                    percent = Math.max(percent, 55 + (int) (39 * share));
                }
                write();
            }
            return cancelled;
        }

        private void write() {
            lastAsked = System.nanoTime();
            cancelled |= jdbc.sql("""
                    update review_assignment_run set phase = ?, percent = ? where id = ? returning cancel_requested""")
                    .params(phase, percent, runId).query(Boolean.class).single();
        }
    }

    private static String unmetText(List<UnmetDemand> unmet) {
        StringBuilder b = new StringBuilder();
        for (UnmetDemand u : unmet) {
            b.append(u.proposalId()).append('|').append(u.group()).append('|').append(u.missing()).append('|')
                    .append(u.reason().name()).append('\n');
        }
        return b.toString();
    }

    private static List<UnmetDemand> unmetOf(String text) {
        if (text == null) {
            return null;
        }
        List<UnmetDemand> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split("\\|");
                out.add(new UnmetDemand(f[0], f[1], Integer.parseInt(f[2]), UnmetDemand.Reason.valueOf(f[3])));
            }
        }
        return out;
    }

    private static Run row(ResultSet rs, int i) throws SQLException {
        return new Run(rs.getLong("id"), rs.getLong("call_id"), rs.getLong("party_id"), rs.getInt("per_proposal"),
                rs.getInt("max_load"), rs.getString("objective"), rs.getString("status"), rs.getString("phase"),
                rs.getInt("percent"), rs.getBoolean("cancel_requested"), rs.getString("message"),
                rs.getObject("assigned", Integer.class), unmetOf(rs.getString("unmet")), rs.getObject("conflicts", Integer.class),
                rs.getObject("total_affinity", Double.class), rs.getObject("min_affinity", Double.class),
                rs.getObject("min_bound", Double.class), rs.getObject("optimal", Boolean.class), rs.getString("started_by"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
