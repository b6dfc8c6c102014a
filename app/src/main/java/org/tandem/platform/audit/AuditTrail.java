package org.tandem.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: every create, update and delete of programme data is recorded with its
 * before and after state. Recording joins the caller's transaction, so a change and its audit
 * record are stored together or not at all. Records form a hash chain ({@link AuditChain}).
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Linker linker = new Linker();

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.dataSource = dataSource;
        // Its own transactions, whatever the caller's propagation: the linker runs after commits.
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    private record Head(long seq, String hash, String before, String after) {
    }

    private record PendingKey(AuditTrail trail, Object connection) {
    }

    /** A record inserted by this transaction and linked into the chain just before it commits. */
    private record Pending(long id, Instant at, String actor, String entityType, String entityId, String action,
                           String before, String after) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String entityType, Object entityId, String action,
                       Map<String, ?> before, Map<String, ?> after) {
        String b = before == null ? null : json.writeValueAsString(before);
        String a = after == null ? null : json.writeValueAsString(after);
        // PostgreSQL keeps microseconds: hash what will be read back.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The states come back in jsonb's own text form, the form that is hashed and later read
        // back by verification.
        Pending row = jdbc.sql("""
                insert into audit_event (at, actor, entity_type, entity_id, action, before_state, after_state)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                returning id, before_state::text as b, after_state::text as a""")
                .params(Timestamp.from(at), actor, entityType, String.valueOf(entityId), action, b, a)
                .query((rs, i) -> new Pending(rs.getLong("id"), at, actor, entityType, String.valueOf(entityId), action,
                        rs.getString("b"), rs.getString("a")))
                .single();
        pendingOfThisTransaction().add(row);
    }

    /**
     * Linking waits for the end of the transaction: the chain head's row lock, which serialises
     * appends across nodes so that no two records claim the same predecessor, is then held only
     * for the few statements before the commit, not for the whole business transaction. When
     * another transaction holds it, this one does not wait: the lock lasts until that commit's
     * WAL flush, so waiting would queue every writer behind every other writer's fsync (at a
     * deadline surge that queue was most of a submission's time). Its records, stored with the
     * transaction all the same, are linked right after the commit by the node's linker, which
     * links everything pending in one short transaction.
     */
    @SuppressWarnings("unchecked")
    private List<Pending> pendingOfThisTransaction() {
        // Keyed by the transaction's connection: an inner REQUIRES_NEW transaction links its own
        // records when it commits, whatever becomes of the outer one.
        Object key = new PendingKey(this, TransactionSynchronizationManager.getResource(dataSource));
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            List<Pending> fresh = new java.util.ArrayList<>();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                private boolean deferred;

                @Override
                public void beforeCommit(boolean readOnly) {
                    deferred = !link(fresh);
                }

                @Override
                public void afterCommit() {
                    if (deferred) {
                        linker.request();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            pending = fresh;
        }
        return pending;
    }

    /** Links this transaction's records if the chain head is free; false when it was busy. */
    private boolean link(List<Pending> rows) {
        if (rows.isEmpty()) {
            return true;
        }
        List<Head> heads = jdbc.sql("select seq, hash from audit_chain_head where id = 1 for update skip locked")
                .query((rs, i) -> new Head(rs.getLong("seq"), rs.getString("hash"), null, null)).list();
        if (heads.isEmpty()) {
            return false;
        }
        Head head = heads.get(0);
        for (Pending r : rows) {
            head = append(new Head(head.seq(), head.hash(), r.before(), r.after()), r.at(), r.actor(), r.entityType(),
                    r.entityId(), r.action(), r.id());
        }
        rows.clear();
        return true;
    }

    /**
     * Links every committed record not linked yet, in id order, waiting for the chain head, in
     * batches of its own transactions. Safe on any number of nodes at once (the head lock orders
     * them); returns how many it linked.
     */
    public int linkPending() {
        int total = 0;
        while (true) {
            Integer linked = tx.execute(status -> {
                Head head = jdbc.sql("select seq, hash from audit_chain_head where id = 1 for update")
                        .query((rs, i) -> new Head(rs.getLong("seq"), rs.getString("hash"), null, null)).single();
                List<Object[]> rows = jdbc.sql("""
                        select id, at, actor, entity_type, entity_id, action, before_state::text as b, after_state::text as a
                        from audit_event where seq is null order by id limit ?""")
                        .param(LINK_BATCH)
                        .query((rs, i) -> new Object[] {rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                                rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"),
                                rs.getString("action"), rs.getString("b"), rs.getString("a")})
                        .list();
                for (Object[] r : rows) {
                    Head h = new Head(head.seq(), head.hash(), (String) r[6], (String) r[7]);
                    head = append(h, (Instant) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (Long) r[0]);
                }
                return rows.size();
            });
            total += linked == null ? 0 : linked;
            if (linked == null || linked < LINK_BATCH) {
                return total;
            }
        }
    }

    private static final int LINK_BATCH = 500;

    private Head append(Head head, Instant when, String actor, String entityType, String entityId, String action,
                        long existingId) {
        long seq = head.seq() + 1;
        // PostgreSQL keeps microseconds: hash what will be read back.
        Instant at = when.truncatedTo(ChronoUnit.MICROS);
        String hash = AuditChain.hash(head.hash(), seq, at, actor, entityType, entityId, action, head.before(), head.after());
        jdbc.sql("update audit_event set seq = ?, prev_hash = ?, hash = ? where id = ?")
                .params(seq, head.hash(), hash, existingId).update();
        jdbc.sql("update audit_chain_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
        if (seq % AuditChain.ANCHOR_EVERY == 0) {
            jdbc.sql("insert into audit_anchor (seq, hash, at) values (?, ?, ?)")
                    .params(seq, hash, Timestamp.from(clock.instant())).update();
        }
        return new Head(seq, hash, null, null);
    }

    /**
     * Records written before the chain existed (or by an older version), and records a node
     * committed but could not link before it stopped, are linked at start-up, so verification
     * covers the whole trail; then the node's linker starts.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void chainEarlierRecords() {
        int linked = linkPending();
        if (linked > 0) {
            log.info("Linked {} earlier audit records into the hash chain", linked);
        }
        linker.start();
    }

    /** Checks the whole chain; see {@link AuditChain#verify}. */
    public AuditChain.Verification verify() {
        try (var c = dataSource.getConnection()) {
            return AuditChain.verify(c);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    public record Anchor(long seq, String hash, Instant at) {
    }

    @Transactional(readOnly = true)
    public List<Anchor> anchors(int limit) {
        return jdbc.sql("select seq, hash, at from audit_anchor order by seq desc limit ?").param(limit)
                .query((rs, i) -> new Anchor(rs.getLong("seq"), rs.getString("hash"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public Anchor head() {
        return jdbc.sql("select seq, hash from audit_chain_head where id = 1")
                .query((rs, i) -> new Anchor(rs.getLong("seq"), rs.getString("hash"), null)).single();
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> history(String entityType, String entityId) {
        return jdbc.sql("""
                select id, at, actor, entity_type, entity_id, action,
                       before_state::text as b, after_state::text as a
                from audit_event where entity_type = ? and entity_id = ? order by at, id""")
                .params(entityType, entityId)
                .query((rs, i) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getString("action"), rs.getString("b"), rs.getString("a")))
                .list();
    }

    @jakarta.annotation.PreDestroy
    void stopLinker() {
        linker.stop();
    }

    /**
     * One thread per node that links deferred records: on request right after a deferring
     * commit (requests that arrive while it runs fold into one more pass), and every few seconds
     * in case a request was lost with a node that stopped between its commit and the link.
     */
    private final class Linker {
        private final java.util.concurrent.atomic.AtomicBoolean requested = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile java.util.concurrent.ScheduledExecutorService thread;

        synchronized void start() {
            if (thread != null) {
                return;
            }
            thread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "audit-linker");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(this::sweep, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        }

        void request() {
            var t = thread;
            if (t == null) {
                // Before start-up finished (demo data, migrations): start-up links them.
                return;
            }
            if (requested.compareAndSet(false, true)) {
                t.execute(this::run);
            }
        }

        private void run() {
            requested.set(false);
            try {
                linkPending();
            } catch (RuntimeException e) {
                log.warn("Linking audit records failed; the next pass retries: {}", e.getMessage());
            }
        }

        private void sweep() {
            try {
                Boolean any = jdbc.sql("select exists (select 1 from audit_event where seq is null)").query(Boolean.class)
                        .single();
                if (Boolean.TRUE.equals(any)) {
                    run();
                }
            } catch (RuntimeException e) {
                log.debug("audit sweep skipped: {}", e.getMessage());
            }
        }

        synchronized void stop() {
            if (thread != null) {
                thread.shutdownNow();
                thread = null;
            }
        }
    }
}
