package org.tandem.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.platform.ops.Operations;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** The hash chain detects an edited and a deleted record, on the admin page and with {@code audit verify}. */
@TandemIntegrationTest
class AuditChainTests {

    @Autowired AuditTrail audit;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @LocalServerPort int port;

    private record Cli(int exit, String out) {
    }

    private static Cli auditVerify() {
        var buf = new ByteArrayOutputStream();
        var out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int exit = Operations.run(new String[] {"audit", "verify", "--tandem.data-dir=target/test-data"}, out, out);
        return new Cli(exit, buf.toString(StandardCharsets.UTF_8));
    }

    /** One record in its own transaction, linked before this returns (the linker may have taken it). */
    private void record(String what) {
        tx.executeWithoutResult(s -> audit.record("tester", "Chain", what, "create", null, Map.of("n", what, "ok", true)));
        audit.linkPending();
    }

    @Test
    void concurrentWritersExtendOneChainWithoutGaps() throws Exception {
        long before = audit.head().seq();
        var pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit((Callable<Void>) () -> {
                for (int i = 0; i < 25; i++) {
                    String what = thread + "-" + i;
                    tx.executeWithoutResult(st -> audit.record("tester", "Chain", what, "create", null, Map.of("n", what)));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        // Writers that found the head busy left their records to the node's linker, which runs
        // by itself right after their commits.
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (audit.head().seq() < before + 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(audit.head().seq()).isEqualTo(before + 200);
        AuditChain.Verification v = audit.verify();
        assertThat(v.problem()).isNull();
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(audit.head().seq());
        // An anchor every ANCHOR_EVERY records: 200 appends cross at least one boundary.
        assertThat(audit.anchors(10)).isNotEmpty();
        assertThat(audit.anchors(10).get(0).seq() % AuditChain.ANCHOR_EVERY).isZero();
    }

    @Test
    void aWriterDoesNotWaitForABusyChainHeadAndItsRecordIsLinkedAfterwards() throws Exception {
        audit.linkPending();
        long before = audit.head().seq();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().executeQuery("select seq from audit_chain_head where id = 1 for update").close();
            // Committed while another transaction holds the head: stored, not linked, not blocked.
            tx.executeWithoutResult(st -> audit.record("tester", "Chain", "while-busy", "create", null, Map.of("n", 1)));
            assertThat(jdbc.sql("select count(*) from audit_event where entity_id = 'while-busy' and seq is null")
                    .query(Integer.class).single()).isEqualTo(1);
            try (Connection reader = dataSource.getConnection()) {
                AuditChain.Verification v = AuditChain.verify(reader);
                assertThat(v.intact()).isTrue();
                assertThat(v.pending()).isGreaterThanOrEqualTo(1);
            }
            holder.rollback();
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (jdbc.sql("select count(*) from audit_event where entity_id = 'while-busy' and seq is null")
                .query(Integer.class).single() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(jdbc.sql("select seq from audit_event where entity_id = 'while-busy'").query(Long.class).single())
                .isGreaterThan(before);
        AuditChain.Verification v = audit.verify();
        assertThat(v.intact()).isTrue();
    }

    @Test
    void anEditedRecordIsNamed() throws Exception {
        record("edit-me");
        long seq = audit.head().seq();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("update audit_event set after_state = '{\"n\": \"edited\"}' where seq = " + seq);
            // verify() rolls its connection back, which also undoes the edit.
            AuditChain.Verification v = AuditChain.verify(c);
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.problem()).contains("record " + seq).contains("altered");
        }
        // Recomputing the row's own hash does not help: its successor's link betrays it.
        record("after-edit");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            var ps = c.prepareStatement("update audit_event set actor = 'mallory', hash = ? where seq = ?");
            ps.setString(1, "f".repeat(64));
            ps.setLong(2, seq);
            ps.executeUpdate();
            AuditChain.Verification v = AuditChain.verify(c);
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void auditVerifyExitsOneNamingAnEditedOrDeletedRecordAndZeroWhenIntact() {
        record("cli-1");
        record("cli-2");
        record("cli-3");
        long seq = audit.head().seq() - 1;
        assertThat(auditVerify().exit()).isEqualTo(0);

        String actor = jdbc.sql("select actor from audit_event where seq = ?").param(seq).query(String.class).single();
        jdbc.sql("update audit_event set actor = 'mallory' where seq = ?").param(seq).update();
        try {
            Cli edited = auditVerify();
            assertThat(edited.exit()).isEqualTo(1);
            assertThat(edited.out()).contains("BROKEN at record " + seq).contains("altered");
        } finally {
            jdbc.sql("update audit_event set actor = ? where seq = ?").params(actor, seq).update();
        }
        assertThat(auditVerify().exit()).isEqualTo(0);

        // Delete, then put the very same row back.
        Map<String, Object> row = jdbc.sql("select * from audit_event where seq = ?").param(seq).query().singleRow();
        jdbc.sql("delete from audit_event where seq = ?").param(seq).update();
        try {
            Cli deleted = auditVerify();
            assertThat(deleted.exit()).isEqualTo(1);
            assertThat(deleted.out()).contains("record " + seq + " is missing");
            // The page administrators read says the same.
            String page = new WebSession(port).signIn("admin", "demo").get("/admin/audit").body();
            assertThat(page).contains("audit-broken").contains("record " + seq + " is missing");
        } finally {
            jdbc.sql("""
                    insert into audit_event (id, at, actor, entity_type, entity_id, action, before_state, after_state,
                                             seq, prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?)""")
                    .params(row.get("id"), row.get("at"), row.get("actor"), row.get("entity_type"), row.get("entity_id"),
                            row.get("action"), row.get("before_state") == null ? null : row.get("before_state").toString(),
                            row.get("after_state") == null ? null : row.get("after_state").toString(),
                            row.get("seq"), row.get("prev_hash"), row.get("hash"))
                    .update();
        }
        assertThat(auditVerify().exit()).isEqualTo(0);
        String page = new WebSession(port).signIn("admin", "demo").get("/admin/audit").body();
        assertThat(page).contains("audit-intact");
    }

    @Test
    void deletingTheLatestRecordIsDetectedThroughTheHead() throws Exception {
        record("last");
        long seq = audit.head().seq();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("delete from audit_event where seq = " + seq);
            AuditChain.Verification v = AuditChain.verify(c);
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("record " + seq + " is missing");
        }
    }
}
