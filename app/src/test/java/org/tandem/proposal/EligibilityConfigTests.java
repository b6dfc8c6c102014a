package org.tandem.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.DemoProgramme;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Each agency chooses its own rules for its own team; the checklist follows at once. */
@TandemIntegrationTest
class EligibilityConfigTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;

    Call ownCall() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        Instant now = Instant.now();
        return calls.createApproved(p.getId(), new CallInput(2026, new LocalizedText("Rules call", "Rules", "Rules"),
                new LocalizedText("t", "t", "t"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)), 24, 36,
                Set.of("AI"), List.of(new CallBudget(p.partyByCode("VN").orElseThrow().getId(), new BigDecimal("10000000000"),
                new BigDecimal("3000000000"), "VND"), new CallBudget(p.partyByCode("RU").orElseThrow().getId(),
                new BigDecimal("100000000"), new BigDecimal("15000000"), "RUB"))), "test");
    }

    static JsonNode check(JsonNode eligibility, String rule, String party) {
        for (JsonNode c : eligibility.get("checks")) {
            if (c.get("rule").asString().equals(rule) && (party == null || party.equals(c.get("party").asString()))) {
                return c;
            }
        }
        return null;
    }

    @Test
    void partyRulesAreSetByThatPartysOfficersAndShowInTheChecklist() {
        Call call = ownCall();
        ApiClient vnOfficer = new ApiClient(port).signIn("officer.vn");
        ApiClient applicant = new ApiClient(port).signIn("applicant.vn");
        var created = applicant.post("/api/v1/calls/" + call.getId() + "/proposals",
                Map.of("acronym", "RULES", "title", "Rules", "abstract", "Rules"), Map.of());
        long id = created.json().get("id").asLong();
        assertThat(check(applicant.get("/api/v1/proposals/" + id + "/eligibility").json(), "PI_DOCTORATE", "VN")).isNull();

        assertThat(vnOfficer.put("/api/v1/calls/" + call.getId() + "/eligibility-rules",
                Map.of("rule", "NATIONAL_VERSION", "party", "RU", "enabled", true), Map.of()).status()).isEqualTo(403);
        assertThat(vnOfficer.put("/api/v1/calls/" + call.getId() + "/eligibility-rules",
                Map.of("rule", "PI_DOCTORATE", "party", "VN", "enabled", true), Map.of()).status()).isEqualTo(200);
        assertThat(vnOfficer.put("/api/v1/calls/" + call.getId() + "/eligibility-rules",
                Map.of("rule", "NATIONAL_VERSION", "party", "VN", "enabled", true), Map.of()).status()).isEqualTo(200);

        JsonNode e = applicant.get("/api/v1/proposals/" + id + "/eligibility").json();
        // The demo applicant's profile states a doctorate; the Vietnamese version is still missing.
        assertThat(check(e, "PI_DOCTORATE", "VN").get("passed").asBoolean()).isTrue();
        assertThat(check(e, "NATIONAL_VERSION", "VN").get("passed").asBoolean()).isFalse();
        assertThat(check(e, "NATIONAL_VERSION", "VN").get("message").asString())
                .isEqualTo("The VN agency asks for the title and abstract in its national language too.");
        assertThat(check(e, "NATIONAL_VERSION", "RU")).isNull();

        var read = applicant.get("/api/v1/proposals/" + id);
        ObjectNode body = (ObjectNode) read.json().deepCopy();
        body.put("titleVi", "Quy tắc").put("abstractVi", "Tóm tắt bằng tiếng Việt");
        assertThat(applicant.put("/api/v1/proposals/" + id, body, Map.of("If-Match", read.etag())).status()).isEqualTo(200);
        assertThat(check(applicant.get("/api/v1/proposals/" + id + "/eligibility").json(), "NATIONAL_VERSION", "VN")
                .get("passed").asBoolean()).isTrue();
    }

    @Test
    void rulesCannotChangeAfterTheDeadline() {
        Call pilot = calls.publicCalls().stream().filter(c -> DemoProposals.PILOT_TITLE.equals(c.getTitle().getEn()))
                .findFirst().orElseThrow();
        var r = new ApiClient(port).signIn("officer.vn").put("/api/v1/calls/" + pilot.getId() + "/eligibility-rules",
                Map.of("rule", "PI_DOCTORATE", "party", "VN", "enabled", true), Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("CALL_CLOSED");
    }
}
