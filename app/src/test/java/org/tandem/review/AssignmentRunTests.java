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
import org.tandem.demo.DemoProgramme;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

@TandemIntegrationTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AssignmentRunTests {

    @LocalServerPort int port;
    @Autowired AssignmentRuns runs;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired Directory directory;
    @Autowired UserDetailsService users;
    @Autowired ExpertPools pools;
    @Autowired ReviewForms forms;
    @Autowired AssignmentJobs jobs;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    Call pilot() {
        return calls.publicCalls().stream().filter(c -> c.getTitle().getEn().startsWith("Pilot joint call"))
                .findFirst().orElseThrow();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void eachPartyAssignsItsOwnExpertsAndConflictsAreNeverAssigned() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        long expertVn = directory.profileOf(user("expert.vn").id()).orElseThrow().id();
        // The Vietnamese expert declares a conflict with one proposal, named by its acronym.
        directory.declareConflict(expertVn, "RLGRID", "I advised this team in 2025", "expert.vn");

        var outcome = runs.run(pilot().getId(), vn, 1, 50, user("officer.vn"));
        // Other tests may add experts to this pool, so the checks hold for any pool that contains expert.vn.
        assertThat(outcome.lines()).noneMatch(l -> l.acronym().equals("RLGRID") && l.personId() == expertVn);
        assertThat(outcome.lines().size() + outcome.unmet().size()).isEqualTo(40);
        assertThat(outcome.unmet()).allSatisfy(u -> assertThat(u.reason()).isEqualTo(UnmetDemand.Reason.ALL_CONFLICTED));
        assertThat(outcome.lines()).allSatisfy(l -> assertThat(l.score()).isBetween(0.0, 1.0));
        assertThat(outcome.lines()).allSatisfy(l -> assertThat(l.why()).isNotBlank());

        assertThatThrownBy(() -> runs.current(pilot().getId(), vn, user("officer.ru")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> runs.run(pilot().getId(), ru, 1, 50, user("officer.vn")))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void thePageShowsOnlyTheOfficersOwnPartyAndIsClosedToApplicants() throws InterruptedException {
        long call = pilot().getId();
        WebSession ru = new WebSession(port).signIn("officer.ru", "demo");
        ru.get("/officer/calls/" + call + "/assignment?lang=ru", "ru");
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        var posted = ru.post("/officer/calls/" + call + "/assignment", Map.of("party",
                String.valueOf(p.partyByCode("RU").orElseThrow().getId()), "perProposal", "1", "maxLoad", "50"), "ru");
        assertThat(posted.status()).isEqualTo(302);
        // The run goes on in the background; the page shows its result once it has ended.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (jobs.activeOf(call).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(jobs.activeOf(call)).isEmpty();
        String page = ru.get("/officer/calls/" + call + "/assignment", "ru").body();
        assertThat(page).contains("Дмитрий Кузнецов").doesNotContain("Lê Minh Tuấn").contains("AIMRI");
        assertThat(new WebSession(port).signIn("applicant.vn", "demo")
                .get("/officer/calls/" + call + "/assignment").status()).isEqualTo(403);
    }

    /** Runs last: after its invitations, this party's assignment can no longer be re-run. */
    @Test
    @org.junit.jupiter.api.Order(3)
    void officersReplaceExpertsButNeverWithAConflictedOneThenExpertsAnswerTheirInvitations() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long call = pilot().getId();
        TandemUser officer = user("officer.vn");
        // A second Vietnamese expert, who declares a conflict with one proposal.
        pools.invite(p.getId(), vn, "applicant.vn", officer);
        long second = directory.profileOf(user("applicant.vn").id()).orElseThrow().id();
        directory.declareConflict(second, "DENGUEVAX", "My former student leads the Vietnamese team", "applicant.vn");

        var lines = runs.run(call, vn, 1, 50, officer).lines();
        var dengue = lines.stream().filter(l -> l.acronym().equals("DENGUEVAX")).findFirst().orElseThrow();
        assertThatThrownBy(() -> runs.replace(call, vn, dengue.proposalId(), dengue.personId(), second, officer))
                .isInstanceOfSatisfying(org.tandem.platform.validation.InvalidInputException.class, e ->
                        assertThat(e.problems().get(0).code()).isEqualTo("assignment.conflicted"));
        // The second expert works at a host organisation of some proposals: those are refused too; take the first that is not.
        AssignmentRuns.Line other = null;
        int refused = 0;
        for (var l : lines) {
            if (l.acronym().equals("DENGUEVAX") || l.personId() == second) {
                continue;
            }
            try {
                runs.replace(call, vn, l.proposalId(), l.personId(), second, officer);
                other = l;
                break;
            } catch (org.tandem.platform.validation.InvalidInputException e) {
                assertThat(e.problems().get(0).code()).isEqualTo("assignment.conflicted");
                assertThat(e.problems().get(0).args().get(1).toString()).contains("same organisation");
                refused++;
            }
        }
        assertThat(other).isNotNull();
        assertThat(refused).isPositive();
        long otherProposal = other.proposalId();
        String otherAcronym = other.acronym();
        assertThat(runs.current(call, vn, officer)).anyMatch(l -> l.proposalId() == otherProposal && l.personId() == second);

        // Invitations need the review due date (issue 11).
        var f = forms.of(call);
        if (f.dueAt() == null) {
            forms.save(call, new ReviewForms.Input(f.criteria().stream().map(c -> new ReviewForms.CriterionInput(c.code(),
                    c.name().getEn(), c.name().getVi(), c.name().getRu(), "" + c.weight(),
                    c.threshold() == null ? "" : "" + c.threshold())).toList(), "" + f.scaleMax(), "" + f.step(),
                    f.overallThreshold() == null ? "" : "" + f.overallThreshold(),
                    java.time.Instant.now().plus(java.time.Duration.ofDays(30)), "" + f.remindDays(), f.version()), officer);
        }
        WebSession officerWeb = new WebSession(port).signIn("officer.vn", "demo");
        officerWeb.get("/officer/calls/" + call + "/assignment");
        officerWeb.post("/officer/calls/" + call + "/assignment/invite", Map.of("party", String.valueOf(vn)), "en");
        WebSession expert = new WebSession(port).signIn("applicant.vn", "demo");
        String page = expert.get("/reviews?lang=en", "en").body();
        assertThat(page).contains(otherAcronym).contains("Invited").doesNotContain("Lê Minh Tuấn");
        expert.post("/reviews/answer", Map.of("call", String.valueOf(call), "proposal", String.valueOf(otherProposal),
                "accept", "false"), "en");
        assertThat(expert.get("/reviews", "en").body()).contains("Declined");
        // Once invitations are out, a wholesale re-run is refused.
        assertThatThrownBy(() -> runs.run(call, vn, 1, 50, officer))
                .isInstanceOf(org.tandem.platform.validation.InvalidInputException.class);
    }
}
