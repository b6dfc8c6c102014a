package org.tandem.programme;

import org.tandem.demo.DemoProgramme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problem;
import org.tandem.support.TandemIntegrationTest;

@TandemIntegrationTest
class CallWorkflowTests {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired AuditTrail audit;
    @Autowired UserDetailsService users;

    Programme demo() {
        return programmes.byCode(DemoProgramme.CODE).orElseThrow();
    }

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    static CallInput validInput(Programme p, String title) {
        Instant opens = Instant.now().plus(Duration.ofDays(10));
        return new CallInput(2027, new LocalizedText(title, title + " (vi)", title + " (ru)"),
                new LocalizedText("Text", "Nội dung", "Текст"), opens, opens.plus(Duration.ofDays(60)), 12, 36,
                Set.of("AI"), List.of(
                new CallBudget(p.partyByCode("VN").orElseThrow().getId(), new BigDecimal("10000000000"),
                        new BigDecimal("2000000000"), "VND"),
                new CallBudget(p.partyByCode("RU").orElseThrow().getId(), new BigDecimal("50000000"),
                        new BigDecimal("10000000"), "RUB")));
    }

    @Test
    void aCallIsPublishedOnlyWhenEveryPartyHasApproved() {
        Programme p = demo();
        Call call = calls.draft(p.getId(), validInput(p, "Workflow call"), user("officer.vn"));
        assertThat(call.status(calls.now())).isEqualTo(CallStatus.DRAFT);
        assertThatThrownBy(() -> calls.getPublic(call.getId())).isInstanceOf(NotFoundException.class);

        Call afterVn = calls.approve(call.getId(), p.partyByCode("VN").orElseThrow().getId(), user("officer.vn"));
        assertThat(afterVn.getPhase()).isEqualTo(CallPhase.DRAFT);
        assertThat(calls.publicCalls()).extracting(Call::getId).doesNotContain(call.getId());

        Call afterRu = calls.approve(call.getId(), p.partyByCode("RU").orElseThrow().getId(), user("officer.ru"));
        assertThat(afterRu.getPhase()).isEqualTo(CallPhase.PUBLISHED);
        assertThat(afterRu.status(calls.now())).isEqualTo(CallStatus.PUBLISHED);
        assertThat(calls.publicCalls()).extracting(Call::getId).contains(call.getId());
        assertThat(audit.history(Calls.AUDIT_TYPE, call.getId().toString()))
                .extracting(e -> e.action()).containsExactly("create", "approve", "approve+publish");
    }

    @Test
    void anOfficerApprovesOnlyForTheirOwnParty() {
        Programme p = demo();
        Call call = calls.draft(p.getId(), validInput(p, "Party check"), user("officer.vn"));
        long ru = p.partyByCode("RU").orElseThrow().getId();
        assertThatThrownBy(() -> calls.approve(call.getId(), ru, user("officer.vn")))
                .isInstanceOf(NotAllowedException.class);
        assertThat(calls.get(call.getId()).getApprovals()).isEmpty();
    }

    @Test
    void onlyOfficersDraftCalls() {
        Programme p = demo();
        assertThatThrownBy(() -> calls.draft(p.getId(), validInput(p, "Not mine"), user("applicant.vn")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> calls.draft(p.getId(), validInput(p, "Not mine"), user("committee.ru")))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void editingWithdrawsEarlierApprovalsAndStaleEditsAreRefused() {
        Programme p = demo();
        Call call = calls.draft(p.getId(), validInput(p, "Edited call"), user("officer.vn"));
        Call approved = calls.approve(call.getId(), p.partyByCode("VN").orElseThrow().getId(), user("officer.vn"));
        Call edited = calls.update(call.getId(), approved.getVersion(), validInput(p, "Edited call v2"), user("officer.ru"));
        assertThat(edited.getApprovals()).isEmpty();
        assertThat(edited.getTitle().getEn()).isEqualTo("Edited call v2");

        assertThatThrownBy(() -> calls.update(call.getId(), approved.getVersion(), validInput(p, "Lost update"),
                user("officer.vn")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("STALE_VERSION"));
        assertThat(calls.get(call.getId()).getTitle().getEn()).isEqualTo("Edited call v2");
    }

    @Test
    void badInputIsRefusedWithEveryProblemNamedAndNothingStored() {
        Programme p = demo();
        int before = calls.ofProgramme(p.getId()).size();
        CallInput good = validInput(p, "Bad");
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        CallInput bad = new CallInput(2027, new LocalizedText("Bad", null, "Плохой"), good.text(),
                good.closesAt(), good.opensAt(), 12, 36, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("-5"), new BigDecimal("1"), "VND"),
                        new CallBudget(ru, new BigDecimal("50000000"), new BigDecimal("10000000"), "USD")));

        assertThatThrownBy(() -> calls.draft(p.getId(), bad, user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::code)
                        .contains(
                                org.assertj.core.groups.Tuple.tuple("title.vi", "validation.translation.missing"),
                                org.assertj.core.groups.Tuple.tuple("closesAt", "call.closes.beforeOpen"),
                                org.assertj.core.groups.Tuple.tuple("budgets[VN].total", "validation.negative"),
                                org.assertj.core.groups.Tuple.tuple("budgets[RU].currency", "call.budget.currency")));
        assertThat(calls.ofProgramme(p.getId())).hasSize(before);
    }

    @Test
    void aCallOutsideTheProgrammeYearsOrWithoutAPartysBudgetIsRefused() {
        Programme p = demo();
        CallInput good = validInput(p, "Years");
        CallInput bad = new CallInput(2040, good.title(), good.text(), good.opensAt(), good.closesAt(), 12, 36,
                Set.of("AI", "ASTROLOGY"), good.budgets().subList(0, 1));
        assertThatThrownBy(() -> calls.draft(p.getId(), bad, user("officer.ru")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code)
                        .contains("call.year.outside", "call.fields.unknown", "call.budget.missing"));
    }

    @Test
    void statusFollowsTheServerClock() {
        Programme p = demo();
        Call call = calls.createApproved(p.getId(), validInput(p, "Clock"), "test");
        assertThat(call.status(call.getOpensAt().minusSeconds(1))).isEqualTo(CallStatus.PUBLISHED);
        assertThat(call.status(call.getOpensAt())).isEqualTo(CallStatus.OPEN);
        assertThat(call.status(call.getClosesAt().minusMillis(1))).isEqualTo(CallStatus.OPEN);
        assertThat(call.status(call.getClosesAt())).isEqualTo(CallStatus.CLOSED);
    }
}
