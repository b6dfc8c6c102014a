package org.tandem.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;
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
import org.tandem.support.WebSession;

/**
 * The programme's scoreboard follows what the other modules record: a new call with two
 * submitted joint proposals, one of them funded, moves the figures by exactly that much; the
 * scoreboard then becomes an edition's data with the parties as units and is computed.
 */
@TandemIntegrationTest
class ScoreboardTests {

    @LocalServerPort int port;
    @Autowired ProgrammeScoreboard scoreboard;
    @Autowired Indicators indicators;
    @Autowired IndexRuns runs;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions submissions;
    @Autowired Projects projects;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    Programme programme() {
        return programmes.byCode(DemoProgramme.CODE).orElseThrow();
    }

    long party(String code) {
        return programme().partyByCode(code).orElseThrow().getId();
    }

    Call closedCall(String title) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return calls.createApproved(programme().getId(), new CallInput(2026, new LocalizedText(title, title, title),
                new LocalizedText("Projects", "Dự án", "Проекты"), now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(10)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(party("VN"), new BigDecimal("9000000000.00"), new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(party("RU"), new BigDecimal("45000000.00"), new BigDecimal("15000000.00"), "RUB"))),
                "system");
    }

    long submitted(Call call, String acronym) {
        ProposalContent content = new ProposalContent(acronym, "Joint project " + acronym, "Abstract of " + acronym,
                List.of("sensors"), List.of("AI"), 24, "WP1 Data (months 1-12)\nWP2 Models (months 13-24)", null, null, null, null,
                List.of(new TeamContent("VN", "Hanoi University of Science and Technology", "Nguyễn Văn An", null,
                                List.of("Nguyễn Văn An"), List.of(new BudgetLine(1, "Personnel", new BigDecimal("1000000000.00"))),
                                null),
                        new TeamContent("RU", "Novosibirsk State University", "Иван Петров", null, List.of("Иван Петров"),
                                List.of(new BudgetLine(1, "Personnel", new BigDecimal("5000000.00"))), null)));
        return submissions.importSubmitted(call.getId(), content,
                Map.of(party("VN"), user("applicant.vn").id(), party("RU"), user("applicant.ru").id()),
                Instant.now().minus(Duration.ofDays(12)), user("admin").id()).proposalId();
    }

    static ProgrammeScoreboard.Tally row(List<ProgrammeScoreboard.Tally> rows, String code) {
        return rows.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aFundedProposalMovesTheScoreboardAndTheScoreboardBecomesAnIndex() throws Exception {
        TandemUser analyst = user("analyst");
        long pid = programme().getId();
        var before = scoreboard.board(pid, analyst);

        Call call = closedCall("Scoreboard call");
        long funded = submitted(call, "SB1");
        submitted(call, "SB2");
        projects.createProjects(new DecisionsApproved(call.getId(), "sb-" + call.getId(), List.of(funded), List.of(),
                Instant.now()));

        var after = scoreboard.board(pid, analyst);
        var c = row(after.calls(), "C" + call.getId());
        assertThat(c.proposals()).isEqualTo(2);
        assertThat(c.funded()).isEqualTo(1);
        assertThat(c.successRate()).isCloseTo(0.5, within(1e-12));
        assertThat(c.names().en()).isEqualTo("Scoreboard call");
        var vnBefore = row(before.parties(), "VN");
        var vn = row(after.parties(), "VN");
        assertThat(vn.proposals() - vnBefore.proposals()).isEqualTo(2);
        assertThat(vn.funded() - vnBefore.funded()).isEqualTo(1);
        assertThat(vn.committed().subtract(vnBefore.committed())).isEqualByComparingTo("1000000000.00");
        assertThat(vn.currency()).isEqualTo("VND");
        var ai = row(after.fields(), "AI");
        assertThat(ai.proposals() - row(before.fields(), "AI").proposals()).isEqualTo(2);
        assertThat(after.total().proposals() - before.total().proposals()).isEqualTo(2);
        assertThat(after.dealsByStage()).containsKeys("INTEREST", "AGREEMENT");
        // Start-ups are counted per party's country, every party present even with none.
        assertThat(after.startupsByParty()).containsOnlyKeys(after.programme().getParties().stream()
                .map(org.tandem.programme.Party::getCountryCode).toArray(String[]::new));

        assertThatThrownBy(() -> scoreboard.board(pid, user("applicant.vn"))).isInstanceOf(NotAllowedException.class);

        // As an edition's data: one indicator per measure in three pillars, the parties as units.
        var e = indicators.createEdition("TEST-SCOREBOARD", 2030, new Names("Scoreboard", null, null), analyst);
        scoreboard.importInto(e.id(), pid, ProgrammeScoreboard.UnitKind.PARTIES, analyst);
        assertThat(indicators.nodes(e.id())).extracting(Indicators.Node::code).contains("SB_PROPOSALS", "SB_SUCCESS",
                "SB_JOINT_PUBLICATIONS", "SB_PATENTS", "SB_BUDGET_EXECUTION", "SB_PARTICIPATION", "SB_INDEX");
        assertThat(indicators.nodes(e.id()).stream().filter(n -> n.code().equals("SB_PROPOSALS")).findFirst().orElseThrow()
                .names().ru()).isEqualTo("Поданные заявки");
        String vnUnit = (DemoProgramme.CODE + "-VN").toUpperCase(java.util.Locale.ROOT);
        assertThat(indicators.units()).filteredOn(u -> u.code().equals(vnUnit)).singleElement()
                .satisfies(u -> assertThat(u.kind()).isEqualTo("PARTY"));
        indicators.configure(e.id(), new PipelineChoices(PipelineChoices.Impute.NONE, false, PipelineChoices.Normalise.MINMAX,
                PipelineChoices.Aggregate.AMEAN, 0.25), analyst);
        assertThat(runs.computeNow(e.id(), analyst).status()).isEqualTo("DONE");
        var r = indicators.results(e.id(), analyst);
        assertThat(r.units()).extracting(Indicators.UnitResult::unitCode).contains(vnUnit);
        assertThat(r.top()).isEqualTo("SB_INDEX");

        // Calls as units: no budget pillar, one unit per call.
        var byCall = indicators.createEdition("TEST-SCOREBOARD", 2031, new Names("Scoreboard by call", null, null), analyst);
        scoreboard.importInto(byCall.id(), pid, ProgrammeScoreboard.UnitKind.CALLS, analyst);
        assertThat(indicators.nodes(byCall.id())).extracting(Indicators.Node::code).doesNotContain("SB_BUDGET_EXECUTION");

        WebSession web = new WebSession(port).signIn("analyst", "demo");
        var page = web.get("/analyst/indicators/scoreboard", "ru");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Показатели программы", "Scoreboard call", "Исполнение бюджета", "scoreboard-calls")
                .doesNotContain("style=");
        assertThat(new WebSession(port).signIn("applicant.vn", "demo").get("/analyst/indicators/scoreboard", "en").status())
                .isEqualTo(403);
    }
}
