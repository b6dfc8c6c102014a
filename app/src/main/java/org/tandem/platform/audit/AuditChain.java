package org.tandem.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain over the audit trail, without Spring so that {@code tandem.jar audit verify}
 * can check it with nothing but a connection.
 *
 * <p>The canonical serialisation is a fixed list of fields, each written as its length in UTF-8
 * bytes, a colon and the bytes (or {@code ~} for null), so no choice of values can make two
 * different records serialise alike. JSON states are hashed in PostgreSQL's own jsonb text form,
 * which is what the database gives back, whatever spacing or key order the writer used.
 */
public final class AuditChain {

    /** The predecessor of the first record. */
    public static final String GENESIS = "0".repeat(64);
    /** Every this many records the end of the chain is kept as an anchor. */
    public static final int ANCHOR_EVERY = 100;

    private AuditChain() {
    }

    public static String hash(String prevHash, long seq, Instant at, String actor, String entityType, String entityId,
                              String action, String before, String after) {
        StringBuilder b = new StringBuilder("tandem-audit-v1\n");
        for (String field : new String[] {prevHash, Long.toString(seq), at.toString(), actor, entityType, entityId,
                action, before, after}) {
            if (field == null) {
                b.append("~\n");
            } else {
                b.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome of checking the whole chain; {@code problem} names the first broken record. */
    /**
     * The outcome of a check. {@code pending} counts records written in the last
     * {@link #LINK_GRACE} and not linked yet: under contention a transaction leaves its records
     * to the linker instead of waiting for the chain head (see {@link AuditTrail}).
     */
    public record Verification(boolean intact, long records, String lastHash, Long firstBrokenSeq, String problem,
                               long pending) {
    }

    /** How long a record may wait for its link before an unlinked row counts as one added from outside. */
    public static final java.time.Duration LINK_GRACE = java.time.Duration.ofMinutes(10);

    /** Reads the trail in chain order (streaming: the trail may be long) and stops at the first break. */
    public static Verification verify(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // a cursor, not the whole table in memory
        try {
            long headSeq;
            String headHash;
            java.time.Instant checkedAt;
            try (var s = c.createStatement(); var rs = s.executeQuery("select now()")) {
                rs.next();
                checkedAt = rs.getTimestamp(1).toInstant();
            }
            try (var s = c.createStatement(); var rs = s.executeQuery("select seq, hash from audit_chain_head where id = 1")) {
                if (!rs.next()) {
                    return broken(0, GENESIS, 1L, "the chain head row is missing");
                }
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            Map<Long, String> anchors = new TreeMap<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("select seq, hash from audit_anchor")) {
                while (rs.next()) {
                    anchors.put(rs.getLong(1), rs.getString(2));
                }
            }
            long expected = 1;
            String prev = GENESIS;
            long pending = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    select id, seq, prev_hash, hash, at, actor, entity_type, entity_id, action,
                           before_state::text, after_state::text
                    from audit_event order by seq nulls last, id""")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        long seq = rs.getLong("seq");
                        if (rs.wasNull()) {
                            // Unlinked rows come last (nulls last); recent ones are waiting for the linker.
                            if (rs.getTimestamp("at").toInstant().isAfter(checkedAt.minus(LINK_GRACE))) {
                                pending++;
                                continue;
                            }
                            return broken(expected - 1, prev, expected, "audit_event id " + id
                                    + " is not part of the chain: a row added outside Tandem, or one a node could not link"
                                    + " before it stopped (starting Tandem links those)");
                        }
                        String what = describe(rs);
                        if (seq > headSeq) {
                            return broken(expected - 1, prev, seq, "record " + seq + " (" + what
                                    + ") lies beyond the chain head " + headSeq);
                        }
                        if (seq != expected) {
                            return broken(expected - 1, prev, expected, missing(expected, seq - 1));
                        }
                        String stored = rs.getString("hash");
                        String recomputed = hash(prev, seq, rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
                                rs.getString(10), rs.getString(11));
                        if (!prev.equals(rs.getString("prev_hash"))) {
                            // Its own hash may have been recomputed, but the link to the predecessor betrays it.
                            return broken(expected - 1, prev, seq, "record " + seq + " (" + what
                                    + ") was altered or replaced: it does not link to record " + (seq - 1));
                        }
                        if (!recomputed.equals(stored)) {
                            return broken(expected - 1, prev, seq, "record " + seq + " (" + what
                                    + ") was altered: its contents do not match its hash");
                        }
                        String anchor = anchors.get(seq);
                        if (anchor != null && !anchor.equals(stored)) {
                            return broken(expected - 1, prev, seq, "record " + seq + " (" + what
                                    + ") does not match the anchor kept for it: the chain was rewritten");
                        }
                        prev = stored;
                        expected++;
                    }
                }
            }
            long last = expected - 1;
            if (last < headSeq) {
                return broken(last, prev, last + 1, missing(last + 1, headSeq));
            }
            if (!prev.equals(headHash)) {
                return broken(last, prev, last, "record " + last + " does not match the chain head");
            }
            for (var a : anchors.entrySet()) {
                if (a.getKey() > last) {
                    return broken(last, prev, a.getKey(), "an anchor names record " + a.getKey()
                            + ", beyond the end of the trail");
                }
            }
            return new Verification(true, last, prev, null, null, pending);
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static String missing(long from, long to) {
        return from == to ? "record " + from + " is missing (deleted)"
                : "records " + from + " to " + to + " are missing (deleted)";
    }

    private static String describe(ResultSet rs) throws SQLException {
        return "audit_event id " + rs.getLong("id") + ", " + rs.getString("action") + " of "
                + rs.getString("entity_type") + " " + rs.getString("entity_id") + " by " + rs.getString("actor")
                + " at " + rs.getTimestamp("at").toInstant();
    }

    private static Verification broken(long checked, String lastHash, Long seq, String problem) {
        return new Verification(false, checked, lastHash, seq, problem, 0);
    }
}
