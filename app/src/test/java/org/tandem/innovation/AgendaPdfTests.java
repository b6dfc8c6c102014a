package org.tandem.innovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.security.TandemUser;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** Each participant downloads their own agenda as a PDF, in their language. */
@TandemIntegrationTest
class AgendaPdfTests {

    @LocalServerPort int port;
    @Autowired Forums forums;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    static String text(byte[] pdf) throws Exception {
        return new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf)).getTextFromPage(1);
    }

    @Test
    void theAgendaPdfListsOnlyTheParticipantsOwnMeetingsInTheirLanguage() throws Exception {
        TandemUser staff = user("innovation");
        Forums.Forum forum = forums.create("PDF forum " + System.nanoTime(), "Novosibirsk Akademgorodok",
                List.of(new Forums.NewSlot(Instant.parse("2027-05-12T03:00:00Z"), 20, 3),
                        new Forums.NewSlot(Instant.parse("2027-05-12T03:20:00Z"), 20, 3)), staff);
        var a = forums.register(forum.id(), "Rice Cooperative", 2, user("enterprise.vn"));
        var b = forums.register(forum.id(), "Ural Light Metals", 2, user("enterprise.ru"));
        var c = forums.register(forum.id(), "Tomsk Polytechnic", 2, user("applicant.ru"));
        forums.wish(forum.id(), b.id(), 3, user("enterprise.vn"));
        forums.wish(forum.id(), c.id(), 2, user("enterprise.ru"));
        forums.computeAgenda(forum.id(), staff);

        WebSession vn = new WebSession(port).signIn("enterprise.vn", "demo");
        String vi = text(vn.getBytes("/innovation/forums/" + forum.id() + "/agenda.pdf?lang=vi"));
        assertThat(vi).contains("Lịch gặp của tôi").contains("Ural Light Metals").contains("Rice Cooperative")
                .doesNotContain("Tomsk Polytechnic");
        String ru = text(new WebSession(port).signIn("enterprise.ru", "demo")
                .getBytes("/innovation/forums/" + forum.id() + "/agenda.pdf?lang=ru"));
        assertThat(ru).contains("Моя программа встреч").contains("Rice Cooperative").contains("Tomsk Polytechnic");
        String en = text(new WebSession(port).signIn("applicant.ru", "demo")
                .getBytes("/innovation/forums/" + forum.id() + "/agenda.pdf?lang=en"));
        assertThat(en).contains("My agenda").contains("Ural Light Metals").doesNotContain("Rice Cooperative");
        // Someone not registered has no agenda to download.
        assertThatThrownBy(() -> new WebSession(port).signIn("expert.vn", "demo")
                .getBytes("/innovation/forums/" + forum.id() + "/agenda.pdf")).hasMessageContaining("404");
        assertThat(a.id()).isNotEqualTo(b.id());
    }
}
