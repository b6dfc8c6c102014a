package org.tandem.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** Required fields and length limits hold on the server when the browser's checks are bypassed. */
@TandemIntegrationTest
class ProposalLimitsTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired JdbcClient jdbc;

    long openCall() {
        return calls.openAndUpcoming().stream().filter(c -> c.status(calls.now()) == CallStatus.OPEN)
                .filter(c -> c.getTitle().getEn().startsWith("Joint call 2026")).findFirst().orElseThrow().getId();
    }

    long count() {
        return jdbc.sql("select count(*) from proposal").query(Long.class).single();
    }

    @Test
    void theApiRefusesAnEmptyAcronymNamingTheFieldInTheCallersLanguage() {
        ApiClient vn = new ApiClient(port).signIn("applicant.vn");
        long before = count();
        var r = vn.post("/api/v1/calls/" + openCall() + "/proposals",
                Map.of("acronym", "  ", "title", "A title", "abstract", "x"), Map.of("Accept-Language", "vi"));
        assertThat(r.status()).isEqualTo(422);
        var problem = r.json().get("problems").get(0);
        assertThat(problem.get("field").asString()).isEqualTo("acronym");
        assertThat(problem.get("message").asString()).contains("Tên viết tắt");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void tenThousandCharactersOfAbstractAreRefusedWithTheLimitInTheReadersNumbers() {
        ApiClient vn = new ApiClient(port).signIn("applicant.vn");
        long before = count();
        var body = new HashMap<String, Object>(Map.of("acronym", "LONG", "title", "Long", "abstract", "a".repeat(10_000)));
        var r = vn.post("/api/v1/calls/" + openCall() + "/proposals", body, Map.of("Accept-Language", "ru"));
        assertThat(r.status()).isEqualTo(422);
        var problem = r.json().get("problems").get(0);
        assertThat(problem.get("field").asString()).isEqualTo("abstract");
        // Russian groups thousands with a (non-breaking) space.
        assertThat(problem.get("message").asString()).contains("Аннотация").containsPattern("5[\\s\\u00a0\\u202f]000").containsPattern("10[\\s\\u00a0\\u202f]000");
        assertThat(count()).isEqualTo(before);

        body.put("abstract", "a".repeat(ProposalLimits.ABSTRACT));
        assertThat(vn.post("/api/v1/calls/" + openCall() + "/proposals", body, Map.of()).status()).isEqualTo(201);
    }

    @Test
    void theStartFormRefusesAnEmptyAcronymWhenTheBrowsersRequiredIsBypassed() {
        WebSession vn = new WebSession(port).signIn("applicant.vn", "demo");
        long call = openCall();
        vn.get("/calls/" + call, "ru");
        long before = count();
        var r = vn.post("/proposals/new?call=" + call, Map.of("acronym", "", "title", "Без акронима"), "ru");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/calls/" + call);
        assertThat(count()).isEqualTo(before);
        assertThat(vn.get("/calls/" + call, "ru").body()).contains("Акроним");
    }

    @Test
    void theProposalFormShowsTheProblemBesideTheFieldAndKeepsTheStoredAcronym() {
        ApiClient api = new ApiClient(port).signIn("applicant.vn");
        var created = api.post("/api/v1/calls/" + openCall() + "/proposals",
                Map.of("acronym", "KEEP", "title", "Kept", "abstract", "x"), Map.of());
        long id = created.json().get("id").asLong();
        long version = created.json().get("version").asLong();
        WebSession vn = new WebSession(port).signIn("applicant.vn", "demo");
        vn.get("/proposals/" + id, "vi");
        var r = vn.post("/proposals/" + id, Map.of("version", String.valueOf(version), "acronym", "",
                "title", "Kept", "workPlan", "w".repeat(ProposalLimits.WORK_PLAN + 1)), "vi");
        assertThat(r.body()).contains("Tên viết tắt").contains("Kế hoạch");
        assertThat(jdbc.sql("select acronym from proposal where id = ?").param(id).query(String.class).single())
                .isEqualTo("KEEP");
    }
}
