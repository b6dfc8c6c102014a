package org.tandem.platform.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.jobs.ClusterScheduled;

/**
 * Delivers the outbox through SMTP when one is configured ({@code spring.mail.host}). Pending
 * messages are claimed with {@code for update skip locked}, so several nodes can run this job
 * without sending a message twice; a failure is recorded and retried up to {@value #MAX_ATTEMPTS}
 * times. Without SMTP, nothing runs and the outbox page is the delivery.
 */
@Component
class MailDelivery {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;

    MailDelivery(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, Clock clock,
                 @org.springframework.beans.factory.annotation.Value("${tandem.mail.from:tandem@localhost}") String from) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
    }

    record Pending(long id, String recipient, String subject, String body) {
    }

    @ClusterScheduled(name = "mail-delivery", fixedDelay = "${tandem.mail.interval:PT5S}")
    @Transactional
    public void deliver() {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return;
        }
        List<Pending> batch = jdbc.sql("""
                select id, recipient, subject, body from mail_outbox
                where sent_at is null and attempts < ? order by id limit 50 for update skip locked""")
                .param(MAX_ATTEMPTS)
                .query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"))).list();
        for (Pending m : batch) {
            try {
                SimpleMailMessage mail = new SimpleMailMessage();
                mail.setFrom(from);
                mail.setTo(m.recipient());
                mail.setSubject(m.subject());
                mail.setText(m.body());
                smtp.send(mail);
                jdbc.sql("update mail_outbox set sent_at = ?, attempts = attempts + 1, error = null where id = ?")
                        .params(Timestamp.from(clock.instant()), m.id()).update();
            } catch (MailException e) {
                log.warn("Mail {} to {} not delivered: {}", m.id(), m.recipient(), e.getMessage());
                jdbc.sql("update mail_outbox set attempts = attempts + 1, error = ? where id = ?")
                        .params(String.valueOf(e.getMessage()), m.id()).update();
            }
        }
    }
}
