package org.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.project.Outputs;
import org.tandem.project.Project;
import org.tandem.project.Projects;
import org.tandem.project.Reports;
import org.tandem.support.TandemIntegrationTest;

/**
 * The demo promises dashboards and harvesters real content after the award: finished projects
 * of an earlier call, running ones with a returned and a missing report, a joint publication with
 * a DOI and a patent application.
 */
@TandemIntegrationTest
class DemoProjectsTests {

    @Autowired Programmes programmes;
    @Autowired Calls calls;
    @Autowired Projects projects;
    @Autowired Reports reports;
    @Autowired Outputs outputs;
    @Autowired UserDetailsService users;
    @Autowired org.tandem.project.Acceptance acceptance;

    List<Project> of(String title) {
        Programme earlier = programmes.byCode(DemoProjects.CODE).orElseThrow();
        Call call = calls.ofProgramme(earlier.getId()).stream().filter(c -> title.equals(c.getTitle().getEn()))
                .findFirst().orElseThrow();
        return projects.ofProgramme(earlier.getId()).stream().filter(p -> p.callId() == call.getId()).toList();
    }

    @Test
    void theEarlierCallsProjectsAreFinishedAndTheLaterOnesRunWithTheirFirstYearReported() {
        TandemUser officerVn = (TandemUser) users.loadUserByUsername("officer.vn");
        List<Project> finished = of(DemoProjects.CALL_2022);
        List<Project> running = of(DemoProjects.CALL_2024);
        assertThat(finished).isNotEmpty().allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("COMPLETED");
            // Codes carry the year of the committee's decision, not of the import.
            assertThat(p.partByCode("VN").orElseThrow().code()).contains("/22/");
        });
        List<org.tandem.project.Acceptance.Council> councils = finished.stream()
                .flatMap(p -> acceptance.of(p.id(), "VN", officerVn).stream()).toList();
        assertThat(councils).hasSameSizeAs(finished).allSatisfy(c -> assertThat(c.result()).isEqualTo("SATISFACTORY"));
        assertThat(councils).anyMatch(c -> c.members().size() == 3 && c.products().size() == 3);
        assertThat(running).hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> assertThat(p.status()).isEqualTo("RUNNING"));

        List<Reports.Report> firstYear = running.stream()
                .flatMap(p -> reports.of(p.id(), officerVn).stream())
                .filter(r -> "ANNUAL".equals(r.kind()) && r.year() == 1).toList();
        assertThat(firstYear).anyMatch(r -> "RETURNED".equals(r.status()) && r.current().comment() != null);
        assertThat(firstYear).anyMatch(r -> "ACCEPTED".equals(r.status()));
        assertThat(firstYear).anyMatch(r -> "SUBMITTED".equals(r.status()));
        // Every team but one filed its first annual report: the missing one is overdue.
        assertThat(firstYear).hasSize(running.size() * 2 - 1);

        long applicantVn = ((TandemUser) users.loadUserByUsername("applicant.vn")).id();
        Project demo = running.stream().filter(p -> p.ledBy(applicantVn).isPresent()).findFirst().orElseThrow();
        List<Outputs.Output> made = outputs.of(demo.id(), officerVn);
        assertThat(made).anyMatch(o -> "PUBLICATION".equals(o.kind()) && o.joint() && o.doi() != null);
        assertThat(made).anyMatch(o -> "PATENT".equals(o.kind()) && "APPLIED".equals(o.patentStatus()));
    }
}
