package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.Problem;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;

/** Contracts per party: the project starts with the last signature; payments stay within tranches. */
@TandemIntegrationTest
class ContractTests {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    static Contracts.ContractInput vnContract() {
        return new Contracts.ContractInput("HĐ 01/2026/NĐT", LocalDate.of(2026, 3, 1), "Hanoi University of Science and Technology",
                "Nguyễn Văn An", LocalDate.of(2026, 4, 1), LocalDate.of(2028, 3, 31),
                List.of(new Contracts.TrancheInput(2026, LocalDate.of(2026, 4, 15), new BigDecimal("1200000000")),
                        new Contracts.TrancheInput(2027, null, new BigDecimal("1300000000"))));
    }

    static Contracts.ContractInput ruContract() {
        return new Contracts.ContractInput("РНФ-26-01", LocalDate.of(2026, 3, 10), "Novosibirsk State University",
                "Иван Петров", LocalDate.of(2026, 5, 1), LocalDate.of(2028, 4, 30),
                List.of(new Contracts.TrancheInput(2026, null, new BigDecimal("5000000")),
                        new Contracts.TrancheInput(2027, null, new BigDecimal("5000000"))));
    }

    int audits(String type, String id) {
        return jdbc.sql("select count(*) from audit_event where entity_type = ? and entity_id = ?").params(type, id)
                .query(Integer.class).single();
    }

    @Test
    void theProjectStartsWhenEveryPartysContractIsSignedAndSpansTheirPeriods() {
        Project p = f.awarded("Contracts: start", 1).get(0);
        assertThatThrownBy(() -> contracts.sign(p.id(), "VN", vnContract(), f.user("officer.ru")))
                .isInstanceOf(NotAllowedException.class);
        contracts.sign(p.id(), "VN", vnContract(), f.user("officer.vn"));
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.CONTRACTING);
        // Corrected before the other party signed: replaced, with a before/after record.
        var corrected = new Contracts.ContractInput("HĐ 02/2026/NĐT", vnContract().signedOn(), vnContract().hostOrganisation(),
                vnContract().piName(), vnContract().startDate(), vnContract().endDate(), vnContract().tranches());
        contracts.sign(p.id(), "VN", corrected, f.user("officer.vn"));
        contracts.sign(p.id(), "RU", ruContract(), f.user("officer.ru"));

        Project running = projects.get(p.id());
        assertThat(running.status()).isEqualTo(ProjectWorkflow.RUNNING);
        assertThat(running.startDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(running.endDate()).isEqualTo(LocalDate.of(2028, 4, 30));
        assertThat(contracts.contracts(p.id())).extracting(Contracts.Contract::number, Contracts.Contract::currency)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("HĐ 02/2026/NĐT", "VND"),
                        org.assertj.core.groups.Tuple.tuple("РНФ-26-01", "RUB"));
        assertThat(audits(Contracts.AUDIT_TYPE, p.id() + "/VN")).isEqualTo(2);
        assertThat(jdbc.sql("select before_state::text from audit_event where entity_type = ? and entity_id = ? and action = 'correct'")
                .params(Contracts.AUDIT_TYPE, p.id() + "/VN").query(String.class).single()).contains("HĐ 01/2026/NĐT");
        assertThat(audits(Projects.AUDIT_TYPE, String.valueOf(p.id()))).isEqualTo(2); // award, start
        assertThatThrownBy(() -> contracts.sign(p.id(), "VN", vnContract(), f.user("officer.vn")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_ALREADY_STARTED"));
    }

    @Test
    void aBadContractIsRefusedFieldByFieldAndNothingIsStored() {
        Project p = f.awarded("Contracts: bad", 1).get(0);
        var bad = new Contracts.ContractInput(" ", LocalDate.now().plusDays(5), "Host", "PI", LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31), List.of(new Contracts.TrancheInput(2026, null, new BigDecimal("-1")),
                        new Contracts.TrancheInput(2030, null, new BigDecimal("10")),
                        new Contracts.TrancheInput(2026, null, new BigDecimal("10"))));
        assertThatThrownBy(() -> contracts.sign(p.id(), "VN", bad, f.user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactlyInAnyOrder("number", "signedOn", "tranches[0].amount", "tranches[1].year",
                                "tranches[2].year"));
        assertThat(contracts.contracts(p.id())).isEmpty();
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.AWARDED);
    }

    @Test
    void paymentsAreRecordedAgainstTranchesAndNeverExceedThem() {
        Project p = f.awarded("Contracts: payments", 1).get(0);
        assertThatThrownBy(() -> contracts.pay(p.id(), "VN", 1, BigDecimal.ONE, LocalDate.now(), null, f.user("officer.vn")))
                .isInstanceOf(ConflictException.class);
        contracts.sign(p.id(), "VN", vnContract(), f.user("officer.vn"));
        contracts.sign(p.id(), "RU", ruContract(), f.user("officer.ru"));
        var first = contracts.contract(p.id(), f.party("VN")).orElseThrow().tranches().get(0);
        contracts.pay(p.id(), "VN", first.id(), new BigDecimal("700000000"), LocalDate.of(2026, 4, 20), "UNC 17",
                f.user("officer.vn"));
        assertThatThrownBy(() -> contracts.pay(p.id(), "VN", first.id(), new BigDecimal("500000001"), LocalDate.of(2026, 5, 2),
                null, f.user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("amount");
                    assertThat(e.problems().get(0).args()).containsExactly("500000000.00", "VND");
                });
        assertThatThrownBy(() -> contracts.pay(p.id(), "VN", first.id(), BigDecimal.TEN, LocalDate.now(), null,
                f.user("officer.ru"))).isInstanceOf(NotAllowedException.class);
        var ruTranche = contracts.contract(p.id(), f.party("RU")).orElseThrow().tranches().get(0);
        assertThatThrownBy(() -> contracts.pay(p.id(), "VN", ruTranche.id(), BigDecimal.TEN, LocalDate.now(), null,
                f.user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("trancheId"));
        contracts.pay(p.id(), "VN", first.id(), new BigDecimal("500000000"), LocalDate.of(2026, 6, 1), null, f.user("officer.vn"));
        var vn = contracts.contract(p.id(), f.party("VN")).orElseThrow();
        assertThat(vn.tranches().get(0).remaining()).isEqualByComparingTo("0");
        assertThat(vn.paid()).isEqualByComparingTo("1200000000");
        assertThat(contracts.payments(p.id(), f.party("VN"))).hasSize(2);
    }
}
