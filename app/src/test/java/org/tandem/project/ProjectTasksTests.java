package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.tasks.Tasks;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;

/** A submitted report waits on its party's officer's home; a returned one on the team lead's. */
@TandemIntegrationTest
class ProjectTasksTests {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Reports reports;
    @Autowired Tasks tasks;
    @Autowired UserDetailsService users;

    @Test
    void aReportGoesToItsPartysOfficerAndBackToTheLead() {
        ProjectFixtures f = new ProjectFixtures(calls, programmes, proposals, projects, users);
        Project p = f.awarded("Tasks project call " + System.nanoTime(), 1).get(0);
        contracts.sign(p.id(), "VN", ContractTests.vnContract(), f.user("officer.vn"));
        contracts.sign(p.id(), "RU", ContractTests.ruContract(), f.user("officer.ru"));
        String link = "/projects/" + p.id();

        var report = reports.submit(p.id(), ReportTests.annual("Year one", "800000000"), f.user("applicant.vn"));
        assertThat(tasks.of(f.user("officer.vn"))).anyMatch(t -> t.labelKey().equals("task.project.decide.annual")
                && t.link().equals(link) && t.args().contains(1));
        // Only Vietnam's officers decide on the Vietnamese team's report.
        assertThat(tasks.of(f.user("officer.ru"))).noneMatch(t -> t.link().equals(link));
        assertThat(tasks.of(f.user("applicant.vn"))).noneMatch(t -> t.link().equals(link));

        reports.decide(report.id(), false, "Add the equipment invoices.", f.user("officer.vn"));
        assertThat(tasks.of(f.user("officer.vn"))).noneMatch(t -> t.link().equals(link));
        assertThat(tasks.of(f.user("applicant.vn"))).anyMatch(t -> t.labelKey().equals("task.project.returned.annual")
                && t.link().equals(link));
        assertThat(tasks.of(f.user("applicant.ru"))).noneMatch(t -> t.link().equals(link));
    }
}
