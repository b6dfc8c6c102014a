package org.tandem.platform.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outgoing mail. Every message is written to the outbox in the caller's transaction, so a mail
 * exists exactly when the change it reports was stored. With no SMTP server configured the
 * outbox is the delivery: administrators read it at {@code /admin/outbox}.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.tandem.platform.TandemSettings settings;
    private final org.springframework.core.env.Environment env;

    Outbox(JdbcClient jdbc, Clock clock, org.tandem.platform.TandemSettings settings,
           org.springframework.core.env.Environment env) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.env = env;
    }

    /** TANDEM_BASE_URL, or this server's own port once it listens (it may have picked a free one). */
    private String baseUrl() {
        return MailLinks.base(settings.baseUrl(), env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
    }

    public record Message(long id, Instant createdAt, String recipient, String subject, String body, Instant sentAt) {
    }

    @Transactional
    public void send(String recipient, String subject, String body) {
        jdbc.sql("insert into mail_outbox (created_at, recipient, subject, body) values (?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), recipient, subject, MailLinks.absolute(body, baseUrl())).update();
    }

    @Transactional(readOnly = true)
    public List<Message> latest(int limit) {
        return jdbc.sql("select * from mail_outbox order by id desc limit ?").param(limit)
                .query((rs, i) -> new Message(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}
