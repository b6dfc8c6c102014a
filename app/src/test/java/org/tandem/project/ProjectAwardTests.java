package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.selection.DecisionsApproved;
import org.tandem.support.TandemIntegrationTest;

/** Award → project: one project per funded proposal, codes per party, the last submission's content. */
@TandemIntegrationTest
@EnableScenarios
class ProjectAwardTests {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    static String yy(String zone) {
        return String.format("%02d", Year.now(ZoneId.of(zone)).getValue() % 100);
    }

    @Test
    void everyFundedProposalBecomesOneProjectWithACodePerPartyTeamsAndBudgetEvenWhenDeliveredTwice() {
        Call call = f.closedCall("Projects: award");
        long a = f.submitted(call, "AWA");
        long b = f.submitted(call, "AWB");
        long reserve = f.submitted(call, "AWR");
        DecisionsApproved event = new DecisionsApproved(call.getId(), "digest-award", List.of(a, b), List.of(reserve),
                java.time.Instant.now());

        List<Long> first = projects.createProjects(event);
        List<Long> again = projects.createProjects(event);

        assertThat(first).hasSize(2).isEqualTo(again);
        assertThat(projects.ofProposal(reserve)).isEmpty();
        assertThat(jdbc.sql("select count(*) from project where call_id = ?").param(call.getId()).query(Integer.class)
                .single()).isEqualTo(2);
        Project pa = projects.get(first.get(0));
        Project pb = projects.get(first.get(1));
        assertThat(pa.status()).isEqualTo(ProjectWorkflow.AWARDED);
        assertThat(pa.title()).isEqualTo("Joint project AWA");
        assertThat(pa.workPlan()).contains("WP2 Models");
        assertThat(pa.durationMonths()).isEqualTo(24);
        assertThat(pa.keywords()).containsExactly("sensors", "rivers");

        Project.Part vn = pa.partByCode("VN").orElseThrow();
        Project.Part ru = pa.partByCode("RU").orElseThrow();
        String vnZone = f.programme().partyByCode("VN").orElseThrow().getTimeZone();
        assertThat(vn.code()).matches("NDT/RU/" + yy(vnZone) + "/\\d{2,}");
        assertThat(ru.code()).matches("RU-VN-\\d{4}-\\d{3,}");
        // Consecutive serials within one award, in the order funded.
        int serialA = Integer.parseInt(vn.code().substring(vn.code().lastIndexOf('/') + 1));
        String vnB = pb.partByCode("VN").orElseThrow().code();
        assertThat(Integer.parseInt(vnB.substring(vnB.lastIndexOf('/') + 1))).isEqualTo(serialA + 1);

        assertThat(vn.hostOrganisation()).isEqualTo("Hanoi University of Science and Technology");
        assertThat(vn.piUserId()).isEqualTo(f.user("applicant.vn").id());
        assertThat(vn.members()).containsExactly("Nguyễn Văn An", "Trần Thị Bình");
        assertThat(vn.currency()).isEqualTo("VND");
        assertThat(vn.budgetTotal()).isEqualByComparingTo("2500000000");
        assertThat(vn.categories()).containsExactlyInAnyOrder("Personnel", "Equipment");
        assertThat(ru.currency()).isEqualTo("RUB");
        assertThat(ru.budgetTotal()).isEqualByComparingTo(new BigDecimal("10000000"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Project' and entity_id = ? and action = 'award'")
                .param(String.valueOf(pa.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theApprovalEventCreatesTheProjectsThroughTheRegistry(Scenario scenario) {
        Call call = f.closedCall("Projects: event");
        long a = f.submitted(call, "AWE");
        scenario.publish(new DecisionsApproved(call.getId(), "digest-event", List.of(a), List.of(), java.time.Instant.now()))
                .andWaitForStateChange(() -> projects.ofProposal(a).orElse(null))
                .andVerify(p -> assertThat(p.parties()).hasSize(2));
    }

    @Test
    void eachPartysOfficersSetTheirOwnCodePattern() {
        long programmeId = f.programme().getId();
        long vn = f.party("VN");
        String before = projects.codePattern(programmeId, vn);
        assertThat(before).isEqualTo(CodePattern.VIETNAM_DEFAULT);
        assertThatThrownBy(() -> projects.setCodePattern(programmeId, vn, "VN-<yyyy>-<nnn>", f.user("officer.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> projects.setCodePattern(programmeId, vn, "VN-<year>-<nn>", f.user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("pattern"));
        try {
            projects.setCodePattern(programmeId, vn, "VN/<partner ISO>/<yyyy>/<nnnn>", f.user("officer.vn"));
            Project p = f.awarded("Projects: own pattern", 1).get(0);
            assertThat(p.partByCode("VN").orElseThrow().code()).matches("VN/RU/\\d{4}/\\d{4}");
        } finally {
            projects.setCodePattern(programmeId, vn, before, f.user("officer.vn"));
        }
    }
}
