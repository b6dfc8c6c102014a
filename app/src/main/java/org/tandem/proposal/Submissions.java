package org.tandem.proposal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The immutable submitted versions. Rows are inserted, never updated or deleted. */
@Component
class Submissions {

    private final JdbcClient jdbc;

    Submissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Receipt> byIdempotencyKey(long proposalId, String key) {
        return jdbc.sql("select * from proposal_submission where proposal_id = ? and idempotency_key = ?")
                .params(proposalId, key).query(this::receipt).optional();
    }

    List<Receipt> of(long proposalId) {
        return jdbc.sql("select * from proposal_submission where proposal_id = ? order by number")
                .param(proposalId).query(this::receipt).list();
    }

    Receipt insert(long proposalId, String canonicalJson, String sha256, java.time.Instant received, long userId,
                   String idempotencyKey) {
        // PostgreSQL keeps microseconds: the receipt must show exactly what is stored.
        java.time.Instant at = received.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        // The row lock on the proposal (taken by the caller) serialises numbering per proposal.
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from proposal_submission where proposal_id = ?")
                .param(proposalId).query(Integer.class).single();
        jdbc.sql("""
                insert into proposal_submission (proposal_id, number, canonical, sha256, submitted_at, submitted_by, idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(proposalId, number, canonicalJson, sha256, Timestamp.from(at), userId, idempotencyKey).update();
        return new Receipt(proposalId, number, sha256, at);
    }

    private Receipt receipt(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Receipt(rs.getLong("proposal_id"), rs.getInt("number"), rs.getString("sha256"),
                rs.getTimestamp("submitted_at").toInstant());
    }
}
