package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.directory.Directory;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * Issue 11: every free-text box on every form has a limit the browser shows with a counter,
 * and the server refuses more with the field named, whatever the browser did.
 */
@TandemIntegrationTest
class FormLimitsTests {

    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b[^>]*>", Pattern.DOTALL);

    @LocalServerPort int port;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @Test
    void everyTextareaOfEveryTemplateHasALimitAndACounter() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEXTAREA.matcher(Files.readString(f));
                while (m.find()) {
                    String tag = m.group();
                    if (!tag.contains("maxlength") || !tag.contains("data-count")) {
                        missing.add(f.getFileName() + ": " + tag);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theServerRefusesOverlongProfilesAndCallTextsNamingTheField() {
        TandemUser expert = (TandemUser) users.loadUserByUsername("expert.vn");
        var before = directory.profileOf(expert.id()).orElseThrow();
        assertThatThrownBy(() -> directory.saveProfile(expert.id(), "expert.vn", new Directory.ProfileInput("x".repeat(201), null,
                null, "VN", List.of(), List.of("k".repeat(101)), null, null, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).contains("name", "keywords"));
        assertThat(directory.profileOf(expert.id()).orElseThrow().name()).isEqualTo(before.name());

        // The same through the page, in Vietnamese: the field's name and the limit are in the message.
        WebSession page = new WebSession(port).signIn("expert.vn", "demo");
        page.get("/profile", "vi");
        String refused = page.post("/profile", Map.of("name", "Lê Minh Tuấn", "nameLatin", "L".repeat(250), "country", "VN",
                "keywords", "giao thông"), "vi").body();
        assertThat(refused).contains("tối đa 200 ký tự");
        assertThat(directory.profileOf(expert.id()).orElseThrow().nameLatin()).isEqualTo(before.nameLatin());
        assertThat(page.get("/profile", "vi").body()).contains("maxlength=\"200\" data-count");

        // An officer's call text: 20 000 characters at most in each language.
        WebSession officer = new WebSession(port).signIn("officer.vn", "demo");
        long programme = jdbc.sql("select id from programme order by id limit 1").query(Long.class).single();
        String form = officer.get("/officer/calls/new?programme=" + programme, "en").body();
        assertThat(form).contains("maxlength=\"20000\" data-count");
    }
}
