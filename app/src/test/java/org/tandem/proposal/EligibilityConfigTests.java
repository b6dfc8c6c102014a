package org.tandem.proposal;

import org.tandem.demo.DemoProposals;
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
import org.tandem.demo.DemoProgramme;
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
                .isEqualTo("The agency in Vietnam asks for the title and abstract in its national language too.");
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

    @Test
    void aPiLeadsOnlyAsManyProposalsAsTheirAgencyAllowsAndOnlyInTheCallsFields() {
        Call call = ownCall();
        ApiClient applicant = new ApiClient(port).signIn("applicant.ru");
        long first = applicant.post("/api/v1/calls/" + call.getId() + "/proposals",
                Map.of("acronym", "ONE", "title", "One", "abstract", "One"), Map.of()).json().get("id").asLong();
        assertThat(new ApiClient(port).signIn("officer.ru").put("/api/v1/calls/" + call.getId() + "/eligibility-rules",
                Map.of("rule", "PROPOSALS_PER_PI", "party", "RU", "enabled", true, "param", 1), Map.of()).status())
                .isEqualTo(200);
        assertThat(check(applicant.get("/api/v1/proposals/" + first + "/eligibility").json(), "PROPOSALS_PER_PI", "RU")
                .get("passed").asBoolean()).isTrue();
        long second = applicant.post("/api/v1/calls/" + call.getId() + "/proposals",
                Map.of("acronym", "TWO", "title", "Two", "abstract", "Two"), Map.of()).json().get("id").asLong();
        JsonNode e = applicant.get("/api/v1/proposals/" + second + "/eligibility").json();
        assertThat(check(e, "PROPOSALS_PER_PI", "RU").get("message").asString())
                .isEqualTo("The principal investigator in Russia leads more than 1 proposal(s) in this call.");

        var read = applicant.get("/api/v1/proposals/" + second);
        ObjectNode body = (ObjectNode) read.json().deepCopy();
        body.putArray("fields").add("LIFE");
        applicant.put("/api/v1/proposals/" + second, body, Map.of("If-Match", read.etag()));
        assertThat(check(applicant.get("/api/v1/proposals/" + second + "/eligibility").json(), "FIELDS_IN_CALL", null)
                .get("passed").asBoolean()).isFalse();
    }

    @Test
    void officersSetTheAttachmentLimitOfTheirCall() {
        Call call = ownCall();
        var officer = new org.tandem.support.WebSession(port).signIn("officer.vn", "demo");
        officer.get("/officer/calls/" + call.getId());
        assertThat(officer.post("/officer/calls/" + call.getId() + "/attachment-limit", Map.of("megabytes", "1"), "en")
                .status()).isEqualTo(302);
        assertThat(calls.get(call.getId()).getMaxAttachmentMb()).isEqualTo(1);
        ApiClient applicant = new ApiClient(port).signIn("applicant.vn");
        long id = applicant.post("/api/v1/calls/" + call.getId() + "/proposals",
                Map.of("acronym", "BIG", "title", "Big", "abstract", "Big"), Map.of()).json().get("id").asLong();
        byte[] twoMb = new byte[2 * 1024 * 1024];
        System.arraycopy(ProposalApiTests.samplePdf(), 0, twoMb, 0, ProposalApiTests.samplePdf().length);
        var r = applicant.upload("/api/v1/proposals/" + id + "/attachments", "two.pdf", twoMb);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("problems").get(0).get("message").asString()).contains("limit of 1 MB");
    }
}
