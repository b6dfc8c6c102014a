package org.tandem.selection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.engine.select.Policy;
import org.tandem.platform.Hashes;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Account;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.Proposal;
import org.tandem.proposal.Proposals;
import org.tandem.proposal.Team;
import org.tandem.review.Reviews;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions of a call: the committee proposes funded / reserve / not funded from a funding
 * line; an officer of every party approves the same set (identified by its digest, so a
 * change withdraws nothing silently: it simply needs approving again). When the last party
 * approves, the decisions are final, the call is decided and every team gets its letter.
 */
@Service
public class Decisions {

    /** Days after the decision in which an applicant may file a procedural complaint. */
    public static final int REDRESS_DAYS = 30;

    /** Longest complaint and longest reasons for its outcome, in characters. */
    public static final int REDRESS_TEXT_MAX = 10_000;

    public enum Outcome { FUNDED, RESERVE, NOT_FUNDED }

    public record Item(long proposalId, String acronym, Outcome outcome, String reason, BigDecimal merit, int position) {
    }

    public record Approval(String party, String by, Instant at, boolean current) {
    }

    public record DecisionSet(String policy, String digest, String proposedBy, Instant proposedAt, Instant finalAt,
                              List<Item> items, List<Approval> approvals) {
        public boolean isFinal() {
            return finalAt != null;
        }

        /** The set's state in {@link DecisionWorkflow#DECISIONS}. */
        public String state() {
            return isFinal() ? DecisionWorkflow.FINAL
                    : approvals.stream().anyMatch(Approval::current) ? DecisionWorkflow.PARTLY_APPROVED : DecisionWorkflow.PROPOSED;
        }
    }

    /** What a team member reads: the decision and the reviews without names. */
    public record Letter(Proposal proposal, Call call, Item item, Instant decidedAt, List<AnonymousReview> reviews,
                         Instant redressUntil, List<Redress> complaints) {
    }

    public record AnonymousReview(String label, String party, Map<String, Double> scores, Double overall, String comment) {
    }

    public record Redress(long id, long proposalId, String acronym, String filedBy, String text, Instant filedAt,
                          String outcome, String outcomeText, String decidedBy, Instant decidedAt) {
    }

    private final Selection selection;
    private final Calls calls;
    private final Programmes programmes;
    private final Proposals proposals;
    private final Reviews reviews;
    private final Accounts accounts;
    private final Outbox outbox;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final org.tandem.platform.Locks locks;
    private final org.springframework.context.ApplicationEventPublisher events;

    Decisions(Selection selection, Calls calls, Programmes programmes, Proposals proposals, Reviews reviews,
              Accounts accounts, Outbox outbox, MessageSource messages, JdbcClient jdbc, AuditTrail audit, JsonMapper json,
              Clock clock, org.tandem.platform.Locks locks,
              org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.locks = locks;
        this.selection = selection;
        this.calls = calls;
        this.programmes = programmes;
        this.proposals = proposals;
        this.reviews = reviews;
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Proposing again would withdraw approvals other parties already gave; the officer must
     * confirm knowing whose (the problem names those parties).
     */
    public static final class ApprovalsWouldDrop extends InvalidInputException {
        ApprovalsWouldDrop(String names) {
            super(List.of(org.tandem.platform.validation.Problem.of("confirmDrop", "selection.repropose.confirm", names)));
        }
    }

    /** An approval that a new proposal withdrew, shown to its party until they approve again. */
    public record DroppedApproval(long callId, String party, String approvedBy, Instant approvedAt, String droppedBy,
                                  Instant droppedAt) {
    }

    /** As {@link #propose(long, Map, Map, Policy, int, boolean, TandemUser)}, refusing to drop another party's approval. */
    @Transactional
    public DecisionSet propose(long callId, Map<String, BigDecimal> budgets, Map<String, int[]> quotas, Policy policy,
                               int reserve, TandemUser officer) {
        return propose(callId, budgets, quotas, policy, reserve, false, officer);
    }

    /**
     * Proposes the decisions from the funding line with these budgets and quotas: funded are
     * the line's; the next {@code reserve} fundable proposals by merit are the reserve list;
     * the rest are not funded, each with its reason. Replaces an earlier, unapproved proposal.
     * If another party has approved the earlier set, that approval is dropped only with
     * {@code confirmDrop}; the party is then told by mail and on its committee page.
     */
    @Transactional
    public DecisionSet propose(long callId, Map<String, BigDecimal> budgets, Map<String, int[]> quotas, Policy policy,
                               int reserve, boolean confirmDrop, TandemUser officer) {
        Call call = calls.get(callId);
        Programme programme = programmes.get(call.getProgrammeId());
        if (officer.officerParties(programme.getId()).isEmpty()) {
            throw new NotAllowedException("only officers propose decisions");
        }
        selection.requireUndecided(callId);
        if (reserve < 0 || reserve > 50) {
            throw InvalidInputException.of("reserve", "selection.reserve.range");
        }
        Selection.FundingView line = selection.fundingLine(selection.board(call, programme), budgets, quotas, policy);
        List<Item> items = new ArrayList<>();
        int reserved = 0;
        int position = 1;
        for (Selection.LineRow r : line.rows()) {
            Outcome outcome;
            if (r.funded()) {
                outcome = Outcome.FUNDED;
            } else if (r.fundable() && reserved < reserve) {
                outcome = Outcome.RESERVE;
                reserved++;
            } else {
                outcome = Outcome.NOT_FUNDED;
            }
            items.add(new Item(r.proposalId(), r.acronym(), outcome, r.funded() ? "" : r.reason(),
                    r.merit() == null ? null : BigDecimal.valueOf(r.merit()).setScale(4, java.math.RoundingMode.HALF_EVEN),
                    position++));
        }
        StringBuilder canonical = new StringBuilder(policy.name()).append('|');
        items.forEach(i -> canonical.append(i.proposalId()).append(':').append(i.outcome()).append(':').append(i.reason())
                .append(';'));
        line.budgets().forEach((k, v) -> canonical.append(k).append('=').append(v.stripTrailingZeros().toPlainString()).append(';'));
        String digest = Hashes.sha256(canonical.toString());
        // An approval is of a digest: the same set proposed again keeps it; a different one withdraws it.
        java.util.Set<Long> own = officer.officerParties(programme.getId());
        List<Approval> dropped = current(callId).map(set -> set.approvals().stream().filter(Approval::current)
                .filter(a -> !digest.equals(set.digest()))
                .filter(a -> programme.partyByCode(a.party()).map(pt -> !own.contains(pt.getId())).orElse(false))
                .toList()).orElse(List.of());
        if (!dropped.isEmpty() && !confirmDrop) {
            Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
            throw new ApprovalsWouldDrop(String.join(", ", dropped.stream().map(a -> partyName(programme, a.party(), locale))
                    .toList()));
        }
        Map<String, Object> quotaJson = new LinkedHashMap<>();
        line.quotas().forEach((f, mm) -> quotaJson.put(f, List.of(mm[0], mm[1])));
        // Approvals stay, under the digest they were given for: an approval of another digest is the
        // notice to its party that its approval no longer applies, until it approves again.
        jdbc.sql("delete from selection_decision where call_id = ?").param(callId).update();
        jdbc.sql("""
                insert into selection_decision_set (call_id, policy, budgets, quotas, digest, proposed_by, proposed_at)
                values (?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?) on conflict (call_id) do update set
                policy = excluded.policy, budgets = excluded.budgets, quotas = excluded.quotas, digest = excluded.digest,
                proposed_by = excluded.proposed_by, proposed_at = excluded.proposed_at""")
                .params(callId, policy.name(), json.writeValueAsString(line.budgets()), json.writeValueAsString(quotaJson),
                        digest, officer.getUsername(), Timestamp.from(clock.instant())).update();
        for (Item i : items) {
            jdbc.sql("""
                    insert into selection_decision (call_id, proposal_id, outcome, reason, merit, position)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(callId, i.proposalId(), i.outcome().name(), i.reason(), i.merit(), i.position()).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("digest", digest);
        after.put("policy", policy.name());
        after.put("funded", items.stream().filter(i -> i.outcome() == Outcome.FUNDED).count());
        after.put("reserve", reserved);
        if (!dropped.isEmpty()) {
            after.put("droppedApprovals", dropped.stream().map(Approval::party).toList());
        }
        audit.record(officer.getUsername(), "Call", callId, "decisions-propose", null, after);
        for (Approval a : dropped) {
            tellDropped(call, programme, a, officer);
        }
        return current(callId).orElseThrow();
    }

    /** The approver of a dropped approval learns it by mail, in their language, with what to do next. */
    private void tellDropped(Call call, Programme programme, Approval a, TandemUser officer) {
        Account approver = accounts.find(a.by()).orElse(null);
        if (approver == null || approver.email() == null) {
            return;
        }
        Locale locale = Locale.forLanguageTag(approver.preferredLanguage() == null ? "en" : approver.preferredLanguage());
        String who = officer.displayName() == null || officer.displayName().isBlank() ? officer.getUsername()
                : officer.displayName();
        outbox.send(approver.email(), messages.getMessage("selection.mail.dropped.subject",
                        new Object[] {call.getTitle().in(locale)}, locale),
                messages.getMessage("selection.mail.dropped.body", new Object[] {call.getTitle().in(locale), who,
                        partyName(programme, a.party(), locale), "/committee/calls/" + call.getId()}, locale));
    }

    private static String partyName(Programme programme, String code, Locale locale) {
        return programme.partyByCode(code).map(pt -> new Locale("", pt.getCountryCode()).getDisplayCountry(locale))
                .orElse(code);
    }

    /** Approvals of the reader's parties that a new proposal withdrew and that they have not given again. */
    @Transactional(readOnly = true)
    public List<DroppedApproval> droppedFor(TandemUser reader, java.util.Collection<Long> callIds) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        List<DroppedApproval> out = new ArrayList<>();
        jdbc.sql("""
                select a.call_id, a.party_id, a.approved_by, a.approved_at, s.proposed_by, s.proposed_at
                from selection_approval a join selection_decision_set s on s.call_id = a.call_id
                where a.call_id = any(?) and a.digest <> s.digest and s.final_at is null order by s.proposed_at desc""")
                .param(callIds.toArray(Long[]::new))
                .query(rs -> {
                    long callId = rs.getLong(1);
                    Programme programme = programmes.get(calls.get(callId).getProgrammeId());
                    if (reader.officerParties(programme.getId()).contains(rs.getLong(2))) {
                        out.add(new DroppedApproval(callId, programme.party(rs.getLong(2)).map(org.tandem.programme.Party::getCode)
                                .orElse("?"), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
                                rs.getTimestamp(6).toInstant()));
                    }
                });
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<DecisionSet> current(long callId, TandemUser viewer) {
        selection.requireCommittee(calls.get(callId), viewer);
        return current(callId);
    }

    Optional<DecisionSet> current(long callId) {
        return jdbc.sql("select policy, digest, proposed_by, proposed_at, final_at from selection_decision_set where call_id = ?")
                .param(callId).query((rs, n) -> {
                    String digest = rs.getString(2);
                    List<Item> items = jdbc.sql("""
                            select d.proposal_id, d.outcome, d.reason, d.merit, d.position from selection_decision d
                            where d.call_id = ? order by d.position""").param(callId)
                            .query((r, i) -> new Item(r.getLong(1), null, Outcome.valueOf(r.getString(2)),
                                    r.getString(3), r.getBigDecimal(4), r.getInt(5))).list();
                    var headlines = proposals.headlines(items.stream().map(Item::proposalId).toList());
                    items = items.stream().map(it -> new Item(it.proposalId(), acronym(headlines.get(it.proposalId())),
                            it.outcome(), it.reason(), it.merit(), it.position())).toList();
                    Programme programme = programmes.get(calls.get(callId).getProgrammeId());
                    record Raw(int position, Approval approval) {
                    }
                    List<Approval> approvals = jdbc.sql("""
                            select a.party_id, a.approved_by, a.approved_at, a.digest from selection_approval a
                            where a.call_id = ?""").param(callId)
                            .query((r, i) -> {
                                var party = programme.party(r.getLong(1));
                                return new Raw(party.map(org.tandem.programme.Party::getPosition).orElse(Integer.MAX_VALUE),
                                        new Approval(party.map(org.tandem.programme.Party::getCode).orElse("?"),
                                                r.getString(2), r.getTimestamp(3).toInstant(), digest.equals(r.getString(4))));
                            }).list().stream()
                            .sorted(java.util.Comparator.comparingInt(Raw::position)).map(Raw::approval).toList();
                    Timestamp fin = rs.getTimestamp(5);
                    return new DecisionSet(rs.getString(1), digest, rs.getString(3), rs.getTimestamp(4).toInstant(),
                            fin == null ? null : fin.toInstant(), items, approvals);
                }).optional();
    }

    /**
     * An officer approves the proposed set for their party. The digest they saw must be the
     * current one (else someone changed the set meanwhile). The last approval makes it final.
     */
    @Transactional
    public DecisionSet approve(long callId, long partyId, String digest, TandemUser officer) {
        Call call = calls.get(callId);
        Programme programme = programmes.get(call.getProgrammeId());
        if (!officer.has(Role.PROGRAMME_OFFICER, programme.getId(), partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        // Serialise approvals of one call: two parties approving at once must not both miss finalising.
        locks.hold("selection.decisions", callId);
        DecisionSet set = current(callId).orElseThrow(() -> InvalidInputException.of("digest", "selection.noProposal"));
        if (!DecisionWorkflow.DECISIONS.allows(set.state(), "approve")) {
            throw InvalidInputException.of("call", DecisionWorkflow.DECISIONS.transition("approve").orElseThrow().refusal());
        }
        if (!set.digest().equals(digest)) {
            throw InvalidInputException.of("digest", "selection.changed");
        }
        jdbc.sql("""
                insert into selection_approval (call_id, party_id, digest, approved_by, approved_at) values (?, ?, ?, ?, ?)
                on conflict (call_id, party_id) do update set digest = excluded.digest, approved_by = excluded.approved_by,
                approved_at = excluded.approved_at""")
                .params(callId, partyId, digest, officer.getUsername(), Timestamp.from(clock.instant())).update();
        audit.record(officer.getUsername(), "Call", callId, "decisions-approve", null,
                Map.of("party", partyId, "digest", digest));
        int approvedParties = jdbc.sql("select count(*) from selection_approval where call_id = ? and digest = ?")
                .params(callId, digest).query(Integer.class).single();
        if (approvedParties == programme.getParties().size()
                && DecisionWorkflow.DECISIONS.allows(DecisionWorkflow.PARTLY_APPROVED, "finalise")) {
            finalise(call, programme, set);
        }
        return current(callId).orElseThrow();
    }

    private void finalise(Call call, Programme programme, DecisionSet set) {
        Instant now = clock.instant();
        jdbc.sql("update selection_decision_set set final_at = ? where call_id = ?").params(Timestamp.from(now), call.getId())
                .update();
        calls.markDecided(call.getId(), "system");
        audit.record("system", "Call", call.getId(), "decisions-final", null, Map.of("digest", set.digest(),
                "proposals", set.items().size()));
        events.publishEvent(new DecisionsApproved(call.getId(), set.digest(),
                set.items().stream().filter(i -> i.outcome() == Outcome.FUNDED).map(Item::proposalId).toList(),
                set.items().stream().filter(i -> i.outcome() == Outcome.RESERVE).map(Item::proposalId).toList(), now));
    }

    /**
     * Tells every team of every decided proposal, in the reader's language, that its letter is
     * ready. A reaction to {@link DecisionsApproved}: the event registry keeps it until the mail
     * is queued, so a node that dies right after the last approval loses no letter.
     */
    @org.springframework.modulith.events.ApplicationModuleListener
    public void sendLetters(DecisionsApproved decided) {
        Call call = calls.get(decided.callId());
        DecisionSet set = current(decided.callId()).filter(d -> d.digest().equals(decided.digest())).orElse(null);
        if (set == null) {
            return; // decided on another set since; that set's own event sends its letters
        }
        // Claimed in the listener's transaction together with the queued mail: a redelivered event finds it taken.
        if (jdbc.sql("update selection_decision_set set letters_at = ? where call_id = ? and letters_at is null")
                .params(Timestamp.from(clock.instant()), call.getId()).update() == 0) {
            return;
        }
        for (Item item : set.items()) {
            Proposal p = proposals.forReviewer(item.proposalId());
            for (Team t : p.getTeams()) {
                Account account = t.getPiUserId() == null ? null : accounts.get(t.getPiUserId());
                String email = account != null && account.email() != null ? account.email() : t.getPiEmail();
                if (email == null) {
                    continue;
                }
                Locale locale = Locale.forLanguageTag(account == null || account.preferredLanguage() == null ? "en"
                        : account.preferredLanguage());
                outbox.send(email, messages.getMessage("decision.mail.subject", new Object[] {p.getAcronym()}, locale),
                        messages.getMessage("decision.mail.body", new Object[] {p.getAcronym(), call.getTitle().in(locale),
                                messages.getMessage("decision.outcome." + item.outcome(), null, locale),
                                "/proposals/" + p.getId() + "/decision", REDRESS_DAYS}, locale));
            }
        }
    }

    /** The letter of one proposal, for its team members (and officers), once the decisions are final. */
    @Transactional(readOnly = true)
    public Letter letter(long proposalId, TandemUser reader) {
        Proposal p = proposals.get(proposalId, reader); // members and officers only; others get "not found"
        Call call = calls.get(p.getCallId());
        DecisionSet set = current(call.getId()).filter(DecisionSet::isFinal)
                .orElseThrow(() -> new NotFoundException("no decision yet for proposal " + proposalId));
        Item item = set.items().stream().filter(i -> i.proposalId() == proposalId).findFirst()
                .orElseThrow(() -> new NotFoundException("no decision for proposal " + proposalId));
        // Reviewers appear as "A", "B", … per party, in a fixed order: applicants never learn identities or pseudonyms.
        List<AnonymousReview> anonymous = new ArrayList<>();
        Map<String, Integer> letterOf = new LinkedHashMap<>();
        for (Reviews.Submitted r : reviews.submitted(call.getId())) {
            if (r.proposalId() != proposalId) {
                continue;
            }
            int n = letterOf.merge(r.partyCode(), 1, Integer::sum);
            anonymous.add(new AnonymousReview(r.partyCode() + "-" + (char) ('A' + n - 1), r.partyCode(), r.scores(),
                    r.overall(), r.commentApplicants()));
        }
        return new Letter(p, call, item, set.finalAt(), anonymous, set.finalAt().plus(Duration.ofDays(REDRESS_DAYS)),
                complaints(proposalId));
    }

    @Transactional
    public long fileRedress(long proposalId, String text, TandemUser applicant) {
        Letter letter = letter(proposalId, applicant);
        if (!letter.proposal().isMember(applicant.id())) {
            throw new NotAllowedException("only the proposal's team may complain");
        }
        if (clock.instant().isAfter(letter.redressUntil())) {
            throw InvalidInputException.of("text", "redress.late", REDRESS_DAYS);
        }
        String t = text == null ? "" : text.strip();
        if (t.length() < 30 || t.length() > 10_000) {
            throw InvalidInputException.of("text", "redress.length", 30, 10_000);
        }
        long id = jdbc.sql("insert into redress (proposal_id, filed_by, text, filed_at) values (?, ?, ?, ?) returning id")
                .params(proposalId, applicant.getUsername(), t, Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(applicant.getUsername(), "Proposal", proposalId, "redress-file", null, Map.of("redress", id));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Redress> complaintsOfCall(long callId, TandemUser officer) {
        Call call = calls.get(callId);
        if (officer.officerParties(call.getProgrammeId()).isEmpty()) {
            throw new NotAllowedException("not an officer");
        }
        Long[] ofCall = proposals.ofCall(callId, officer).stream().map(Proposal::getId).toArray(Long[]::new);
        return withAcronyms(jdbc.sql(REDRESS_SELECT + " where r.proposal_id = any(?) order by r.filed_at").param(ofCall)
                .query(this::redress).list());
    }

    private List<Redress> complaints(long proposalId) {
        return withAcronyms(jdbc.sql(REDRESS_SELECT + " where r.proposal_id = ? order by r.filed_at").param(proposalId)
                .query(this::redress).list());
    }

    private List<Redress> withAcronyms(List<Redress> list) {
        var headlines = proposals.headlines(list.stream().map(Redress::proposalId).toList());
        return list.stream().map(r -> new Redress(r.id(), r.proposalId(), acronym(headlines.get(r.proposalId())), r.filedBy(),
                r.text(), r.filedAt(), r.outcome(), r.outcomeText(), r.decidedBy(), r.decidedAt())).toList();
    }

    private static String acronym(Proposals.Headline h) {
        return h == null ? null : h.acronym();
    }

    @Transactional
    public void decideRedress(long redressId, String outcome, String text, TandemUser officer) {
        Redress r = jdbc.sql(REDRESS_SELECT + " where r.id = ?").param(redressId).query(this::redress).optional()
                .orElseThrow(() -> new NotFoundException("redress " + redressId));
        Call call = calls.get(proposals.forReviewer(r.proposalId()).getCallId());
        if (officer.officerParties(call.getProgrammeId()).isEmpty()) {
            throw new NotAllowedException("not an officer");
        }
        if (!List.of("UPHELD", "REJECTED").contains(outcome)) {
            throw InvalidInputException.of("outcome", "redress.outcome.required");
        }
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("outcomeText", "validation.required");
        }
        if (text.strip().length() > REDRESS_TEXT_MAX) {
            throw InvalidInputException.of("outcomeText", "validation.field.tooLong",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"redress.outcomeText"},
                            "redress.outcomeText"), REDRESS_TEXT_MAX, text.strip().length());
        }
        jdbc.sql("update redress set outcome = ?, outcome_text = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(outcome, text.strip(), officer.getUsername(), Timestamp.from(clock.instant()), redressId).update();
        audit.record(officer.getUsername(), "Proposal", r.proposalId(), "redress-decide",
                Map.of("redress", redressId), Map.of("redress", redressId, "outcome", outcome));
    }

    private static final String REDRESS_SELECT = """
            select r.id, r.proposal_id, null, r.filed_by, r.text, r.filed_at, r.outcome, r.outcome_text, r.decided_by,
                   r.decided_at from redress r""";

    private Redress redress(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp(10);
        return new Redress(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9),
                decided == null ? null : decided.toInstant());
    }
}
