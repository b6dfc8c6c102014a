package org.tandem.selection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;

/** What the committee sees, as JSON: the board, the funding line for any what-if, the decisions. */
@RestController
@RequestMapping("/api/v1/calls/{id}")
class SelectionApi {

    private final Selection selection;
    private final Decisions decisions;
    private final Explanations explain;

    SelectionApi(Selection selection, Decisions decisions, Explanations explain) {
        this.selection = selection;
        this.decisions = decisions;
        this.explain = explain;
    }

    record PartyJson(String party, int reviews, Double raw, Double calibrated, boolean fundable, List<String> failures,
                     Map<String, Double> criterionMeans, Boolean recommended) {
    }

    record RowJson(long proposalId, String acronym, String title, String field, Double merit, boolean fundable,
                   boolean disagreement, Map<String, BigDecimal> costs, List<PartyJson> parties, String consensusComment) {
    }

    record BoardJson(long callId, Map<String, BigDecimal> budgets, Map<String, String> currencies, List<RowJson> rows) {
    }

    @GetMapping("/selection")
    BoardJson board(@PathVariable long id) {
        TandemUser me = CurrentUser.require();
        Selection.Board b = selection.board(id, me);
        return new BoardJson(id, b.budgets(), b.currencies(), b.rows().stream().map(r -> new RowJson(r.proposalId(),
                r.acronym(), r.title(), r.field(), r.merit(), r.fundable(), r.disagreement(), r.costs(),
                r.parties().values().stream().map(s -> new PartyJson(s.party(), s.reviews(), s.raw(), s.calibrated(),
                        s.fundable(), s.failures().stream().map(f -> (f.criterion() == null ? "overall" : f.criterion())
                                + " " + f.score() + " < " + f.threshold()).toList(), s.criterionMeans(), s.recommended()))
                        .toList(), r.comment())).toList());
    }

    record LineRowJson(long proposalId, String acronym, String field, Double merit, boolean fundable, boolean funded,
                       String reason, String explanation, Map<String, BigDecimal> costs) {
    }

    record LineJson(String policy, Map<String, BigDecimal> budgets, Map<String, BigDecimal> spent, int funded,
                    BigDecimal totalMerit, boolean optimal, BigDecimal meritBound, Double gap, String proof,
                    List<String> unmetMinimums, List<LineRowJson> rows) {
    }

    /** The funding line for {@code budget.<PARTY>}, {@code min.<FIELD>}, {@code max.<FIELD>}, {@code policy}. */
    @GetMapping("/funding-line")
    LineJson line(@PathVariable long id, @RequestParam Map<String, String> params) {
        TandemUser me = CurrentUser.require();
        FundingQuery q = FundingQuery.from(params);
        Selection.FundingView v = selection.fundingLine(id, q.budgets(), q.quotas(), q.policy(), me);
        return new LineJson(v.policy().name().toLowerCase(java.util.Locale.ROOT), v.budgets(), v.spent(), v.funded(),
                v.totalMerit(), v.optimal(), v.meritBound(), v.gap(), explain.proof(v), v.unmetMinimums(), v.rows().stream().map(r -> new LineRowJson(r.proposalId(),
                r.acronym(), r.field(), r.merit(), r.fundable(), r.funded(), r.reason(),
                explain.of(r.funded(), r.reason(), r.merit()), r.costs())).toList());
    }

    @GetMapping("/decisions")
    Decisions.DecisionSet decisions(@PathVariable long id) {
        return decisions.current(id, CurrentUser.require())
                .orElseThrow(() -> new org.tandem.platform.validation.NotFoundException("no decisions proposed"));
    }
}
