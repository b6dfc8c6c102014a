package org.tandem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.demo.DemoProposals;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.project.Projects;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.proposal.TeamContent;
import org.tandem.selection.DecisionsApproved;
import org.tandem.support.TandemIntegrationTest;

/**
 * The main pages on demo data as PNGs in docs/screenshots, for the README. Not a test of the
 * normal suite (its name does not end in Tests and it needs -Dtandem.screenshots=true):
 * docs/screenshots/refresh.sh runs it. Each page is still checked by axe-core as it loads.
 */
@TandemIntegrationTest
@EnabledIfSystemProperty(named = "tandem.screenshots", matches = "true")
class PageScreenshots extends BrowserTest {

    /** Where the PNGs go: the repository's docs/screenshots, whatever directory Maven runs the module in. */
    static final Path OUT = Path.of(System.getProperty("tandem.screenshots.dir", "../docs/screenshots"));
    static final long MAX_BYTES = 300 * 1024;

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions submissions;
    @Autowired Projects projects;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    long titled(String title) {
        return calls.publicCalls().stream().filter(c -> title.equals(c.getTitle().getEn())).map(Call::getId)
                .findFirst().orElseThrow();
    }

    @Test
    void mainPages() throws IOException {
        Files.createDirectories(OUT);
        long openCall = calls.openAndUpcoming().get(0).getId();
        long reviewed = titled(DemoProposals.REVIEWED_TITLE);
        long programme = programmes.byCode(DemoProgramme.CODE).orElseThrow().getId();

        Page visitor = sized(newPage("Asia/Ho_Chi_Minh"));
        shoot(visitor, "/?lang=en", "home-public");
        shoot(visitor, "/calls?lang=en", "calls");
        shoot(visitor, "/calls/" + openCall + "?lang=vi", "call-page-vi");
        shoot(visitor, "/innovation?lang=en", "innovation");
        shoot(visitor, "/indices?lang=ru", "indicators-ru");
        shoot(visitor, "/programmes/" + programme + "/projects/" + awardedProject() + "?lang=en", "project-public");
        visitor.context().close();

        Page applicant = sized(signedIn("applicant.vn", "Asia/Ho_Chi_Minh"));
        shoot(applicant, "/?lang=vi", "home-applicant-vi");
        long draft = jdbc.sql("select p.id from proposal p join proposal_team t on t.proposal_id = p.id "
                + "where t.pi_user_id = ? and p.status = 'DRAFT' and p.call_id = ? order by p.id limit 1")
                .params(user("applicant.vn").id(), openCall).query(Long.class).single();
        shoot(applicant, "/proposals/" + draft + "?lang=en", "proposal-form");
        applicant.context().close();

        Page expert = sized(signedIn("expert.vn", "Asia/Ho_Chi_Minh"));
        long reviewedProposal = jdbc.sql("select a.proposal_id from review_assignment a join person pe on pe.id = a.person_id "
                + "where a.call_id = ? and pe.user_id = ? order by a.proposal_id limit 1")
                .params(reviewed, user("expert.vn").id()).query(Long.class).single();
        shoot(expert, "/reviews/" + reviewed + "/" + reviewedProposal + "?lang=en", "review-form");
        expert.context().close();

        Page committee = sized(signedIn("committee.ru", "Europe/Moscow"));
        shoot(committee, "/committee/calls/" + reviewed + "?lang=ru", "committee-board-ru");
        committee.context().close();

        // An officer's home with something on it: a call drafted by the Russian side, waiting for Vietnam's approval.
        draftCall();
        Page officer = sized(signedIn("officer.vn", "Asia/Ho_Chi_Minh"));
        shoot(officer, "/?lang=en", "home-officer");
        shoot(officer, "/officer/calls/" + openCall + "?lang=en", "officer-call");
        officer.context().close();
    }

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    static Page sized(Page page) {
        page.setViewportSize(1280, 900);
        return page;
    }

    void shoot(Page page, String path, String name) throws IOException {
        page.navigate(url(path));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Path file = OUT.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
        assertThat(Files.size(file)).as(file + " size").isLessThan(MAX_BYTES);
    }

    void draftCall() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String title = "Joint call 2027: digital agriculture";
        calls.draft(p.getId(), new CallInput(2027, new LocalizedText(title, "Đợt gọi chung 2027: nông nghiệp số",
                        "Совместный конкурс 2027: цифровое сельское хозяйство"),
                new LocalizedText("Joint projects in digital agriculture.", "Dự án chung về nông nghiệp số.",
                        "Совместные проекты в цифровом сельском хозяйстве."),
                now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(100)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("9000000000"), new BigDecimal("3000000000"), "VND"),
                        new CallBudget(ru, new BigDecimal("45000000"), new BigDecimal("15000000"), "RUB"))), user("officer.ru"));
    }

    /** The demo has no project yet: one awarded from a closed call, as the registry's event would create it. */
    long awardedProject() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String title = "Smart river sensing call 2026";
        Call call = calls.createApproved(p.getId(), new CallInput(2026, new LocalizedText(title, title, title),
                new LocalizedText("Projects", "Dự án", "Проекты"), now.minus(Duration.ofDays(200)),
                now.minus(Duration.ofDays(150)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("9000000000"), new BigDecimal("3000000000"), "VND"),
                        new CallBudget(ru, new BigDecimal("45000000"), new BigDecimal("15000000"), "RUB"))), "system");
        ProposalContent content = new ProposalContent("MEKONG-SENSE", "Low-cost sensor networks for flood forecasting in the Mekong delta",
                "River level sensors and machine-learned forecasts shared by Vietnamese and Russian hydrologists.",
                List.of("sensors", "floods"), List.of("AI"), 24, "WP1 Sensors (months 1-12)\nWP2 Forecasts (months 13-24)",
                null, null, null, null,
                List.of(new TeamContent("VN", "Hanoi University of Science and Technology", "Nguyễn Văn An", null,
                                List.of("Nguyễn Văn An", "Trần Thị Bình"),
                                List.of(new BudgetLine(1, "Personnel", new BigDecimal("1000000000"))), null),
                        new TeamContent("RU", "Novosibirsk State University", "Иван Петров", null, List.of("Иван Петров"),
                                List.of(new BudgetLine(1, "Personnel", new BigDecimal("5000000"))), null)));
        long proposal = submissions.importSubmitted(call.getId(), content,
                Map.of(vn, user("applicant.vn").id(), ru, user("applicant.ru").id()), now.minus(Duration.ofDays(160)),
                user("admin").id()).proposalId();
        projects.createProjects(new DecisionsApproved(call.getId(), "screenshots", List.of(proposal), List.of(), now));
        return projects.ofProposal(proposal).orElseThrow().id();
    }
}
