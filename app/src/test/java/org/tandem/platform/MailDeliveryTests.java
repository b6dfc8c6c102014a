package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.platform.mail.Outbox;
import org.tandem.support.TandemIntegrationTest;

/** Mail goes out through a real SMTP server (GreenMail) and the outbox records the delivery. */
@TandemIntegrationTest
class MailDeliveryTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;

    @Test
    void outboxMessagesAreDeliveredBySmtpAndMarkedSent() throws Exception {
        String subject = "Tandem test " + System.nanoTime();
        outbox.send("pi@example.vn", subject, "Xin chào — Здравствуйте");
        long deadline = System.currentTimeMillis() + 20_000;
        MimeMessage found = null;
        while (found == null && System.currentTimeMillis() < deadline) {
            smtp.waitForIncomingEmail(1000, 1);
            found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return subject.equals(m.getSubject());
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElse(null);
        }
        assertThat(found).isNotNull();
        assertThat(found.getAllRecipients()[0].toString()).isEqualTo("pi@example.vn");
        assertThat(((String) found.getContent()).strip()).isEqualTo("Xin chào — Здравствуйте");
        // The delivery job marks the message sent when its transaction commits, just after SMTP accepted it.
        boolean sent = false;
        while (!sent && System.currentTimeMillis() < deadline + 5_000) {
            sent = jdbc.sql("select sent_at is not null from mail_outbox where subject = ?").param(subject)
                    .query(Boolean.class).single();
            if (!sent) {
                Thread.sleep(100);
            }
        }
        assertThat(sent).isTrue();
    }
}
