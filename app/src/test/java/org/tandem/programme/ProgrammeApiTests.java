package org.tandem.programme;

import org.tandem.demo.DemoProgramme;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.security.TandemUser;
import org.tandem.support.TandemIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TandemIntegrationTest
class ProgrammeApiTests {

    @LocalServerPort int port;
    @Autowired JsonMapper json;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired UserDetailsService users;

    HttpResponse<String> get(String path, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void programmesListTheDemoProgrammeWithItsParties() throws Exception {
        JsonNode list = json.readTree(get("/api/v1/programmes", "en").body());
        assertThat(list.isArray()).isTrue();
        JsonNode demo = null;
        for (JsonNode p : list) {
            if (p.get("code").asString().equals(org.tandem.demo.DemoProgramme.CODE)) {
                demo = p;
            }
        }
        assertThat(demo).isNotNull();
        assertThat(demo.get("name").asString()).isEqualTo("Vietnam–Russia Joint Research Programme 2026–2035");
        assertThat(demo.get("parties")).hasSize(2);
        assertThat(demo.get("parties").get(0).get("currency").asString()).isEqualTo("VND");
        assertThat(json.readTree(get("/api/v1/programmes/" + demo.get("id").asLong() + "/plans", "en").body()))
                .hasSize(10);
    }

    @Test
    void callsAreListedWithIsoInstantsAndDraftsAreNot() throws Exception {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        Call draft = calls.draft(p.getId(), CallWorkflowTests.validInput(p, "API draft"),
                (TandemUser) users.loadUserByUsername("officer.vn"));

        HttpResponse<String> r = get("/api/v1/calls", "en");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(r.body());
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode c : list) {
            assertThat(c.has("id") && c.has("programmeId") && c.has("title") && c.has("status")).isTrue();
            assertThat(Instant.parse(c.get("opensAt").asString())).isBefore(Instant.parse(c.get("closesAt").asString()));
            assertThat(c.get("id").asLong()).isNotEqualTo(draft.getId());
        }
        assertThat(list.findValuesAsString("status")).contains("OPEN", "PUBLISHED");
    }

    @Test
    void errorsAreJsonWithAStableCodeAndAMessageInTheCallersLanguage() throws Exception {
        HttpResponse<String> r = get("/api/v1/calls/999999", "ru");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode error = json.readTree(r.body());
        assertThat(error.get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(error.get("message").asString()).isEqualTo("Страница не существует или недоступна вам.");
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        HttpResponse<String> r = get("/v3/api-docs", "en");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(r.body()).get("paths");
        assertThat(paths.has("/api/v1/calls")).isTrue();
        assertThat(paths.has("/api/v1/programmes")).isTrue();
    }

    @Test
    void healthIsUp() throws Exception {
        assertThat(get("/actuator/health", "en").body()).contains("\"status\":\"UP\"");
    }
}
