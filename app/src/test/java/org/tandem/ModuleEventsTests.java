package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.engine.select.Policy;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.demo.DemoProgramme;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.ProposalSubmitted;
import org.tandem.proposal.Proposals;
import org.tandem.proposal.TeamContent;
import org.tandem.selection.Decisions;
import org.tandem.selection.DecisionsApproved;
import org.tandem.support.TandemIntegrationTest;

/**
 * Events between modules, end to end through the event publication registry: published in the
 * transaction that did the work, stored, delivered to their listeners after the commit, and
 * marked complete only when the reaction has run. Each test makes its own call, so the demo's
 * calls that other tests read stay as they are.
 */
@TandemIntegrationTest
@EnableScenarios
class ModuleEventsTests {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired Proposals proposals;
    @Autowired org.tandem.proposal.ProposalSubmissions submissions;
    @Autowired Decisions decisions;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    Call closedCall(String title) {
        Programme programme = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var vn = programme.partyByCode("VN").orElseThrow();
        var ru = programme.partyByCode("RU").orElseThrow();
        return calls.createApproved(programme.getId(), new CallInput(2026, new LocalizedText(title, title, title),
                new LocalizedText("Events", "Sự kiện", "События"), now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(10)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(vn.getId(), new BigDecimal("9000000000.00"), new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(ru.getId(), new BigDecimal("45000000.00"), new BigDecimal("15000000.00"), "RUB"))),
                "system");
    }

    long submitted(Call call, String acronym) {
        Programme programme = programmes.get(call.getProgrammeId());
        ProposalContent content = new ProposalContent(acronym, "Joint project " + acronym, "Abstract of " + acronym,
                List.of("events"), List.of("AI"), 24, "WP1 and WP2", null, null, null, null,
                List.of(new TeamContent("VN", "Hanoi University of Science and Technology", "Nguyễn Văn An", null,
                                List.of("Nguyễn Văn An"), List.of(), null),
                        new TeamContent("RU", "Novosibirsk State University", "Иван Петров", null, List.of("Иван Петров"),
                                List.of(), null)));
        long vnParty = programme.partyByCode("VN").orElseThrow().getId();
        return submissions.importSubmitted(call.getId(), content, Map.of(vnParty, user("applicant.vn").id()),
                Instant.now().minus(Duration.ofDays(12)), user("admin").id()).proposalId();
    }

    @Test
    void aSubmissionIsPublishedWithItsReceipt(Scenario scenario) {
        Call call = closedCall("Events: a submission");
        scenario.stimulate(() -> submitted(call, "EVSUB"))
                .andWaitForEventOfType(ProposalSubmitted.class)
                .matching(e -> e.callId() == call.getId())
                .toArriveAndVerify((event, proposalId) -> {
                    assertThat(event.proposalId()).isEqualTo(proposalId);
                    assertThat(event.version()).isEqualTo(1);
                    assertThat(event.sha256()).hasSize(64);
                });
    }

    @Test
    void approvedDecisionsReachTheTeamsAsLettersOnceAndTheRegistryMarksTheReactionDone(Scenario scenario) {
        Call call = closedCall("Events: decisions");
        long a = submitted(call, "EVDEC1");
        long b = submitted(call, "EVDEC2");
        calls.startEvaluation(call.getId(), user("officer.vn"));
        var set = decisions.propose(call.getId(), Map.of(), Map.of(), Policy.RANK, 0, user("officer.vn"));
        long vn = programmes.get(call.getProgrammeId()).partyByCode("VN").orElseThrow().getId();
        long ru = programmes.get(call.getProgrammeId()).partyByCode("RU").orElseThrow().getId();
        decisions.approve(call.getId(), vn, set.digest(), user("officer.vn"));
        String letters = "select count(*) from mail_outbox where recipient = ? and body like ?";

        scenario.stimulate(() -> decisions.approve(call.getId(), ru, set.digest(), user("officer.ru")))
                .andWaitForEventOfType(DecisionsApproved.class)
                .matching(e -> e.callId() == call.getId())
                .toArriveAndVerify(event -> {
                    assertThat(event.digest()).isEqualTo(set.digest());
                    assertThat(event.funded()).doesNotContain(a, b); // nobody reviewed them, so nothing is fundable
                    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                        for (long p : List.of(a, b)) {
                            assertThat(jdbc.sql(letters).params("applicant.vn@demo.tandem.example",
                                    "%/proposals/" + p + "/decision%").query(Integer.class).single()).isEqualTo(1);
                        }
                        assertThat(jdbc.sql("""
                                select count(*) from event_publication where event_type = ? and serialized_event like ?
                                and completion_date is not null and listener_id like '%sendLetters%'""")
                                .params(DecisionsApproved.class.getName(), "%\"digest\":\"" + set.digest() + "\"%")
                                .query(Integer.class).single()).isEqualTo(1);
                    });
                    // Delivered again (as after a crash before completion): no second letter.
                    decisions.sendLetters(event);
                    for (long p : List.of(a, b)) {
                        assertThat(jdbc.sql(letters).params("applicant.vn@demo.tandem.example",
                                "%/proposals/" + p + "/decision%").query(Integer.class).single()).isEqualTo(1);
                    }
                });
        assertThat(calls.get(call.getId()).getPhase().name()).isEqualTo("DECIDED");
    }
}
