package org.tandem.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.directory.Directory;
import org.tandem.engine.conflict.Conflict;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Account;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.Proposal;
import org.tandem.proposal.Proposals;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Experts' reviews of the proposals they accepted, and what others may know about them.
 * Anonymity is decided here, in one place: an expert's name is shown only to the officers of
 * the expert's own party; everyone else (the other party, the committee) sees the call's
 * pseudonym, and applicants see neither. An expert sees other reviews of a proposal only
 * after submitting their own, and never a proposal they are conflicted with.
 */
@Service
public class Reviews {

    public record MyReview(Map<String, Double> scores, String commentApplicants, String commentConfidential,
                           String status, Instant submittedAt, Double overall) {
        static MyReview empty() {
            return new MyReview(Map.of(), null, null, "DRAFT", null, null);
        }

        public boolean submitted() {
            return "SUBMITTED".equals(status);
        }
    }

    /** Another expert's review as an expert may read it: pseudonym, scores, comments to applicants only. */
    public record OtherReview(String pseudonym, String party, Map<String, Double> scores, Double overall,
                              String commentApplicants) {
    }

    public record Workspace(Proposal proposal, ReviewForms.Form form, MyReview mine, List<OtherReview> others,
                            String partyCode, String pseudonym, Instant dueAt, List<Party> parties,
                            List<org.tandem.proposal.Attachment> attachments) {
    }

    /** One assignment as the progress page shows it; {@code expert} is a name or a pseudonym. */
    public record ProgressRow(long partyId, String partyCode, long proposalId, String acronym, Long personId,
                              String expert, String pseudonym, String assignment, String review, Double overall,
                              Instant submittedAt, boolean late, String confidential) {
    }

    public record Counts(int proposed, int invited, int accepted, int declined, int submitted, int late) {
    }

    public record Progress(Call call, ReviewForms.Form form, List<ProgressRow> rows, Map<String, Counts> counts,
                           List<ProgressRow> late, Set<Long> ownParties, List<Party> parties) {
    }

    private final JdbcClient jdbc;
    private final ReviewForms forms;
    private final AssignmentRuns runs;
    private final ReviewerInvitations invitations;
    private final Proposals proposals;
    private final Directory directory;
    private final Accounts accounts;
    private final Calls calls;
    private final Programmes programmes;
    private final Outbox outbox;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.tandem.proposal.Attachments attachments;

    Reviews(JdbcClient jdbc, ReviewForms forms, AssignmentRuns runs, Proposals proposals, Directory directory,
            Accounts accounts, Calls calls, Programmes programmes, Outbox outbox, MessageSource messages,
            AuditTrail audit, JsonMapper json, Clock clock, org.springframework.context.ApplicationEventPublisher events,
            ReviewerInvitations invitations, org.tandem.proposal.Attachments attachments) {
        this.attachments = attachments;
        this.invitations = invitations;
        this.events = events;
        this.jdbc = jdbc;
        this.forms = forms;
        this.runs = runs;
        this.proposals = proposals;
        this.directory = directory;
        this.accounts = accounts;
        this.calls = calls;
        this.programmes = programmes;
        this.outbox = outbox;
        this.messages = messages;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    private record Assignment(long partyId, String status) {
    }

    /** The accepted assignment of this expert, or not found: nobody learns about proposals they were not given. */
    private Assignment accepted(long personId, long callId, long proposalId) {
        return jdbc.sql("""
                select party_id, status from review_assignment where call_id = ? and proposal_id = ? and person_id = ?
                and status = 'ACCEPTED'""").params(callId, proposalId, personId)
                .query((rs, i) -> new Assignment(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> new NotFoundException("review of proposal " + proposalId));
    }

    /** Re-checked on every visit: a conflict declared after the invitation still closes the proposal. */
    private void refuseIfConflicted(long personId, Proposal proposal) {
        Optional<Conflict> conflict = runs.conflictOf(personId, proposal);
        if (conflict.isPresent()) {
            throw new NotAllowedException("conflict with proposal " + proposal.getId() + ": " + conflict.get().reason());
        }
    }

    @Transactional(readOnly = true)
    public Workspace open(long personId, long callId, long proposalId) {
        Assignment a = accepted(personId, callId, proposalId);
        Proposal proposal = proposals.forReviewer(proposalId);
        if (proposal.getCallId() != callId) {
            throw new NotFoundException("review of proposal " + proposalId);
        }
        refuseIfConflicted(personId, proposal);
        MyReview mine = mine(callId, a.partyId(), proposalId, personId).orElse(MyReview.empty());
        Programme programme = programmes.get(calls.get(callId).getProgrammeId());
        List<OtherReview> others = mine.submitted() ? others(callId, proposalId, personId, programme) : List.of();
        ReviewForms.Form form = forms.of(callId);
        return new Workspace(proposal, form, mine, others, programme.party(a.partyId()).map(Party::getCode).orElse(""),
                invitations.pseudonym(callId, personId).orElse(null), form.dueAt(), programme.getParties(),
                attachments.forReviewer(proposalId));
    }

    /**
     * Lets an expert read the proposal's documents (its PDF and attachments): only with their own
     * accepted assignment and no conflict, refused otherwise. A file link is easily passed on, so
     * every download is checked, not just the page that shows the links.
     */
    @Transactional(readOnly = true)
    public void requireReader(long personId, long callId, long proposalId) {
        boolean accepted = jdbc.sql("""
                select count(*) from review_assignment where call_id = ? and proposal_id = ? and person_id = ?
                and status = 'ACCEPTED'""").params(callId, proposalId, personId).query(Integer.class).single() > 0;
        if (!accepted) {
            throw new NotAllowedException("no accepted assignment of proposal " + proposalId);
        }
        Proposal proposal = proposals.forReviewer(proposalId);
        if (proposal.getCallId() != callId) {
            throw new NotAllowedException("proposal " + proposalId + " is not in call " + callId);
        }
        refuseIfConflicted(personId, proposal);
    }

    private Optional<MyReview> mine(long callId, long partyId, long proposalId, long personId) {
        return jdbc.sql("""
                select scores, comment_applicants, comment_confidential, status, submitted_at, overall from review
                where call_id = ? and party_id = ? and proposal_id = ? and person_id = ?""")
                .params(callId, partyId, proposalId, personId)
                .query((rs, i) -> new MyReview(scores(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), (Double) rs.getObject(6))).optional();
    }

    private List<OtherReview> others(long callId, long proposalId, long personId, Programme programme) {
        java.util.Comparator<String> text = java.util.Comparator.nullsLast(String::compareTo);
        return jdbc.sql("""
                select ps.label, r.party_id, r.scores, r.overall, r.comment_applicants from review r
                left join review_pseudonym ps on ps.call_id = r.call_id and ps.person_id = r.person_id
                where r.call_id = ? and r.proposal_id = ? and r.person_id <> ? and r.status = 'SUBMITTED'""")
                .params(callId, proposalId, personId)
                .query((rs, i) -> new OtherReview(rs.getString(1), programme.party(rs.getLong(2)).map(Party::getCode).orElse("?"),
                        scores(rs.getString(3)), (Double) rs.getObject(4), rs.getString(5))).list().stream()
                .sorted(java.util.Comparator.comparing(OtherReview::party, text).thenComparing(OtherReview::pseudonym, text))
                .map(o -> o.pseudonym() == null ? new OtherReview("?", o.party(), o.scores(), o.overall(), o.commentApplicants()) : o)
                .toList();
    }

    /**
     * Saves the expert's review; {@code submit} makes it final. A draft may be incomplete; a
     * submission needs every score on the form's scale and a comment to the applicants.
     * Late submissions are accepted and shown as late, because a late review is still evidence.
     */
    @Transactional
    public MyReview save(long personId, long callId, long proposalId, Map<String, String> typed, String commentApplicants,
                         String commentConfidential, boolean submit, String actor) {
        Assignment a = accepted(personId, callId, proposalId);
        Proposal proposal = proposals.forReviewer(proposalId);
        refuseIfConflicted(personId, proposal);
        MyReview before = mine(callId, a.partyId(), proposalId, personId).orElse(MyReview.empty());
        if (!ReviewWorkflows.REVIEW.allows(before.submitted() ? "SUBMITTED" : "DRAFT", submit ? "submit" : "save")) {
            throw InvalidInputException.of("review", "review.alreadySubmitted");
        }
        ReviewForms.Form form = forms.of(callId);
        Problems problems = new Problems();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (ReviewForms.FormCriterion c : form.criteria()) {
            String text = typed.get(c.code());
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                scores.put(c.code(), Double.parseDouble(text.trim().replace(',', '.')));
            } catch (NumberFormatException e) {
                problems.add("score." + c.code(), "review.score.number", c.name());
            }
        }
        for (String problem : form.engine().problems(scores)) {
            String kind = problem.substring(0, problem.indexOf(':'));
            String code = problem.substring(problem.indexOf(':') + 1);
            if (kind.equals("missing") && !submit) {
                continue;
            }
            Object name = form.criteria().stream().filter(c -> c.code().equals(code)).findFirst()
                    .<Object>map(c -> c.name()).orElse(code);
            problems.add("score." + code, "review.score." + kind, name, form.scaleMax(), form.step());
        }
        String toApplicants = trim(commentApplicants);
        String confidential = trim(commentConfidential);
        if (submit && (toApplicants == null || toApplicants.length() < 20)) {
            problems.add("commentApplicants", "review.commentApplicants.required", 20);
        }
        if (toApplicants != null && toApplicants.length() > 20_000 || confidential != null && confidential.length() > 20_000) {
            problems.add(toApplicants != null && toApplicants.length() > 20_000 ? "commentApplicants" : "commentConfidential",
                    "review.comment.tooLong", 20_000);
        }
        problems.throwIfAny();
        boolean complete = scores.size() == form.criteria().size();
        Double overall = complete ? form.engine().overall(scores) : null;
        Instant now = clock.instant();
        jdbc.sql("""
                insert into review (call_id, party_id, proposal_id, person_id, scores, overall, comment_applicants,
                    comment_confidential, status, submitted_at, updated_at) values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)
                on conflict (call_id, party_id, proposal_id, person_id) do update set scores = excluded.scores,
                    overall = excluded.overall, comment_applicants = excluded.comment_applicants,
                    comment_confidential = excluded.comment_confidential, status = excluded.status,
                    submitted_at = excluded.submitted_at, updated_at = excluded.updated_at""")
                .params(callId, a.partyId(), proposalId, personId, json.writeValueAsString(scores), overall, toApplicants,
                        confidential, submit ? "SUBMITTED" : "DRAFT", submit ? Timestamp.from(now) : null,
                        Timestamp.from(now)).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("proposal", proposalId);
        after.put("expert", personId);
        after.put("scores", scores);
        after.put("overall", overall);
        after.put("status", submit ? "SUBMITTED" : "DRAFT");
        audit.record(actor, "Call", callId, submit ? "review-submit" : "review-save", null, after);
        if (submit) {
            events.publishEvent(new ReviewSubmitted(callId, a.partyId(), proposalId, personId));
        }
        return mine(callId, a.partyId(), proposalId, personId).orElseThrow();
    }

    /**
     * Everything about a call's review that officers and the committee follow. Names appear only
     * for the viewer's own party (officers); everything else is shown under pseudonyms.
     */
    @Transactional(readOnly = true)
    public Progress progress(long callId, TandemUser viewer) {
        Call call = calls.get(callId);
        Set<Long> own = viewer.officerParties(call.getProgrammeId());
        boolean committee = viewer.has(Role.COMMITTEE_MEMBER, call.getProgrammeId(), null);
        if (own.isEmpty() && !committee) {
            throw new NotAllowedException("neither officer nor committee member of the programme");
        }
        ReviewForms.Form form = forms.of(callId);
        Instant now = clock.instant();
        boolean pastDue = form.dueAt() != null && now.isAfter(form.dueAt());
        Programme programme = programmes.get(call.getProgrammeId());
        record Raw(long party, long proposal, long person, String label, String assignment, String review, Double overall,
                   Instant submitted, String confidential) {
        }
        List<Raw> raw = jdbc.sql("""
                select a.party_id, a.proposal_id, a.person_id, ps.label, a.status,
                       r.status, r.overall, r.submitted_at, r.comment_confidential
                from review_assignment a
                left join review_pseudonym ps on ps.call_id = a.call_id and ps.person_id = a.person_id
                left join review r on r.call_id = a.call_id and r.party_id = a.party_id and r.proposal_id = a.proposal_id
                     and r.person_id = a.person_id
                where a.call_id = ?""").param(callId)
                .query((rs, i) -> new Raw(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), (Double) rs.getObject(7), instant(rs.getTimestamp(8)), rs.getString(9)))
                .list().stream()
                // another party's unsent plan is its own business
                .filter(r -> own.contains(r.party()) || !r.assignment().equals("PROPOSED"))
                .toList();
        var headlines = proposals.headlines(raw.stream().map(Raw::proposal).collect(java.util.stream.Collectors.toSet()));
        var names = directory.names(raw.stream().filter(r -> own.contains(r.party())).map(Raw::person)
                .collect(java.util.stream.Collectors.toSet()));
        java.util.Comparator<String> text = java.util.Comparator.nullsLast(String::compareTo);
        List<ProgressRow> rows = raw.stream().map(r -> {
                    boolean named = own.contains(r.party());
                    String review = r.review();
                    boolean late = (r.assignment().equals("INVITED") || r.assignment().equals("ACCEPTED"))
                            && !"SUBMITTED".equals(review) && pastDue
                            || r.submitted() != null && form.dueAt() != null && r.submitted().isAfter(form.dueAt());
                    var h = headlines.get(r.proposal());
                    return new ProgressRow(r.party(), programme.party(r.party()).map(Party::getCode).orElse("?"),
                            r.proposal(), h == null ? null : h.acronym(),
                            named ? r.person() : null, named ? names.get(r.person()) : r.label() == null ? "?" : r.label(),
                            r.label(), r.assignment(), review, "SUBMITTED".equals(review) ? r.overall() : null,
                            r.submitted(), late, "SUBMITTED".equals(review) ? r.confidential() : null);
                })
                .sorted(java.util.Comparator.comparing(ProgressRow::partyCode, text)
                        .thenComparing(ProgressRow::acronym, text)
                        .thenComparing(ProgressRow::pseudonym, text)
                        .thenComparing(ProgressRow::expert, text))
                .toList();
        Map<String, Counts> counts = new LinkedHashMap<>();
        Map<String, List<ProgressRow>> byParty = new LinkedHashMap<>();
        rows.forEach(r -> byParty.computeIfAbsent(r.partyCode(), k -> new ArrayList<>()).add(r));
        byParty.forEach((code, list) -> counts.put(code, new Counts(
                (int) list.stream().filter(r -> r.assignment().equals("PROPOSED")).count(),
                (int) list.stream().filter(r -> r.assignment().equals("INVITED")).count(),
                (int) list.stream().filter(r -> r.assignment().equals("ACCEPTED")).count(),
                (int) list.stream().filter(r -> r.assignment().equals("DECLINED")).count(),
                (int) list.stream().filter(r -> "SUBMITTED".equals(r.review())).count(),
                (int) list.stream().filter(r -> r.late() && !"SUBMITTED".equals(r.review())).count())));
        List<ProgressRow> late = rows.stream().filter(r -> r.late() && !"SUBMITTED".equals(r.review())).toList();
        return new Progress(call, form, rows, counts, late, own, programme.getParties());
    }

    /** A submitted review as selection reads it: scores, not the expert's name. */
    public record Submitted(String partyCode, long proposalId, long personId, String pseudonym, Map<String, Double> scores,
                            Double overall, String commentApplicants, String commentConfidential) {
    }

    /** Every submitted review of a call; the caller (selection) decides who may read which part. */
    @Transactional(readOnly = true)
    public List<Submitted> submitted(long callId) {
        Programme programme = programmes.get(calls.get(callId).getProgrammeId());
        java.util.Comparator<String> text = java.util.Comparator.nullsLast(String::compareTo);
        record Raw(int position, Submitted review) {
        }
        return jdbc.sql("""
                select r.party_id, r.proposal_id, r.person_id, ps.label, r.scores, r.overall,
                       r.comment_applicants, r.comment_confidential from review r
                left join review_pseudonym ps on ps.call_id = r.call_id and ps.person_id = r.person_id
                where r.call_id = ? and r.status = 'SUBMITTED'""")
                .param(callId)
                .query((rs, i) -> {
                    Optional<Party> party = programme.party(rs.getLong(1));
                    return new Raw(party.map(Party::getPosition).orElse(Integer.MAX_VALUE),
                            new Submitted(party.map(Party::getCode).orElse("?"), rs.getLong(2), rs.getLong(3),
                                    rs.getString(4), scores(rs.getString(5)), (Double) rs.getObject(6), rs.getString(7),
                                    rs.getString(8)));
                }).list().stream()
                .sorted(java.util.Comparator.comparingInt(Raw::position)
                        .thenComparingLong(r -> r.review().proposalId())
                        .thenComparing(r -> r.review().pseudonym(), text))
                .map(r -> r.review().pseudonym() == null ? new Submitted(r.review().partyCode(), r.review().proposalId(),
                        r.review().personId(), "?", r.review().scores(), r.review().overall(), r.review().commentApplicants(),
                        r.review().commentConfidential()) : r.review())
                .toList();
    }

    @org.tandem.platform.jobs.ClusterScheduled(name = "review-reminders", fixedDelay = "${tandem.review.reminder-interval:PT1H}", initialDelay = "PT1M")
    @Transactional
    public void remindJob() {
        remind(clock.instant(), null, false);
    }

    /**
     * Mails every expert who still owes a review of a call whose reminder window has opened
     * (due date minus the form's reminder days): at most one mail per expert, call and day,
     * in the expert's language, listing the proposals. Returns the number of mails queued.
     * {@code onlyCall} limits it to one call; {@code now} (an officer's button) ignores the window.
     */
    @Transactional
    public int remind(Instant now, Long onlyCall, boolean evenBeforeWindow) {
        record Owed(long callId, long personId, String acronym, Instant due, int remindDays) {
        }
        record Row(long callId, long personId, long proposalId, Instant due, int remindDays) {
        }
        List<Row> rows = jdbc.sql("""
                select a.call_id, a.person_id, a.proposal_id, f.due_at, f.remind_days from review_assignment a
                join review_form f on f.call_id = a.call_id
                left join review r on r.call_id = a.call_id and r.party_id = a.party_id and r.proposal_id = a.proposal_id
                     and r.person_id = a.person_id
                where f.due_at is not null and a.status in ('INVITED', 'ACCEPTED') and coalesce(r.status, '') <> 'SUBMITTED'
                and (cast(? as bigint) is null or a.call_id = ?)""").params(onlyCall, onlyCall)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                        rs.getInt(5))).list();
        var headlines = proposals.headlines(rows.stream().map(Row::proposalId).collect(java.util.stream.Collectors.toSet()));
        List<Owed> owed = rows.stream()
                .map(r -> new Owed(r.callId(), r.personId(), headlines.containsKey(r.proposalId())
                        ? headlines.get(r.proposalId()).acronym() : null, r.due(), r.remindDays()))
                .sorted(java.util.Comparator.comparingLong(Owed::callId).thenComparingLong(Owed::personId)
                        .thenComparing(Owed::acronym, java.util.Comparator.nullsLast(String::compareTo)))
                .toList();
        Map<List<Long>, List<Owed>> byExpert = new LinkedHashMap<>();
        for (Owed o : owed) {
            if (evenBeforeWindow || !now.isBefore(o.due().minus(o.remindDays(), ChronoUnit.DAYS))) {
                byExpert.computeIfAbsent(List.of(o.callId(), o.personId()), k -> new ArrayList<>()).add(o);
            }
        }
        int sent = 0;
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        for (List<Owed> list : byExpert.values()) {
            Owed first = list.get(0);
            boolean overdue = now.isAfter(first.due());
            int inserted = jdbc.sql("insert into review_reminder (call_id, person_id, sent_on, kind) values (?, ?, ?, ?) "
                    + "on conflict do nothing").params(first.callId(), first.personId(), today, overdue ? "OVERDUE" : "DUE")
                    .update();
            Long userId = directory.person(first.personId()).userId();
            if (inserted == 0 || userId == null) {
                continue;
            }
            Account account = accounts.get(userId);
            if (account.email() == null) {
                continue;
            }
            Locale locale = Locale.forLanguageTag(account.preferredLanguage() == null ? "en" : account.preferredLanguage());
            Call call = calls.get(first.callId());
            String acronyms = String.join(", ", list.stream().map(Owed::acronym).toList());
            String key = overdue ? "review.mail.overdue" : "review.mail.due";
            outbox.send(account.email(), messages.getMessage(key + ".subject", new Object[] {list.size()}, locale),
                    messages.getMessage(key + ".body", new Object[] {call.getTitle().in(locale), acronyms,
                            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(first.due().atZone(ZoneOffset.UTC)) + " UTC"}, locale));
            audit.record("system", "Call", first.callId(), "review-reminder", null,
                    Map.of("expert", first.personId(), "proposals", list.size(), "kind", overdue ? "overdue" : "due"));
            sent++;
        }
        return sent;
    }

    private Map<String, Double> scores(String text) {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<LinkedHashMap<String, Double>>() {
        });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
