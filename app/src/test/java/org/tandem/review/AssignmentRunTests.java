package org.tandem.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.directory.Directory;
import org.tandem.engine.assign.UnmetDemand;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.DemoProgramme;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

@TandemIntegrationTest
class AssignmentRunTests {

    @LocalServerPort int port;
    @Autowired AssignmentRuns runs;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired Directory directory;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    Call pilot() {
        return calls.publicCalls().stream().filter(c -> c.getTitle().getEn().startsWith("Pilot joint call"))
                .findFirst().orElseThrow();
    }

    @Test
    void eachPartyAssignsItsOwnExpertsAndConflictsAreNeverAssigned() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        long expertVn = directory.profileOf(user("expert.vn").id()).orElseThrow().id();
        // The Vietnamese expert declares a conflict with one proposal, named by its acronym.
        directory.declareConflict(expertVn, "RLGRID", "I advised this team in 2025", "expert.vn");

        var outcome = runs.run(pilot().getId(), vn, 1, 50, user("officer.vn"));
        assertThat(outcome.lines()).hasSize(39);
        assertThat(outcome.lines()).extracting(AssignmentRuns.Line::acronym).doesNotContain("RLGRID");
        assertThat(outcome.unmet()).singleElement().satisfies(u ->
                assertThat(u.reason()).isEqualTo(UnmetDemand.Reason.ALL_CONFLICTED));
        assertThat(outcome.lines()).allSatisfy(l -> assertThat(l.score()).isBetween(0.0, 1.0));
        // Affinity is meaningful: a power-systems expert fits a vaccine proposal worse than their best match.
        assertThat(outcome.lines().stream().filter(l -> l.acronym().equals("DENGUEVAX")).findFirst().orElseThrow().score())
                .isLessThan(outcome.lines().stream().mapToDouble(AssignmentRuns.Line::score).max().orElseThrow());

        assertThatThrownBy(() -> runs.current(pilot().getId(), vn, user("officer.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> runs.run(pilot().getId(), ru, 1, 50, user("officer.vn")))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void thePageShowsOnlyTheOfficersOwnPartyAndIsClosedToApplicants() {
        long call = pilot().getId();
        WebSession ru = new WebSession(port).signIn("officer.ru", "demo");
        ru.get("/officer/calls/" + call + "/assignment?lang=ru", "ru");
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        var posted = ru.post("/officer/calls/" + call + "/assignment", Map.of("party",
                String.valueOf(p.partyByCode("RU").orElseThrow().getId()), "perProposal", "1", "maxLoad", "50"), "ru");
        assertThat(posted.status()).isEqualTo(302);
        String page = ru.get("/officer/calls/" + call + "/assignment", "ru").body();
        assertThat(page).contains("Дмитрий Кузнецов").doesNotContain("Lê Minh Tuấn").contains("AIMRI");
        assertThat(new WebSession(port).signIn("applicant.vn", "demo")
                .get("/officer/calls/" + call + "/assignment").status()).isEqualTo(403);
    }
}
