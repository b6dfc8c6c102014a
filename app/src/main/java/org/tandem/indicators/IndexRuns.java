package org.tandem.indicators;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.engine.index.Framework;
import org.tandem.engine.index.IndexAudit;
import org.tandem.engine.index.IndexComputation;
import org.tandem.engine.index.IndexResult;
import org.tandem.engine.index.Pipeline;
import org.tandem.engine.index.PipelineReader;
import org.tandem.engine.index.UncertaintyAnalysis;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.jobs.ClusterScheduled;
import org.tandem.platform.security.TandemUser;

/**
 * Runs queued computations in the background: claims one queued run at a time (skip-locked, so
 * several nodes never take the same run), computes through the engine with the edition's
 * pipeline, and stores the results, the edition's new state and the audit record in one
 * transaction. Progress is written as it goes so the page can show it.
 */
@Component
public class IndexRuns {

    private static final Logger log = LoggerFactory.getLogger(IndexRuns.class);

    /** How many strengths and weaknesses a profile lists (the GII lists ten of its 80 indicators). */
    static final int STRENGTHS = 5;

    /** Far longer than any run takes (10,000 replications of a 5,000-unit index are well under a minute). */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(30);

    private final Indicators indicators;
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Clock clock;

    IndexRuns(Indicators indicators, JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, TransactionTemplate tx,
              AuditTrail audit, Clock clock) {
        this.batch = batch;
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    record Claimed(long id, long editionId, String kind, int replications, long seed, String requestedBy) {
    }

    @ClusterScheduled(name = "indicator-runs", fixedDelay = "${tandem.indicators.interval:PT1S}")
    public void runQueued() {
        // A node that died mid-run leaves it RUNNING; after this long it is surely not coming back, so run it again.
        jdbc.sql("""
                update indicator_run set status = 'QUEUED', progress = 0
                where status = 'RUNNING' and started_at < ?""")
                .param(java.sql.Timestamp.from(clock.instant().minus(STALE))).update();
        for (Optional<Claimed> c = claim(); c.isPresent(); c = claim()) {
            process(c.get());
        }
    }

    /**
     * Computes now on the caller's thread (for seeding and scripts), or waits for the node that
     * claimed the run first; returns the run as it ended.
     */
    public Indicators.Run computeNow(long editionId, TandemUser user) {
        return runNow(indicators.requestCompute(editionId, user));
    }

    public Indicators.Run uncertaintyNow(long editionId, int replications, long seed, TandemUser user) {
        return runNow(indicators.requestUncertainty(editionId, replications, seed, user));
    }

    private Indicators.Run runNow(long runId) {
        tx.execute(s -> jdbc.sql("""
                update indicator_run set status = 'RUNNING', progress = 5, started_at = ? where id = ? and status = 'QUEUED'
                returning id, edition_id, kind, replications, seed, requested_by""").params(Timestamp.from(clock.instant()), runId)
                .query((rs, i) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getString(6))).optional()).ifPresent(this::process);
        for (int waited = 0; waited < 600; waited++) {
            Indicators.Run r = indicators.run(runId);
            if (r.status().equals("DONE") || r.status().equals("FAILED")) {
                return r;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return indicators.run(runId);
    }

    Optional<Claimed> claim() {
        return tx.execute(s -> jdbc.sql("""
                update indicator_run set status = 'RUNNING', progress = 5, started_at = ?
                where id = (select id from indicator_run where status = 'QUEUED' order by id limit 1 for update skip locked)
                returning id, edition_id, kind, replications, seed, requested_by""").param(Timestamp.from(clock.instant()))
                .query((rs, i) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getString(6))).optional());
    }

    void process(Claimed run) {
        long start = System.nanoTime();
        try {
            Indicators.Edition e = indicators.edition(run.editionId());
            List<Indicators.Node> nodes = indicators.nodes(run.editionId());
            Computed c;
            try (EngineFiles files = new EngineFiles()) {
                Indicators.Input in = indicators.input(run.editionId(), nodes, files);
                EngineFiles.writeText(files.pipeline, e.choices().toJson());
                Framework f = in.meta().framework();
                Pipeline pipeline = PipelineReader.read(files.pipeline, f, in.data());
                progress(run.id(), 30);
                IndexResult r = IndexComputation.run(f, in.data(), pipeline);
                progress(run.id(), run.kind().equals("COMPUTE") ? 70 : 40);
                if (run.kind().equals("COMPUTE")) {
                    c = new Computed(f, r, IndexAudit.strengthsWeaknesses(f, r, Math.min(STRENGTHS,
                            Math.max(1, f.indicatorCount() / 3))), null);
                } else {
                    c = new Computed(f, r, null, UncertaintyAnalysis.run(f, in.data(), pipeline, r, run.replications(),
                            run.seed()));
                }
            }
            progress(run.id(), 90);
            long computed = System.nanoTime();
            tx.executeWithoutResult(s -> store(run, c));
            log.info("Index run {} ({}) of edition {}: {} units, engine {} ms, storing {} ms", run.id(), run.kind(),
                    run.editionId(), c.result().unitCodes().length, (computed - start) / 1_000_000,
                    (System.nanoTime() - computed) / 1_000_000);
        } catch (RuntimeException ex) {
            log.info("Index run {} of edition {} failed: {}", run.id(), run.editionId(), ex.getMessage());
            jdbc.sql("update indicator_run set status = 'FAILED', message = ?, finished_at = ? where id = ?")
                    .params(String.valueOf(ex.getMessage()), Timestamp.from(clock.instant()), run.id()).update();
        }
    }

    record Computed(Framework framework, IndexResult result, List<IndexAudit.StrengthsWeaknesses> strengths,
                    UncertaintyAnalysis.Outcome uncertainty) {
    }

    private void progress(long runId, int percent) {
        jdbc.sql("update indicator_run set progress = ? where id = ?").params(percent, runId).update();
    }

    private void store(Claimed run, Computed c) {
        String state = jdbc.sql("select state from indicator_edition where id = ? for update").param(run.editionId())
                .query(String.class).single();
        // The data or pipeline may have changed, or the edition been published, while the engine ran.
        EditionWorkflow.EDITIONS.require(state, run.kind().equals("COMPUTE") ? "compute" : "uncertainty");
        long editionId = run.editionId();
        IndexResult r = c.result();
        Map<String, Object> after;
        if (c.uncertainty() == null) {
            jdbc.sql("delete from indicator_score where edition_id = ?").param(editionId).update();
            jdbc.sql("delete from indicator_strength where edition_id = ?").param(editionId).update();
            jdbc.sql("delete from indicator_rank_interval where edition_id = ?").param(editionId).update();
            Framework f = c.framework();
            List<Object[]> rows = new ArrayList<>();
            for (int l = 1; l <= f.levels(); l++) {
                String[] codes = f.codes(l);
                for (int k = 0; k < codes.length; k++) {
                    double[] scores = r.levels()[l - 1][k];
                    int[] ranks = l == f.levels() ? fromDouble(r.rank()) : ranks(scores);
                    for (int u = 0; u < r.unitCodes().length; u++) {
                        double v = scores[u];
                        rows.add(new Object[] {editionId, r.unitCodes()[u], codes[k], Double.isNaN(v) ? null : v,
                                ranks[u] > 0 ? ranks[u] : null});
                    }
                }
            }
            batch.batchUpdate("insert into indicator_score (edition_id, unit_code, code, score, rank) values (?, ?, ?, ?, ?)",
                    rows);
            for (IndexAudit.StrengthsWeaknesses sw : c.strengths()) {
                for (int i = 0; i < sw.strengths().size(); i++) {
                    strength(editionId, sw.unitCode(), sw.strengths().get(i), "S", sw.strengthRanks().get(i));
                }
                for (int i = 0; i < sw.weaknesses().size(); i++) {
                    strength(editionId, sw.unitCode(), sw.weaknesses().get(i), "W", sw.weaknessRanks().get(i));
                }
            }
            jdbc.sql("update indicator_edition set state = ?, computed_at = ? where id = ?")
                    .params(EditionWorkflow.COMPUTED, Timestamp.from(clock.instant()), editionId).update();
            after = Map.of("state", EditionWorkflow.COMPUTED, "units", r.unitCodes().length,
                    "screenedOut", r.removedUnits().size());
        } else {
            jdbc.sql("delete from indicator_rank_interval where edition_id = ?").param(editionId).update();
            for (UncertaintyAnalysis.UnitRanks u : c.uncertainty().units()) {
                jdbc.sql("""
                        insert into indicator_rank_interval (edition_id, unit_code, nominal_rank, median_rank, q05_rank, q95_rank)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(editionId, u.unitCode(), nan(u.nominal()), nan(u.median()), nan(u.q05()), nan(u.q95()))
                        .update();
            }
            after = Map.of("replications", run.replications(), "seed", run.seed(), "failed", c.uncertainty().failed());
        }
        jdbc.sql("update indicator_run set status = 'DONE', progress = 100, finished_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), run.id()).update();
        audit.record(run.requestedBy(), "indicator_edition", editionId, run.kind().equals("COMPUTE") ? "compute" : "uncertainty",
                Map.of("state", state), after);
    }

    private void strength(long editionId, String unit, String code, String kind, int rank) {
        jdbc.sql("""
                insert into indicator_strength (edition_id, unit_code, code, kind, rank) values (?, ?, ?, ?, ?)
                on conflict do nothing""").params(editionId, unit, code, kind, rank).update();
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static int[] fromDouble(double[] rank) {
        return Arrays.stream(rank).mapToInt(x -> Double.isNaN(x) ? 0 : (int) x).toArray();
    }

    /** 1 = highest score, ties share the lowest rank, a missing score has none (0) — the engine's rule for the index. */
    static int[] ranks(double[] scores) {
        int[] ranks = new int[scores.length];
        Integer[] order = java.util.stream.IntStream.range(0, scores.length).filter(i -> !Double.isNaN(scores[i])).boxed()
                .sorted((a, b) -> Double.compare(scores[b], scores[a])).toArray(Integer[]::new);
        for (int k = 0; k < order.length; k++) {
            ranks[order[k]] = k > 0 && scores[order[k]] == scores[order[k - 1]] ? ranks[order[k - 1]] : k + 1;
        }
        return ranks;
    }
}
