package org.tandem.selection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.engine.score.ProposalScore;
import org.tandem.engine.score.ReviewScores;
import org.tandem.engine.score.ScoreAggregation;
import org.tandem.engine.score.ThresholdFailure;
import org.tandem.engine.select.Budget;
import org.tandem.engine.select.Decision;
import org.tandem.engine.select.FieldQuota;
import org.tandem.engine.select.FundingLine;
import org.tandem.engine.select.FundingResult;
import org.tandem.engine.select.Policy;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.Proposal;
import org.tandem.proposal.ProposalStatus;
import org.tandem.proposal.Proposals;
import org.tandem.proposal.Team;
import org.tandem.review.ReviewForms;
import org.tandem.review.Reviews;

/**
 * The committee's view of a reviewed call. Each party's reviews are aggregated on their own
 * (weighted criteria, thresholds on raw scores, reviewer calibration within the party), so
 * that neither party's scale bends the other's. A proposal's joint merit is the mean of the
 * parties' calibrated scores, and it can be funded only if every party finds it fundable and
 * every party's budget pays its own team ("two keys").
 */
@Service
public class Selection {

    /** Disagreement worth a discussion: the parties' scores differ by at least this much on the form's scale. */
    public static final double DISAGREEMENT = 1.0;

    public record PartyScore(String party, int reviews, Double raw, Double calibrated, boolean fundable,
                             List<ThresholdFailure> failures, Map<String, Double> criterionMeans, Boolean recommended) {
    }

    public record Row(long proposalId, String acronym, String title, String field, Map<String, PartyScore> parties,
                      Double merit, boolean fundable, boolean disagreement, Map<String, BigDecimal> costs, String comment) {
    }

    public record Board(Call call, List<Party> parties, ReviewForms.Form form, List<Row> rows,
                        Map<String, BigDecimal> budgets, Map<String, String> currencies, List<String> fields) {
    }

    /** One proposal's place in a funding line, with the reason in the engine's codes (empty when funded). */
    public record LineRow(long proposalId, String acronym, String field, Double merit, boolean fundable, boolean funded,
                          String reason, Map<String, BigDecimal> costs) {
    }

    public record FundingView(Policy policy, Map<String, BigDecimal> budgets, Map<String, int[]> quotas, List<LineRow> rows,
                              Map<String, BigDecimal> spent, int funded, BigDecimal totalMerit, boolean optimal,
                              List<String> unmetMinimums, BigDecimal meritBound, Double gap) {
    }

    private final Calls calls;
    private final Programmes programmes;
    private final Proposals proposals;
    private final Reviews reviews;
    private final ReviewForms forms;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Selection(Calls calls, Programmes programmes, Proposals proposals, Reviews reviews, ReviewForms forms, JdbcClient jdbc,
              AuditTrail audit, Clock clock) {
        this.calls = calls;
        this.programmes = programmes;
        this.proposals = proposals;
        this.reviews = reviews;
        this.forms = forms;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Committee members and officers of the call's programme; nobody else. */
    Programme requireCommittee(Call call, TandemUser viewer) {
        Programme programme = programmes.get(call.getProgrammeId());
        if (viewer == null || !(viewer.has(Role.COMMITTEE_MEMBER, programme.getId(), null)
                || !viewer.officerParties(programme.getId()).isEmpty())) {
            throw new NotAllowedException("neither committee member nor officer of the programme");
        }
        return programme;
    }

    @Transactional(readOnly = true)
    public Board board(long callId, TandemUser viewer) {
        Call call = calls.get(callId);
        Programme programme = requireCommittee(call, viewer);
        return board(call, programme);
    }

    Board board(Call call, Programme programme) {
        long callId = call.getId();
        ReviewForms.Form form = forms.of(callId);
        List<Reviews.Submitted> submitted = reviews.submitted(callId);
        Map<String, Map<String, ProposalScore>> scoreByParty = new LinkedHashMap<>();
        for (Party party : programme.getParties()) {
            List<ReviewScores> own = submitted.stream().filter(r -> r.partyCode().equals(party.getCode()))
                    .map(r -> new ReviewScores(String.valueOf(r.proposalId()), String.valueOf(r.personId()), r.scores()))
                    .toList();
            Map<String, ProposalScore> byProposal = new HashMap<>();
            if (!own.isEmpty()) {
                ScoreAggregation.aggregate(form.engine(), own, true).forEach(s -> byProposal.put(s.proposalId(), s));
            }
            scoreByParty.put(party.getCode(), byProposal);
        }
        Map<String, Boolean> recommended = new HashMap<>();
        jdbc.sql("select r.party_id, r.proposal_id, r.recommended from selection_recommendation r where r.call_id = ?")
                .param(callId).query(rs -> {
                    long proposalId = rs.getLong(2);
                    boolean yes = rs.getBoolean(3);
                    programme.party(rs.getLong(1)).ifPresent(party -> recommended.put(party.getCode() + ":" + proposalId, yes));
                });
        Map<Long, String> comments = new HashMap<>();
        jdbc.sql("select proposal_id, text from selection_comment where call_id = ?").param(callId)
                .query(rs -> {
                    comments.put(rs.getLong(1), rs.getString(2));
                });
        List<Row> rows = new ArrayList<>();
        for (Proposal p : proposals.submittedOf(callId)) {
            Map<String, PartyScore> parties = new LinkedHashMap<>();
            Map<String, BigDecimal> costs = new LinkedHashMap<>();
            boolean fundable = true;
            double sum = 0;
            boolean complete = true;
            for (Party party : programme.getParties()) {
                ProposalScore s = scoreByParty.get(party.getCode()).get(String.valueOf(p.getId()));
                Boolean rec = recommended.get(party.getCode() + ":" + p.getId());
                if (s == null) {
                    parties.put(party.getCode(), new PartyScore(party.getCode(), 0, null, null, false, List.of(), Map.of(), rec));
                    complete = false;
                } else {
                    parties.put(party.getCode(), new PartyScore(party.getCode(), s.reviews(), s.raw(), s.calibrated(),
                            s.fundable(), s.failures(), s.criterionMeans(), rec));
                    fundable &= s.fundable();
                    sum += s.calibrated();
                }
                costs.put(party.getCode(), p.teamOf(party.getId()).map(Team::budgetTotal).orElse(BigDecimal.ZERO));
            }
            Double merit = complete ? sum / programme.getParties().size() : null;
            boolean disagreement = complete && parties.values().stream().mapToDouble(PartyScore::calibrated).max().orElse(0)
                    - parties.values().stream().mapToDouble(PartyScore::calibrated).min().orElse(0) >= DISAGREEMENT;
            rows.add(new Row(p.getId(), p.getAcronym(), p.getTitle(), p.fieldList().isEmpty() ? "" : p.fieldList().get(0),
                    parties, merit, complete && fundable, disagreement, costs, comments.get(p.getId())));
        }
        rows.sort(Comparator.comparing((Row r) -> r.merit() == null ? -1 : r.merit()).reversed()
                .thenComparingLong(Row::proposalId));
        Map<String, BigDecimal> budgets = new LinkedHashMap<>();
        Map<String, String> currencies = new LinkedHashMap<>();
        for (Party party : programme.getParties()) {
            CallBudget b = call.budgetOf(party.getId()).orElse(null);
            budgets.put(party.getCode(), b == null ? BigDecimal.ZERO : b.total());
            currencies.put(party.getCode(), b == null ? party.getCurrency() : b.currency());
        }
        return new Board(call, programme.getParties(), form, rows, budgets, currencies,
                call.getFieldCodes().stream().sorted().toList());
    }

    /**
     * The funding line for the given budgets and field quotas (the what-if of the sliders):
     * only fundable proposals enter; the others are listed with reason {@code threshold}.
     */
    @Transactional(readOnly = true)
    public FundingView fundingLine(long callId, Map<String, BigDecimal> budgetOverride, Map<String, int[]> quotas,
                                   Policy policy, TandemUser viewer) {
        Call call = calls.get(callId);
        Programme programme = requireCommittee(call, viewer);
        return fundingLine(board(call, programme), budgetOverride, quotas, policy);
    }

    FundingView fundingLine(Board board, Map<String, BigDecimal> budgetOverride, Map<String, int[]> quotas, Policy policy) {
        Map<String, BigDecimal> budgets = new LinkedHashMap<>(board.budgets());
        if (budgetOverride != null) {
            budgetOverride.forEach((party, amount) -> {
                if (!budgets.containsKey(party)) {
                    throw InvalidInputException.of("budget." + party, "selection.budget.unknownParty", party);
                }
                if (amount.signum() < 0) {
                    throw InvalidInputException.of("budget." + party, "selection.budget.negative", party);
                }
                budgets.put(party, amount);
            });
        }
        Map<String, int[]> q = quotas == null ? Map.of() : quotas;
        for (var e : q.entrySet()) {
            if (!board.fields().contains(e.getKey())) {
                throw InvalidInputException.of("quota." + e.getKey(), "selection.quota.unknownField", e.getKey());
            }
            int[] mm = e.getValue();
            if (mm[0] < 0 || mm[1] < mm[0]) {
                throw InvalidInputException.of("quota." + e.getKey(), "selection.quota.range", e.getKey());
            }
        }
        List<org.tandem.engine.select.Proposal> input = new ArrayList<>();
        for (Row r : board.rows()) {
            if (r.fundable()) {
                input.add(new org.tandem.engine.select.Proposal(String.valueOf(r.proposalId()), r.field(),
                        BigDecimal.valueOf(r.merit()).setScale(4, RoundingMode.HALF_EVEN), r.costs()));
            }
        }
        FundingResult result = input.isEmpty()
                ? new FundingResult(List.of(), 0, BigDecimal.ZERO, new TreeMap<>(), policy == Policy.OPTIMAL, List.of())
                : FundingLine.compute(input, budgets.entrySet().stream().map(e -> new Budget(e.getKey(), e.getValue())).toList(),
                        q.entrySet().stream().map(e -> new FieldQuota(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
                        policy, Duration.ofSeconds(10));
        Map<String, Decision> decided = new HashMap<>();
        result.decisions().forEach(d -> decided.put(d.proposalId(), d));
        List<LineRow> rows = new ArrayList<>();
        for (Row r : board.rows()) {
            Decision d = decided.get(String.valueOf(r.proposalId()));
            String reason = d != null ? d.reason() : r.merit() == null ? "unreviewed" : "threshold";
            rows.add(new LineRow(r.proposalId(), r.acronym(), r.field(), r.merit(), r.fundable(), d != null && d.funded(),
                    reason == null ? "" : reason, r.costs()));
        }
        return new FundingView(policy, budgets, q, rows, result.spent(), result.fundedCount(), result.totalMerit(),
                result.optimal(), result.unmetMinimums(), result.meritBound(),
                Double.isNaN(result.gap()) ? null : result.gap());
    }

    /** An officer of a party marks a proposal recommended (or not) for that party. */
    @Transactional
    public void recommend(long callId, long partyId, long proposalId, boolean recommended, TandemUser officer) {
        Call call = calls.get(callId);
        if (!officer.has(Role.PROGRAMME_OFFICER, call.getProgrammeId(), partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        requireUndecided(callId);
        jdbc.sql("""
                insert into selection_recommendation (call_id, party_id, proposal_id, recommended, set_by, set_at)
                values (?, ?, ?, ?, ?, ?) on conflict (call_id, party_id, proposal_id) do update set
                recommended = excluded.recommended, set_by = excluded.set_by, set_at = excluded.set_at""")
                .params(callId, partyId, proposalId, recommended, officer.getUsername(), Timestamp.from(clock.instant()))
                .update();
        audit.record(officer.getUsername(), "Call", callId, "recommend", null,
                Map.of("party", partyId, "proposal", proposalId, "recommended", recommended));
    }

    /** The committee's consensus comment on one proposal; committee members and officers may write it. */
    @Transactional
    public void comment(long callId, long proposalId, String text, TandemUser author) {
        Call call = calls.get(callId);
        requireCommittee(call, author);
        requireUndecided(callId);
        String t = text == null ? "" : text.strip();
        if (t.length() > 5000) {
            throw InvalidInputException.of("comment", "review.comment.tooLong", 5000);
        }
        String before = jdbc.sql("select text from selection_comment where call_id = ? and proposal_id = ?")
                .params(callId, proposalId).query(String.class).optional().orElse(null);
        if (t.isEmpty()) {
            jdbc.sql("delete from selection_comment where call_id = ? and proposal_id = ?").params(callId, proposalId).update();
        } else {
            jdbc.sql("""
                    insert into selection_comment (call_id, proposal_id, text, updated_by, updated_at) values (?, ?, ?, ?, ?)
                    on conflict (call_id, proposal_id) do update set text = excluded.text, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                    .params(callId, proposalId, t, author.getUsername(), Timestamp.from(clock.instant())).update();
        }
        audit.record(author.getUsername(), "Call", callId, "consensus-comment",
                before == null ? null : Map.of("proposal", proposalId, "text", before),
                Map.of("proposal", proposalId, "text", t));
    }

    void requireUndecided(long callId) {
        boolean decided = jdbc.sql("select count(*) from selection_decision_set where call_id = ? and final_at is not null")
                .param(callId).query(Integer.class).single() > 0;
        // Once final, the decision workflow allows nothing more: no new proposal, no new comment.
        if (decided && !DecisionWorkflow.DECISIONS.allows(DecisionWorkflow.FINAL, "propose")) {
            throw InvalidInputException.of("call", "selection.alreadyDecided");
        }
    }
}
