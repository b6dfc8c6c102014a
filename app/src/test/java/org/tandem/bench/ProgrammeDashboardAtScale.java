package org.tandem.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.TandemApplication;
import org.tandem.demo.DemoProgramme;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.project.Contracts;
import org.tandem.project.Project;
import org.tandem.project.ProjectDashboard;
import org.tandem.project.ProjectFixtures;
import org.tandem.project.Projects;
import org.tandem.project.ReportSchedule;
import org.tandem.proposal.ProposalSubmissions;

/**
 * How long a programme's projects dashboard and an officer's list of overdue reports take as the programme fills
 * with running projects (both contracts signed, so every project owes reports). Not a test: run it by command (see
 * docs/performance.md). Arguments: {@code projects [repeats]}, e.g. {@code 300 15}; prints the median and spread of
 * the repeats, in-process (no HTTP), after two unmeasured ones.
 */
public final class ProgrammeDashboardAtScale {

    private ProgrammeDashboardAtScale() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path dir = Files.createTempDirectory("tandem-dashboard");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TandemApplication.class).run(
                "--server.port=0", "--tandem.data-dir=" + dir, "--tandem.demo=true", "--logging.level.root=WARN",
                "--tandem.db.embedded-clean=true")) {
            Programmes programmes = app.getBean(Programmes.class);
            Projects projects = app.getBean(Projects.class);
            Contracts contracts = app.getBean(Contracts.class);
            UserDetailsService users = app.getBean(UserDetailsService.class);
            ProjectFixtures fixtures = new ProjectFixtures(app.getBean(Calls.class), programmes,
                    app.getBean(ProposalSubmissions.class), projects, users);
            TandemUser officerVn = (TandemUser) users.loadUserByUsername("officer.vn");
            TandemUser officerRu = (TandemUser) users.loadUserByUsername("officer.ru");
            long made = 0;
            for (int batch = 0; made < n; batch++) {
                List<Project> awarded = fixtures.awarded("Dashboard at scale " + batch, (int) Math.min(50, n - made));
                for (Project p : awarded) {
                    sign(contracts, p.id(), "VN", officerVn);
                    sign(contracts, p.id(), "RU", officerRu);
                }
                made += awarded.size();
            }
            long programme = programmes.byCode(DemoProgramme.CODE).orElseThrow().getId();
            ProjectDashboard dashboard = app.getBean(ProjectDashboard.class);
            ReportSchedule schedule = app.getBean(ReportSchedule.class);
            int inProgramme = projects.ofProgramme(programme).size();
            System.out.printf("programme %s: %d projects (%d added, all running)%n", DemoProgramme.CODE, inProgramme, n);
            time("dashboard", repeats, () -> dashboard.board(programme, officerVn).overdueReports());
            time("overdue reports of officer.vn", repeats, () -> schedule.overdueFor(officerVn).size());
        }
    }

    private static void sign(Contracts contracts, long projectId, String party, TandemUser officer) {
        // Started two and a half years ago: two annual reports are due, the earlier one overdue.
        LocalDate start = LocalDate.now().minusMonths(30).withDayOfMonth(1);
        contracts.sign(projectId, party, new Contracts.ContractInput("C-" + party + "-" + projectId, start.minusDays(20),
                "Host", "PI", start, start.plusYears(3).minusDays(1),
                List.of(new Contracts.TrancheInput(start.getYear(), null, new BigDecimal("1000")))), officer);
    }

    private static void time(String what, int repeats, java.util.function.LongSupplier run) {
        long result = 0;
        for (int i = 0; i < 2; i++) {
            result = run.getAsLong();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            result = run.getAsLong();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%s: median %.1f ms (min %.1f, max %.1f) over %d runs; result %d%n", what,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], repeats, result);
    }
}
