package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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

/** Reports per party: filed by the team's PI, returned or accepted by the party's officer, every version kept. */
@TandemIntegrationTest
class ReportTests {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Reports reports;
    @Autowired Acceptance acceptance;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    Project running(String title) {
        return f.running(contracts, title);
    }

    static Reports.ReportInput annual(String text, String amount) {
        return new Reports.ReportInput("ANNUAL", 1, text, "Invoices in folder 2026/Q4",
                List.of(new Reports.SpendingInput(1, "Personnel", new BigDecimal(amount)),
                        new Reports.SpendingInput(1, "Equipment", new BigDecimal("120000000"))));
    }

    int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    @Test
    void returnedWithACommentFixedAndAcceptedWithEveryVersionKept() {
        Project p = running("Reports: cycle");
        assertThatThrownBy(() -> reports.submit(p.id(), annual("Year one", "1"), f.user("officer.vn")))
                .isInstanceOf(NotAllowedException.class);
        Reports.Report first = reports.submit(p.id(), annual("Year one: sensors installed", "800000000"), f.user("applicant.vn"));
        assertThat(first.partyCode()).isEqualTo("VN");
        assertThat(first.status()).isEqualTo(ProjectWorkflow.SUBMITTED);
        assertThatThrownBy(() -> reports.submit(p.id(), annual("again", "1"), f.user("applicant.vn")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("REPORT_EXISTS"));
        // Only Vietnam's officers decide on the Vietnamese team's report.
        assertThatThrownBy(() -> reports.decide(first.id(), true, null, f.user("officer.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> reports.decide(first.id(), false, " ", f.user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("comment"));
        Reports.Report returned = reports.decide(first.id(), false, "Add the equipment invoices.", f.user("officer.vn"));
        assertThat(returned.status()).isEqualTo(ProjectWorkflow.RETURNED);

        Reports.Report second = reports.submit(p.id(), annual("Year one: sensors installed, invoices attached", "810000000"),
                f.user("applicant.vn"));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.versions()).hasSize(2);
        assertThat(second.versions().get(0).comment()).isEqualTo("Add the equipment invoices.");
        assertThat(second.versions().get(0).spending()).extracting(Reports.Spending::amount)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .contains(new BigDecimal("800000000"));
        Reports.Report accepted = reports.decide(first.id(), true, null, f.user("officer.vn"));
        assertThat(accepted.status()).isEqualTo(ProjectWorkflow.ACCEPTED);
        assertThat(accepted.current().decidedBy()).isEqualTo("officer.vn");

        // The other party's officer reads the report, but not the team's financial notes.
        Reports.Report seenByRu = reports.of(p.id(), f.user("officer.ru")).get(0);
        assertThat(seenByRu.current().scientific()).contains("invoices attached");
        assertThat(seenByRu.current().financialNotes()).isNull();
        assertThat(reports.of(p.id(), f.user("officer.vn")).get(0).current().financialNotes()).isNotNull();
        assertThat(reports.of(p.id(), f.user("applicant.ru")).get(0).current().financialNotes()).isNull();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = ? and entity_id = ?")
                .params(Reports.AUDIT_TYPE, String.valueOf(first.id())).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void badSpendingIsRefusedFieldByFieldAndNothingIsStored() {
        Project p = running("Reports: bad");
        int reportsBefore = rows("project_report");
        int versionsBefore = rows("project_report_version");
        var bad = new Reports.ReportInput("ANNUAL", 9, "text", null,
                List.of(new Reports.SpendingInput(1, "Personnel", new BigDecimal("-5")),
                        new Reports.SpendingInput(1, "Travel", new BigDecimal("5")),
                        new Reports.SpendingInput(7, "Personnel", new BigDecimal("5"))));
        assertThatThrownBy(() -> reports.submit(p.id(), bad, f.user("applicant.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactlyInAnyOrder("year", "spending[0].amount", "spending[1].category", "spending[2].year"));
        assertThat(rows("project_report")).isEqualTo(reportsBefore);
        assertThat(rows("project_report_version")).isEqualTo(versionsBefore);
    }

    @Test
    void theProjectIsCompletedWhenEveryPartyAcceptedItsFinalReportAndTheProjectAndThenTakesNoMoreReports() {
        Project p = running("Reports: final");
        var finalVn = reports.submit(p.id(), new Reports.ReportInput("FINAL", null, "Final: done", null, List.of()),
                f.user("applicant.vn"));
        var finalRu = reports.submit(p.id(), new Reports.ReportInput("FINAL", null, "Итоговый отчёт", null, List.of()),
                f.user("applicant.ru"));
        reports.decide(finalVn.id(), true, null, f.user("officer.vn"));
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.RUNNING);
        reports.decide(finalRu.id(), true, null, f.user("officer.ru"));
        // The final reports are the self-evaluation; each party's acceptance council still has to accept.
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.RUNNING);
        AcceptanceFixtures.accept(acceptance, p.id(), "VN", f.user("officer.vn"));
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.RUNNING);
        AcceptanceFixtures.accept(acceptance, p.id(), "RU", f.user("officer.ru"));
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.COMPLETED);
        int before = rows("project_report_version");
        assertThatThrownBy(() -> reports.submit(p.id(), annual("late", "1"), f.user("applicant.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("year"));
        assertThat(rows("project_report_version")).isEqualTo(before);
    }

    @Test
    void noReportBeforeTheProjectStarts() {
        Project p = f.awarded("Reports: early", 1).get(0);
        assertThatThrownBy(() -> reports.submit(p.id(), annual("early", "1"), f.user("applicant.vn")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_NOT_RUNNING"));
    }
}
