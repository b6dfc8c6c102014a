package org.tandem.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;

/**
 * The submission gate at a surge: a submission waiting its turn past the deadline is judged by the
 * time it arrived, and one that arrives after the deadline is still refused.
 */
@TandemIntegrationTest
class SubmissionGateTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired Proposals proposals;
    @Autowired TeamInvitations invitations;
    @Autowired Attachments attachments;
    @Autowired UserDetailsService users;
    @Autowired FilterRegistrationBean<SubmissionGate.Gate> gate;

    private long eligibleProposal(Call call, String acronym) {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        TandemUser vn = (TandemUser) users.loadUserByUsername("applicant.vn");
        TandemUser ru = (TandemUser) users.loadUserByUsername("applicant.ru");
        Proposal draft = proposals.create(call.getId(), new ProposalContent(acronym, "Gate " + acronym, "Abstract",
                List.of("surge"), List.of("AI"), 36, "Plan", null, null, null, null,
                List.of(new TeamContent("VN", "Host VN", null, null, List.of(), List.of(new BudgetLine(1, "personnel",
                        new BigDecimal("1000000000"))), null))), vn);
        invitations.accept(invitations.invite(draft.getId(), "RU", "applicant.ru@demo.tandem.example", vn), ru);
        Proposal current = proposals.get(draft.getId(), ru);
        proposals.update(draft.getId(), current.getVersion(), new ProposalContent(acronym, "Gate " + acronym, "Abstract",
                List.of("surge"), List.of("AI"), 36, "Plan", null, null, null, null,
                List.of(new TeamContent("RU", "Host RU", null, null, List.of(), List.of(new BudgetLine(1, "personnel",
                        new BigDecimal("5000000"))), null))), ru);
        attachments.upload(draft.getId(), "d.pdf", "%PDF-1.4\n%%EOF\n".getBytes(), vn);
        assertThat(proposals.eligibility(draft.getId(), vn)).allMatch(EligibilityCheck::ok);
        return draft.getId();
    }

    @Test
    void waitingInTheGatePastTheDeadlineDoesNotMakeASubmissionLate() throws Exception {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now();
        Instant closes = now.plusSeconds(8);
        Call call = calls.createApproved(p.getId(), new CallInput(2026, new LocalizedText("Gate", "Gate", "Gate"),
                new LocalizedText("Gate", "Gate", "Gate"), now.minus(Duration.ofDays(1)), closes, 24, 36, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("1000000000000"), new BigDecimal("3000000000"), "VND"),
                        new CallBudget(ru, new BigDecimal("10000000000"), new BigDecimal("15000000"), "RUB"))), "test");
        long inTime = eligibleProposal(call, "GATE1");
        long late = eligibleProposal(call, "GATE2");
        ApiClient client = new ApiClient(port).signIn("applicant.vn");

        Semaphore permits = gate.getFilter().permits();
        int all = permits.availablePermits();
        permits.acquire(all);
        CompletableFuture<ApiClient.Response> waiting;
        try {
            waiting = CompletableFuture.supplyAsync(() -> client.post("/api/v1/proposals/" + inTime + "/submit", Map.of(),
                    Map.of("Idempotency-Key", "gate-" + inTime)));
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), closes).toMillis()) + 1000);
            assertThat(Instant.now()).isAfter(closes);
            // Still queued: nothing passes a shut gate.
            assertThat(waiting.isDone()).isFalse();
        } finally {
            permits.release(all);
        }
        ApiClient.Response answered = waiting.get(60, TimeUnit.SECONDS);
        assertThat(answered.status()).as(String.valueOf(answered.json())).isEqualTo(200);
        Instant submittedAt = Instant.parse(answered.json().get("receipt").get("submittedAt").asString());
        assertThat(submittedAt).isBefore(closes);

        // Arriving after the deadline is late, gate or no gate.
        var refused = client.post("/api/v1/proposals/" + late + "/submit", Map.of(), Map.of("Idempotency-Key", "gate-" + late));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("CALL_CLOSED");
    }
}
