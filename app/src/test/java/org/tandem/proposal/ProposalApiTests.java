package org.tandem.proposal;

import org.tandem.demo.DemoProposals;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.demo.DemoProgramme;
import org.tandem.programme.Programmes;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The system-to-system proposal API, rule by rule. */
@TandemIntegrationTest
class ProposalApiTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired Proposals proposals;
    @Autowired org.tandem.proposal.ProposalSubmissions submissions;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    long openCall() {
        return calls.openAndUpcoming().stream().filter(c -> c.status(calls.now()) == CallStatus.OPEN)
                .filter(c -> c.getTitle().getEn().startsWith("Joint call 2026"))
                .findFirst().orElseThrow().getId();
    }

    Call pilotCall() {
        return calls.publicCalls().stream().filter(c -> DemoProposals.PILOT_TITLE.equals(c.getTitle().getEn()))
                .findFirst().orElseThrow();
    }

    ApiClient as(String user) {
        return new ApiClient(port).signIn(user);
    }

    long create(ApiClient client, String acronym) {
        var r = client.post("/api/v1/calls/" + openCall() + "/proposals",
                Map.of("acronym", acronym, "title", "Title of " + acronym, "abstract", "Abstract of " + acronym), Map.of());
        assertThat(r.status()).as(String.valueOf(r.json())).isEqualTo(201);
        assertThat(r.json().get("version").asLong()).isGreaterThanOrEqualTo(0);
        return r.json().get("id").asLong();
    }

    String inviteToken(long proposalId) {
        String body = jdbc.sql("select body from mail_outbox where body like ? order by id desc limit 1")
                .param("%/invitations/%").query(String.class).single();
        return body.replaceAll("(?s).*/invitations/([A-Za-z0-9_-]+).*", "$1");
    }

    /** Fills in everything the rules ask for, as the body returned by GET with changes. */
    ObjectNode complete(JsonNode proposal, String party, String host, long budget) {
        ObjectNode body = (ObjectNode) proposal.deepCopy();
        body.put("durationMonths", 36);
        body.put("workPlan", "WP1 data, WP2 models, WP3 validation");
        body.putArray("keywords").add("graph neural networks").add("catalysis");
        body.putArray("fields").add("AI");
        for (JsonNode t : body.get("teams")) {
            if (t.get("party").asString().equals(party)) {
                ObjectNode team = (ObjectNode) t;
                team.put("hostOrganisation", host);
                team.put("internalNotes", "secret notes of " + party);
                ArrayNode lines = team.putArray("budget");
                lines.addObject().put("year", 1).put("category", "personnel").put("amount", budget);
            }
        }
        return body;
    }

    @Test
    void tokensAreIssuedOnlyForTheRightPassword() {
        var bad = new ApiClient(port).post("/api/v1/auth/token", Map.of("username", "officer.vn", "password", "nope"), Map.of());
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().get("code").asString()).isEqualTo("BAD_CREDENTIALS");
        var unauthenticated = new ApiClient(port).post("/api/v1/calls/" + openCall() + "/proposals",
                Map.of("acronym", "X", "title", "X", "abstract", "X"), Map.of());
        assertThat(unauthenticated.status()).isEqualTo(401);
    }

    @Test
    void theWholeJointProposalFromDraftToReceipt() throws Exception {
        ApiClient vn = as("applicant.vn");
        ApiClient ru = as("applicant.ru");
        long id = create(vn, "GRAPHAI");

        // Not yet invited: for the other party's applicant the draft does not exist.
        assertThat(ru.get("/api/v1/proposals/" + id).status()).isEqualTo(404);
        assertThat(as("expert.ru").get("/api/v1/proposals/" + id).status()).isEqualTo(404);
        assertThat(as("officer.ru").get("/api/v1/proposals/" + id).status()).isEqualTo(200);

        var elig = vn.get("/api/v1/proposals/" + id + "/eligibility");
        assertThat(elig.json().get("eligible").asBoolean()).isFalse();
        assertThat(elig.json().get("checks").findValuesAsString("rule")).contains("TEAM_COMPLETE", "BUDGET_WITHIN_CAP");

        var submitTooEarly = vn.post("/api/v1/proposals/" + id + "/submit", Map.of(), Map.of("Idempotency-Key", "early"));
        assertThat(submitTooEarly.status()).isEqualTo(422);
        assertThat(submitTooEarly.json().get("code").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(submitTooEarly.json().get("checks").size()).isGreaterThan(0);

        assertThat(vn.post("/api/v1/proposals/" + id + "/invitations",
                Map.of("party", "RU", "email", "applicant.ru@demo.tandem.example"), Map.of()).status()).isEqualTo(202);
        assertThat(ru.post("/api/v1/invitations/" + inviteToken(id) + "/accept", Map.of(), Map.of()).status()).isEqualTo(200);

        var read = vn.get("/api/v1/proposals/" + id);
        long v0 = read.json().get("version").asLong();
        var vnEdit = vn.put("/api/v1/proposals/" + id, complete(read.json(), "VN", "VAST", 2_500_000_000L),
                Map.of("If-Match", "\"" + v0 + "\""));
        assertThat(vnEdit.status()).as(String.valueOf(vnEdit.json())).isEqualTo(200);

        // The Russian PI still holds the version read before: refused, nothing overwritten.
        var stale = ru.put("/api/v1/proposals/" + id, complete(read.json(), "RU", "NSU", 10_000_000L),
                Map.of("If-Match", String.valueOf(v0)));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asString()).isEqualTo("STALE_VERSION");
        assertThat(ru.put("/api/v1/proposals/" + id, complete(read.json(), "RU", "NSU", 10_000_000L), Map.of())
                .status()).isEqualTo(428);

        var fresh = ru.get("/api/v1/proposals/" + id);
        assertThat(fresh.json().get("keywords").size()).isEqualTo(2);
        // Each side's internal notes stay with that side (and its own officers).
        assertThat(fresh.json().get("teams").get(0).has("internalNotes")).isFalse();
        var ruEdit = ru.put("/api/v1/proposals/" + id, complete(fresh.json(), "RU", "NSU", 10_000_000L),
                Map.of("If-Match", fresh.etag()));
        assertThat(ruEdit.status()).isEqualTo(200);
        assertThat(as("officer.vn").get("/api/v1/proposals/" + id).json().get("teams").get(0)
                .get("internalNotes").asString()).isEqualTo("secret notes of VN");
        assertThat(as("officer.ru").get("/api/v1/proposals/" + id).json().get("teams").get(0)
                .has("internalNotes")).isFalse();
        assertThat(vn.get("/api/v1/proposals/" + id).json().get("teams").get(0).get("internalNotes").asString())
                .isEqualTo("secret notes of VN");

        assertThat(vn.get("/api/v1/proposals/" + id + "/eligibility").json().get("eligible").asBoolean()).isFalse();
        var pdf = vn.upload("/api/v1/proposals/" + id + "/attachments", "description.pdf", samplePdf());
        assertThat(pdf.status()).isEqualTo(201);
        assertThat(pdf.json().get("sha256").asString()).isEqualTo(org.tandem.platform.Hashes.sha256(samplePdf()));
        assertThat(vn.get("/api/v1/proposals/" + id + "/eligibility").json().get("eligible").asBoolean()).isTrue();
        var first = vn.post("/api/v1/proposals/" + id + "/submit", Map.of(), Map.of("Idempotency-Key", "k-" + id));
        assertThat(first.status()).isEqualTo(200);
        JsonNode receipt = first.json().get("receipt");
        assertThat(receipt.get("proposalId").asLong()).isEqualTo(id);
        assertThat(receipt.get("version").asInt()).isEqualTo(1);
        assertThat(receipt.get("sha256").asString()).hasSize(64);
        var again = vn.post("/api/v1/proposals/" + id + "/submit", Map.of(), Map.of("Idempotency-Key", "k-" + id));
        assertThat(again.json().get("receipt")).isEqualTo(receipt);
        assertThat(jdbc.sql("select count(*) from proposal_submission where proposal_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);

        // The hash is over the stored canonical content: anyone holding it can recompute it.
        String content = jdbc.sql("select canonical from proposal_submission where proposal_id = ?").param(id)
                .query(String.class).single();
        assertThat(content).doesNotContain("secret notes").contains(org.tandem.platform.Hashes.sha256(samplePdf()));
        assertThat(receipt.get("sha256").asString()).isEqualTo(org.tandem.platform.Hashes.sha256(content));

        // The receipt as a PDF, in the reader's language, carries the same hash.
        var web = new org.tandem.support.WebSession(port).signIn("applicant.vn", "demo");
        web.get("/proposals/" + id + "?lang=vi", "vi");
        byte[] receiptPdf = web.getBytes("/proposals/" + id + "/receipts/1.pdf");
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(receiptPdf)).getTextFromPage(1);
        assertThat(text).contains(receipt.get("sha256").asString()).contains("Biên nhận nộp hồ sơ")
                .contains(new java.util.Locale("", "RU").getDisplayCountry(java.util.Locale.forLanguageTag("vi")));
        // People quote a reference that says where the proposal belongs, not the database id.
        String reference = web.get("/proposals/" + id + "/receipts/1", "vi").body()
                .replaceAll("(?s).*id=\"receipt-reference\">([^<]+)<.*", "$1");
        assertThat(reference).matches(".+-C\\d{4}-\\d{5}").endsWith(String.format("%05d", id));
        assertThat(text).contains(reference);

        var second = ru.post("/api/v1/proposals/" + id + "/submit", Map.of(), Map.of("Idempotency-Key", "k2-" + id));
        assertThat(second.json().get("receipt").get("version").asInt()).isEqualTo(2);
        var now = vn.get("/api/v1/proposals/" + id).json();
        assertThat(now.get("status").asString()).isEqualTo("SUBMITTED");
        // The next steps come from the proposal workflow: a submitted proposal is improved, resubmitted or withdrawn.
        assertThat(now.get("actions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("edit", "submit", "withdraw");
    }

    @Test
    void nothingIsCreatedOrSubmittedOutsideTheWindow() {
        ApiClient vn = as("applicant.vn");
        Call pilot = pilotCall();
        var closed = vn.post("/api/v1/calls/" + pilot.getId() + "/proposals",
                Map.of("acronym", "LATE", "title", "Late", "abstract", "Late"), Map.of());
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("code").asString()).isEqualTo("CALL_CLOSED");

        Call upcoming = calls.openAndUpcoming().stream().filter(c -> c.status(calls.now()) == CallStatus.PUBLISHED)
                .findFirst().orElseThrow();
        var early = vn.post("/api/v1/calls/" + upcoming.getId() + "/proposals",
                Map.of("acronym", "EARLY", "title", "Early", "abstract", "Early"), Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("CALL_NOT_OPEN");

        // A team's proposal in the closed demo call: submitting after the deadline is refused.
        TandemUser pi = (TandemUser) users.loadUserByUsername("applicant.vn");
        long vnParty = programmes.byCode(DemoProgramme.CODE).orElseThrow().partyByCode("VN").orElseThrow().getId();
        Receipt imported = submissions.importSubmitted(pilot.getId(), ProposalContent.start("OLD", "Old", "Old"),
                Map.of(vnParty, pi.id()), pilot.getClosesAt().minusSeconds(60), pi.id());
        var late = vn.post("/api/v1/proposals/" + imported.proposalId() + "/submit", Map.of(),
                Map.of("Idempotency-Key", "late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("CALL_CLOSED");
        assertThat(jdbc.sql("select count(*) from proposal_submission where proposal_id = ?")
                .param(imported.proposalId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsNamedFieldByFieldAndChangesNothing() {
        ApiClient vn = as("applicant.vn");
        long id = create(vn, "BADIN");
        var read = vn.get("/api/v1/proposals/" + id);
        ObjectNode body = (ObjectNode) read.json().deepCopy();
        body.putArray("fields").add("ASTROLOGY");
        ((ObjectNode) body.get("teams").get(0)).putArray("budget").addObject()
                .put("year", 1).put("category", "personnel").put("amount", -5);
        var r = vn.put("/api/v1/proposals/" + id, body, Map.of("If-Match", read.etag()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("problems").findValuesAsString("field"))
                .contains("fields", "teams[VN].budget[0].amount");
        assertThat(vn.get("/api/v1/proposals/" + id).json().get("version")).isEqualTo(read.json().get("version"));
    }

    @Test
    void officersListTheProposalsOfTheirCallAndOverrideRulesForTheirOwnParty() {
        Call pilot = pilotCall();
        ApiClient officer = as("officer.ru");
        var list = officer.get("/api/v1/calls/" + pilot.getId() + "/proposals");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isGreaterThanOrEqualTo(40);
        assertThat(as("applicant.vn").get("/api/v1/calls/" + pilot.getId() + "/proposals").status()).isEqualTo(403);

        long id = create(as("applicant.vn"), "OVERRIDE");
        var forOtherParty = as("officer.vn").post("/api/v1/proposals/" + id + "/overrides",
                Map.of("rule", "BUDGET_WITHIN_CAP", "party", "RU", "reason", "not mine"), Map.of());
        assertThat(forOtherParty.status()).isEqualTo(403);
        var ok = officer.post("/api/v1/proposals/" + id + "/overrides",
                Map.of("rule", "BUDGET_WITHIN_CAP", "party", "RU", "reason", "Budget agreed by letter of 3 March"), Map.of());
        assertThat(ok.status()).isEqualTo(200);
        JsonNode check = java.util.stream.StreamSupport.stream(ok.json().get("checks").spliterator(), false)
                .filter(c -> c.get("rule").asString().equals("BUDGET_WITHIN_CAP") && "RU".equals(c.get("party").asString()))
                .findFirst().orElseThrow();
        assertThat(check.get("passed").asBoolean()).isFalse();
        assertThat(check.get("overrideReason").asString()).isEqualTo("Budget agreed by letter of 3 March");
    }

    static byte[] samplePdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void onlyPdfFilesWithinTheCallsLimitAreAccepted() {
        ApiClient vn = as("applicant.vn");
        long id = create(vn, "UPLOADS");
        var notPdf = vn.upload("/api/v1/proposals/" + id + "/attachments", "cv.docx", "PK\u0003\u0004 not a pdf".getBytes());
        assertThat(notPdf.status()).isEqualTo(422);
        assertThat(notPdf.json().get("problems").get(0).get("message").asString())
                .isEqualTo("cv.docx is not a PDF file. Only PDF files are accepted; nothing was stored.");
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(samplePdf(), 0, big, 0, samplePdf().length);
        var tooLarge = vn.upload("/api/v1/proposals/" + id + "/attachments", "huge.pdf", big);
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.json().get("problems").get(0).get("code").asString()).isEqualTo("attachment.tooLarge");
        assertThat(vn.get("/api/v1/proposals/" + id + "/attachments").json().size()).isZero();
        assertThat(as("applicant.ru").upload("/api/v1/proposals/" + id + "/attachments", "x.pdf", samplePdf()).status())
                .isEqualTo(404);
    }

    @Test
    void withdrawalBeforeTheDeadline() {
        ApiClient vn = as("applicant.vn");
        long id = create(vn, "WITHDRAW");
        var r = vn.post("/api/v1/proposals/" + id + "/withdraw", Map.of(), Map.of());
        assertThat(r.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(r.json().get("actions")).isEmpty();
        assertThat(vn.put("/api/v1/proposals/" + id, r.json(), Map.of("If-Match", r.etag())).status()).isEqualTo(409);
        var submit = vn.post("/api/v1/proposals/" + id + "/submit", Map.of(), Map.of("Idempotency-Key", "after-withdrawal"));
        assertThat(submit.status()).isEqualTo(409);
        assertThat(submit.json().get("code").asString()).isEqualTo("PROPOSAL_WITHDRAWN");
    }

    @Test
    void theDemoPilotCallHasFortySubmittedProposals() {
        Call pilot = pilotCall();
        assertThat(pilot.status(calls.now())).isEqualTo(CallStatus.CLOSED);
        assertThat(jdbc.sql("select count(distinct p.id) from proposal p join proposal_submission s on s.proposal_id = p.id "
                + "where p.call_id = ?").param(pilot.getId()).query(Integer.class).single()).isGreaterThanOrEqualTo(40);
    }
}
