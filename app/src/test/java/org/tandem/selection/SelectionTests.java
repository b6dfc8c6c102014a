package org.tandem.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.engine.select.Policy;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Calls;
import org.tandem.demo.DemoProposals;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** The committee's board and funding line on the demo's reviewed call; read-only (the browser test decides). */
@TandemIntegrationTest
class SelectionTests {

    @LocalServerPort int port;
    @Autowired Selection selection;
    @Autowired Calls calls;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    long reviewedCall() {
        return calls.publicCalls().stream()
                .filter(c -> c.getTitle().getEn().equals(DemoProposals.REVIEWED_TITLE)).findFirst().orElseThrow().getId();
    }

    @Test
    void bothPartiesScoresSideBySideAndALineThatFollowsTheBudgets() {
        long call = reviewedCall();
        var board = selection.board(call, user("committee.vn"));
        assertThat(board.rows()).hasSize(20);
        assertThat(board.rows()).allSatisfy(r -> {
            assertThat(r.parties().keySet()).containsExactly("VN", "RU");
            assertThat(r.parties().values()).allSatisfy(s -> assertThat(s.reviews()).isEqualTo(2));
            assertThat(r.merit()).isBetween(0.0, 5.0);
        });
        // Merit order; a proposal below a party's threshold is never fundable.
        for (int i = 1; i < board.rows().size(); i++) {
            assertThat(board.rows().get(i - 1).merit()).isGreaterThanOrEqualTo(board.rows().get(i).merit());
        }
        assertThat(board.rows()).filteredOn(r -> r.parties().values().stream().anyMatch(s -> !s.fundable()))
                .allSatisfy(r -> assertThat(r.fundable()).isFalse());

        var full = selection.fundingLine(call, Map.of(), Map.of(), Policy.RANK, user("committee.ru"));
        var half = selection.fundingLine(call, Map.of("VN", board.budgets().get("VN").divide(BigDecimal.valueOf(2))),
                Map.of(), Policy.RANK, user("committee.ru"));
        assertThat(full.funded()).isPositive();
        assertThat(half.funded()).isLessThan(full.funded());
        assertThat(half.rows()).filteredOn(r -> r.fundable() && !r.funded()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.reason()).startsWith("budget:"));
        var optimal = selection.fundingLine(call, Map.of(), Map.of(), Policy.OPTIMAL, user("committee.ru"));
        assertThat(optimal.optimal()).isTrue();
        // Proven: the bound is the merit reached, no gap.
        assertThat(optimal.meritBound()).isEqualByComparingTo(optimal.totalMerit());
        assertThat(optimal.gap()).isEqualTo(0.0);
        assertThat(full.meritBound()).isNull();
        assertThat(optimal.totalMerit()).isGreaterThanOrEqualTo(full.totalMerit());
        // A field capped at one project: at most one of that field is funded, the rest say why.
        String field = board.rows().stream().filter(r -> r.fundable()).findFirst().orElseThrow().field();
        var capped = selection.fundingLine(call, Map.of(), Map.of(field, new int[] {0, 1}), Policy.RANK, user("committee.vn"));
        assertThat(capped.rows()).filteredOn(r -> r.funded() && r.field().equals(field)).hasSize(1);

        assertThatThrownBy(() -> selection.fundingLine(call, Map.of("XX", BigDecimal.ONE), Map.of(), Policy.RANK,
                user("committee.vn"))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("budget.XX"));
        assertThatThrownBy(() -> selection.board(call, user("applicant.vn"))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> selection.board(call, user("expert.vn"))).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void theApiAndTheSpreadsheetShowWhatTheCommitteeSeesAndApplicantsNothing() {
        long call = reviewedCall();
        WebSession committee = new WebSession(port).signIn("committee.vn", "demo");
        var json = committee.get("/api/v1/calls/" + call + "/funding-line?budget.RU=0", "en");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\"funded\":0").contains("the remaining budget of Russia does not cover its team");
        var bad = committee.get("/api/v1/calls/" + call + "/funding-line?budget.VN=lots", "en");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("budget.VN");
        assertThat(committee.get("/api/v1/calls/" + call + "/selection", "en").body()).contains("\"calibrated\"")
                .doesNotContain("Lê Minh Tuấn");
        byte[] xlsx = committee.getBytes("/committee/calls/" + call + "/selection.xlsx");
        assertThat(xlsx.length).isGreaterThan(1000);
        assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");
        String page = committee.get("/committee/calls/" + call + "?lang=en", "en").body();
        assertThat(page).contains("Joint selection").contains("Funding line").doesNotContain("Lê Minh Tuấn");
        assertThat(new WebSession(port).signIn("applicant.vn", "demo").get("/committee/calls/" + call).status())
                .isEqualTo(403);
        assertThat(new WebSession(port).signIn("applicant.vn", "demo").get("/api/v1/calls/" + call + "/selection").status())
                .isEqualTo(403);
    }

    @Test
    void theOptimalLineSaysInWordsWhetherItIsProvenAndTheRankLineClaimsNothing() {
        long call = reviewedCall();
        WebSession committee = new WebSession(port).signIn("committee.ru", "demo");
        var json = committee.get("/api/v1/calls/" + call + "/funding-line?policy=optimal", "en");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\"optimal\":true").contains("\"gap\":0.0").contains("Proven optimal");
        assertThat(committee.get("/api/v1/calls/" + call + "/funding-line?policy=rank", "en").body())
                .contains("\"proof\":\"\"").contains("\"meritBound\":null");
        assertThat(committee.get("/committee/calls/" + call + "?policy=optimal&lang=ru", "ru").body())
                .contains("id=\"line-proof\"").contains("Оптимальность доказана");
        assertThat(committee.get("/committee/calls/" + call + "?policy=optimal&lang=vi", "vi").body())
                .contains("Đã chứng minh tối ưu");
    }
}
