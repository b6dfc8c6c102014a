package org.tandem.proposal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads attachment rows; shared by {@link Attachments} and {@link Proposals} (eligibility, receipts). */
@Component
class AttachmentRows {

    private final JdbcClient jdbc;

    AttachmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Attachment> of(long proposalId) {
        return jdbc.sql("select * from proposal_attachment where proposal_id = ? order by id").param(proposalId)
                .query((rs, i) -> new Attachment(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("file_name"),
                        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }
}
