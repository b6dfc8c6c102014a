package org.tandem.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.Locks;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programmes;
import org.tandem.proposal.Proposals;

/**
 * The second half of a party's assignment: the officer sends the proposed assignment as
 * invitations (each expert gets the call's pseudonym then), and each expert accepts or declines.
 * {@link AssignmentRuns} computes and edits the proposal before that.
 */
@Service
public class ReviewerInvitations {

    private final Calls calls;
    private final Programmes programmes;
    private final Proposals proposals;
    private final JdbcClient jdbc;
    private final Locks locks;
    private final Outbox outbox;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ReviewForms forms;
    private final java.time.Clock clock;

    ReviewerInvitations(Calls calls, Programmes programmes, Proposals proposals, JdbcClient jdbc, Locks locks, Outbox outbox,
                        MessageSource messages, AuditTrail audit, ApplicationEventPublisher events, ReviewForms forms,
                        java.time.Clock clock) {
        this.forms = forms;
        this.clock = clock;
        this.calls = calls;
        this.programmes = programmes;
        this.proposals = proposals;
        this.jdbc = jdbc;
        this.locks = locks;
        this.outbox = outbox;
        this.messages = messages;
        this.audit = audit;
        this.events = events;
    }

    /** Sends the proposed assignment of one party as invitations: one mail per expert, listing their proposals. */
    @Transactional
    public int invite(long callId, long partyId, TandemUser officer,
                      java.util.function.LongFunction<org.tandem.platform.security.Account> accountOfPerson) {
        Call call = calls.get(callId);
        if (!officer.has(Role.PROGRAMME_OFFICER, call.getProgrammeId(), partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        // An invitation without a date leaves the expert guessing and reminders with nothing to count down to.
        if (forms.of(callId).dueAt() == null) {
            throw InvalidInputException.of("dueAt", "assignment.dueAt.required");
        }
        Map<Long, List<String>> byExpert = new LinkedHashMap<>();
        Map<Long, List<Long>> proposalsByExpert = new java.util.TreeMap<>();
        jdbc.sql("""
                select a.person_id, a.proposal_id from review_assignment a
                where a.call_id = ? and a.party_id = ? and a.status = 'PROPOSED'""")
                .params(callId, partyId)
                .query(rs -> {
                    proposalsByExpert.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        var headlines = proposals.headlines(proposalsByExpert.values().stream().flatMap(List::stream)
                .collect(java.util.stream.Collectors.toSet()));
        proposalsByExpert.forEach((person, ids) -> byExpert.put(person, ids.stream()
                .map(id -> acronym(headlines.get(id))).sorted(java.util.Comparator.nullsLast(String::compareTo)).toList()));
        String partyCode = programmes.get(call.getProgrammeId()).party(partyId).map(Party::getCode).orElse("?");
        byExpert.keySet().forEach(person -> ensurePseudonym(callId, person, partyCode));
        var invite = ReviewWorkflows.ASSIGNMENT.transition("invite").orElseThrow();
        jdbc.sql("update review_assignment set status = ? where call_id = ? and party_id = ? and status = any(?)")
                .params(invite.to(), callId, partyId, invite.from().toArray(String[]::new)).update();
        byExpert.forEach((person, acronyms) -> {
            var account = accountOfPerson.apply(person);
            if (account != null && account.email() != null) {
                // In the expert's own language: the invitation is the first thing they read from this programme.
                Locale locale = Locale.forLanguageTag(account.preferredLanguage() == null ? "en" : account.preferredLanguage());
                outbox.send(account.email(), messages.getMessage("review.mail.invite.subject",
                                new Object[] {acronyms.size()}, locale),
                        messages.getMessage("review.mail.invite.body", new Object[] {call.getTitle().in(locale),
                                String.join(", ", acronyms)}, locale));
            }
        });
        audit.record(officer.getUsername(), "Call", callId, "assignment-invite", null,
                Map.of("party", partyId, "experts", byExpert.size()));
        if (!byExpert.isEmpty()) {
            events.publishEvent(new AssignmentConfirmed(callId, partyId, List.copyOf(byExpert.keySet())));
        }
        return byExpert.size();
    }

    /** What an expert was invited to, without anything about other experts. */
    public record Invitation(long callId, long partyId, long proposalId, String acronym, String title, String status) {
    }

    @Transactional(readOnly = true)
    public List<Invitation> invitationsOf(long personId) {
        record Row(long callId, long partyId, long proposalId, String status) {
        }
        List<Row> rows = jdbc.sql("""
                select a.call_id, a.party_id, a.proposal_id, a.status from review_assignment a
                where a.person_id = ? and a.status in ('INVITED', 'ACCEPTED', 'DECLINED')""")
                .param(personId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).list();
        var headlines = proposals.headlines(rows.stream().map(Row::proposalId).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(r -> {
                    var h = headlines.get(r.proposalId());
                    return new Invitation(r.callId(), r.partyId(), r.proposalId(), acronym(h), h == null ? null : h.title(),
                            r.status());
                })
                .sorted(java.util.Comparator.comparingLong(Invitation::callId)
                        .thenComparing(Invitation::acronym, java.util.Comparator.nullsLast(String::compareTo)))
                .toList();
    }

    /**
     * The expert answers one invitation; a decline is audited so the officer can replace them.
     * Accepting needs the expert's declaration that they have no conflict of interest with the
     * proposal ({@code declaration} is the text they agreed to, in their language); it is kept
     * with its time as the evidence an appeal would ask for.
     */
    @Transactional
    public void answer(long personId, long callId, long proposalId, boolean accept, String declaration, String actor) {
        if (accept && (declaration == null || declaration.isBlank())) {
            throw InvalidInputException.of("noConflict", "reviews.noConflict.required");
        }
        var answer = ReviewWorkflows.ASSIGNMENT.transition(accept ? "accept" : "decline").orElseThrow();
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        int n = jdbc.sql("""
                update review_assignment set status = ?, no_conflict_declared_at = ?, no_conflict_declaration = ?
                where person_id = ? and call_id = ? and proposal_id = ? and status = any(?)""")
                .params(answer.to(), accept ? now : null, accept ? declaration.strip() : null, personId, callId, proposalId,
                        answer.from().toArray(String[]::new)).update();
        if (n == 0) {
            throw InvalidInputException.of("invitation", "assignment.noInvitation");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("proposal", proposalId);
        after.put("expert", personId);
        if (accept) {
            after.put("noConflictDeclared", now.toInstant().toString());
            after.put("declaration", declaration.strip());
        }
        audit.record(actor, "Call", callId, accept ? "review-accept" : "review-decline", null, after);
    }

    /** When the expert declared no conflict with the proposal, if they accepted it. */
    @Transactional(readOnly = true)
    public Optional<java.time.Instant> noConflictDeclaredAt(long personId, long callId, long proposalId) {
        return jdbc.sql("""
                select no_conflict_declared_at from review_assignment where person_id = ? and call_id = ? and proposal_id = ?
                and no_conflict_declared_at is not null""").params(personId, callId, proposalId)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** The call's pseudonym of an expert, given when they are first invited: the party code and a number. */
    Optional<String> pseudonym(long callId, long personId) {
        return jdbc.sql("select label from review_pseudonym where call_id = ? and person_id = ?").params(callId, personId)
                .query(String.class).optional();
    }

    private void ensurePseudonym(long callId, long personId, String partyCode) {
        if (pseudonym(callId, personId).isPresent()) {
            return;
        }
        // Serialised per call by the row lock so two officers inviting at once cannot take the same number.
        locks.hold("review.pseudonym", callId);
        int n = jdbc.sql("select count(*) from review_pseudonym where call_id = ? and label like ?")
                .params(callId, partyCode + "-%").query(Integer.class).single();
        jdbc.sql("insert into review_pseudonym (call_id, person_id, label) values (?, ?, ?) on conflict do nothing")
                .params(callId, personId, partyCode + "-" + (n + 1)).update();
    }

    private static String acronym(Proposals.Headline h) {
        return h == null ? null : h.acronym();
    }
}
