package org.tandem.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

@TandemIntegrationTest
class DirectoryTests {

    @LocalServerPort int port;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;

    @Test
    void partnerSearchFindsResearchersOfTheOtherCountryInAnyScript() {
        var fromVietnam = directory.searchPartners("Ivanov", null, null, null, "VN", 10);
        assertThat(fromVietnam).extracting(m -> m.person().name()).first().isEqualTo("Сергей Иванов");
        assertThat(fromVietnam).allMatch(m -> m.person().country().equals("RU"));

        var fromRussia = directory.searchPartners("Nguyen", null, null, null, "RU", 10);
        assertThat(fromRussia).extracting(m -> m.person().name()).contains("Nguyễn Văn An");

        var byTopic = directory.searchPartners("catalysis hydrogen", null, Directory.OrganisationType.RESEARCH_INSTITUTE,
                null, "VN", 10);
        assertThat(byTopic).extracting(m -> m.person().name()).first().isEqualTo("Иванова Светлана Петровна");
        assertThat(directory.searchPartners("Novosibirsk", null, null, null, "VN", 10))
                .extracting(m -> m.person().name()).contains("Сергей Иванов");
    }

    @Test
    void aResearcherRegistersConfirmsByMailAndThenSignsIn() {
        WebSession visitor = new WebSession(port);
        visitor.get("/register?lang=ru", "ru");
        var bad = visitor.post("/register", Map.of("username", "x", "displayName", "", "email", "", "password", "1",
                "country", "VN"), "ru");
        assertThat(bad.body()).contains("Обязательное поле.");

        var ok = visitor.post("/register", Map.of("username", "nguyen.thi.mai", "displayName", "Nguyễn Thị Mai",
                "email", "mai@example.vn", "password", "a-long-password", "country", "VN"), "vi");
        assertThat(ok.location()).contains("/register?sent");
        // Not confirmed yet: the account exists but cannot sign in.
        WebSession early = new WebSession(port);
        early.get("/login");
        assertThat(early.post("/login", Map.of("username", "nguyen.thi.mai", "password", "a-long-password"), "en")
                .location()).endsWith("/login?disabled");

        String body = jdbc.sql("select body from mail_outbox where recipient = ? order by id desc limit 1")
                .param("mai@example.vn").query(String.class).single();
        String link = body.replaceAll("(?s).*(/register/confirm/[A-Za-z0-9_-]+).*", "$1");
        assertThat(new WebSession(port).get(link).location()).contains("/login?confirmed");

        WebSession mai = new WebSession(port).signIn("nguyen.thi.mai", "a-long-password");
        assertThat(mai.get("/partners?q=Ivanov").body()).contains("Сергей Иванов");
        assertThat(mai.get("/profile").body()).contains("Nguyễn Thị Mai");
        // A confirmation link works once.
        assertThat(new WebSession(port).get(link).location()).contains("/register");
    }

    @Test
    void aContactRequestIsMailedWithoutRevealingTheAddress() {
        WebSession vn = new WebSession(port).signIn("applicant.vn", "demo");
        long ivanov = directory.searchPartners("Ivanov Sergei", null, null, null, "VN", 1).get(0).person().id();
        String page = vn.get("/partners?q=Ivanov").body();
        assertThat(page).doesNotContain("applicant.ru@demo.tandem.example");
        vn.post("/partners/" + ivanov + "/contact", Map.of("message", "Would you like to apply together?"), "en");
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and body like ?")
                .params("applicant.ru@demo.tandem.example", "%apply together%").query(Integer.class).single()).isEqualTo(1);
    }
}
