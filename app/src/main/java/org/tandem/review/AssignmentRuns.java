package org.tandem.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.directory.Directory;
import org.tandem.engine.affinity.AffinityModel;
import org.tandem.engine.affinity.AffinityScore;
import org.tandem.engine.affinity.ExpertProfile;
import org.tandem.engine.affinity.ProposalText;
import org.tandem.engine.assign.AssignmentProblem;
import org.tandem.engine.assign.AssignmentResult;
import org.tandem.engine.assign.Assigner;
import org.tandem.engine.assign.Candidate;
import org.tandem.engine.assign.Demand;
import org.tandem.engine.assign.Reviewer;
import org.tandem.engine.assign.UnmetDemand;
import org.tandem.engine.conflict.Affiliation;
import org.tandem.engine.conflict.Conflict;
import org.tandem.engine.conflict.ConflictRules;
import org.tandem.engine.conflict.DeclaredConflict;
import org.tandem.engine.conflict.Expert;
import org.tandem.engine.conflict.OrganisationAliases;
import org.tandem.engine.conflict.Person;
import org.tandem.engine.conflict.ProposalParties;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.PriorityField;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.Proposal;
import org.tandem.proposal.ProposalStatus;
import org.tandem.proposal.Proposals;
import org.tandem.proposal.Team;

/**
 * One party's reviewer assignment for a call: affinity of its pool to the submitted
 * proposals, conflicts found by the engine's rules (cautiously, possible ones included),
 * then the optimal assignment. The result is stored as proposed, for the officer to review.
 */
@Service
public class AssignmentRuns {

    public record Line(long proposalId, String acronym, long personId, String expert, double score, String why,
                       String status) {
    }

    private final Proposals proposals;
    private final ExpertPools pools;
    private final Directory directory;
    private final Calls calls;
    private final Programmes programmes;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    AssignmentRuns(Proposals proposals, ExpertPools pools, Directory directory, Calls calls, Programmes programmes,
                   JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.proposals = proposals;
        this.pools = pools;
        this.directory = directory;
        this.calls = calls;
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The run as the officer sees its result: the stored lines, what was not met, each expert's load,
     * how many conflicts kept experts away, and the quality of the result (for {@code fair}, the proven
     * bound of the smallest per-proposal sum next to the value reached; NaN for {@code total}).
     */
    public record Outcome(List<Line> lines, List<UnmetDemand> unmet, Map<String, Integer> loads, int conflicts,
                          double totalAffinity, double minAffinity, double minBound, boolean optimal) {
    }

    /** What a run reports while it works and asks whether to give up; the synchronous run does neither. */
    interface Progress {
        Progress NONE = new Progress() {
        };

        /** {@code phase} is affinity, conflicts, solving or saving; {@code percent} of the whole run. */
        default void phase(String phase, int percent) {
        }

        /** Asked often, from the solver's threads as well: must be cheap and thread-safe. */
        default boolean stopRequested() {
            return false;
        }
    }

    /** A computed assignment, not yet stored. */
    record Computed(long callId, long partyId, String partyCode, AssignmentResult result, AffinityModel model,
                    Map<String, ProposalText> textOf, int conflicts, Assigner.Objective objective) {
    }

    /** The time the fair objective may take; the flow of {@code total} is exact and fast. */
    static final int SOLVER_SECONDS = 30;

    /** Computes and stores at once, with the {@code total} objective (the demo data and scripts use this). */
    @Transactional
    public Outcome run(long callId, long partyId, int perProposal, int maxLoad, TandemUser officer) {
        return store(compute(callId, partyId, perProposal, maxLoad, Assigner.Objective.TOTAL, officer, Progress.NONE),
                officer);
    }

    /** Who may run an assignment for the party, with what settings; thrown before anything is computed. */
    void check(long callId, long partyId, int perProposal, int maxLoad, TandemUser officer) {
        Call call = calls.get(callId);
        Programme programme = programmes.get(call.getProgrammeId());
        Party party = programme.party(partyId).orElseThrow(() -> new NotAllowedException("party"));
        if (!officer.has(Role.PROGRAMME_OFFICER, programme.getId(), partyId)) {
            throw new NotAllowedException("not an officer of " + party.getCode());
        }
        if (perProposal < 1 || perProposal > 10) {
            throw InvalidInputException.of("perProposal", "assignment.perProposal.range");
        }
        if (maxLoad < 1 || maxLoad > 500) {
            throw InvalidInputException.of("maxLoad", "assignment.maxLoad.range");
        }
        requireNoneInvited(callId, partyId);
    }

    private void requireNoneInvited(long callId, long partyId) {
        var rerun = ReviewWorkflows.ASSIGNMENT.transition("run").orElseThrow();
        boolean invited = jdbc.sql("select count(*) from review_assignment where call_id = ? and party_id = ? and status <> all(?)")
                .params(callId, partyId, rerun.from().toArray(String[]::new)).query(Integer.class).single() > 0;
        if (invited) {
            // Experts have been told; replacing them wholesale would go behind their backs. Use replace instead.
            throw InvalidInputException.of("party", "assignment.alreadyInvited");
        }
    }

    /**
     * Affinity of the pool to the submitted proposals, conflicts, then the assignment; nothing is
     * written. Needs no transaction (a background run must not hold one for the solver's time).
     *
     * @throws org.tandem.engine.assign.AssignmentCancelled when {@code progress} asked to stop
     */
    Computed compute(long callId, long partyId, int perProposal, int maxLoad, Assigner.Objective objective,
                     TandemUser officer, Progress progress) {
        check(callId, partyId, perProposal, maxLoad, officer);
        Call call = calls.get(callId);
        Programme programme = programmes.get(call.getProgrammeId());
        Party party = programme.party(partyId).orElseThrow(() -> new NotAllowedException("party"));
        progress.phase("affinity", 0);
        List<Proposal> submitted = proposals.ofCall(callId, officer).stream()
                .filter(p -> p.getStatus() == ProposalStatus.SUBMITTED).toList();
        List<ExpertPools.Member> pool = pools.pool(programme.getId(), partyId);
        Map<String, String> fosOf = fosOf(programme);
        List<ExpertProfile> profiles = new ArrayList<>();
        List<Expert> experts = new ArrayList<>();
        for (ExpertPools.Member m : pool) {
            profiles.add(profileOf(m.person()));
            experts.add(expertOf(m.person(), submitted));
        }
        List<ProposalText> texts = new ArrayList<>();
        List<ProposalParties> teams = new ArrayList<>();
        for (Proposal p : submitted) {
            texts.add(textOf(p, fosOf));
            teams.add(partiesOf(p));
        }
        stopIfAsked(progress);

        List<Candidate> candidates = new ArrayList<>();
        AffinityModel model = profiles.isEmpty() ? null : AffinityModel.build(profiles);
        if (model != null) {
            // In slices, so that the bar moves and a cancel is seen between slices.
            int slice = Math.max(1, texts.size() / 10);
            for (int from = 0; from < texts.size(); from += slice) {
                List<ProposalText> part = texts.subList(from, Math.min(texts.size(), from + slice));
                for (List<AffinityScore> ranked : model.rankAll(part, profiles.size())) {
                    for (AffinityScore s : ranked) {
                        candidates.add(new Candidate(s.proposalId(), s.expertId(), s.score(), String.valueOf(s.score())));
                    }
                }
                progress.phase("affinity", 5 + 35 * Math.min(texts.size(), from + slice) / Math.max(1, texts.size()));
                stopIfAsked(progress);
            }
        }

        progress.phase("conflicts", 40);
        Set<AssignmentProblem.Pair> conflicts = new HashSet<>();
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        List<Conflict> found = experts.isEmpty() ? List.of()
                : new ConflictRules(3, 5, OrganisationAliases.builtIn()).findAll(teams, experts, year);
        // Cautious: a possible match (initials, a dropped middle name) also keeps the expert away.
        found.forEach(c -> conflicts.add(new AssignmentProblem.Pair(c.proposalId(), c.expertId())));
        stopIfAsked(progress);

        progress.phase("solving", 55);
        List<Reviewer> reviewers = pool.stream()
                .map(m -> new Reviewer(String.valueOf(m.person().id()), party.getCode(), maxLoad, 0)).toList();
        List<Demand> demands = submitted.stream()
                .map(p -> new Demand(String.valueOf(p.getId()), party.getCode(), perProposal)).toList();
        AssignmentResult result = Assigner.assign(new AssignmentProblem(reviewers, demands, candidates, conflicts),
                objective, SOLVER_SECONDS, progress::stopRequested);
        progress.phase("saving", 95);
        Map<String, ProposalText> textOf = new HashMap<>();
        texts.forEach(t -> textOf.put(t.id(), t));
        return new Computed(callId, partyId, party.getCode(), result, model, textOf, conflicts.size(), objective);
    }

    private static void stopIfAsked(Progress progress) {
        if (progress.stopRequested()) {
            throw new org.tandem.engine.assign.AssignmentCancelled();
        }
    }

    /**
     * Replaces the party's proposed (not yet invited) pairs by the computed ones. Checked again here:
     * between a background run's start and its end, the officer may have sent invitations.
     */
    @Transactional
    Outcome store(Computed c, TandemUser officer) {
        requireNoneInvited(c.callId(), c.partyId());
        long callId = c.callId();
        long partyId = c.partyId();
        AssignmentResult result = c.result();
        jdbc.sql("delete from review_assignment where call_id = ? and party_id = ? and status = 'PROPOSED'")
                .params(callId, partyId).update();
        for (Candidate cand : result.assigned()) {
            var why = c.model().explain(c.textOf().get(cand.proposalId()), cand.reviewerId());
            String text = String.join(", ", why.sharedTermNames().stream().limit(5).toList())
                    + (why.sharedFields().isEmpty() ? "" : " | FOS " + String.join(", ", why.sharedFields()));
            jdbc.sql("""
                    insert into review_assignment (call_id, party_id, proposal_id, person_id, score, why, status, created_by,
                        created_at) values (?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?)""")
                    .params(callId, partyId, Long.parseLong(cand.proposalId()), Long.parseLong(cand.reviewerId()),
                            cand.score(), text, officer.getUsername(), Timestamp.from(clock.instant())).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("party", c.partyCode());
        after.put("objective", c.objective().name().toLowerCase(Locale.ROOT));
        after.put("assigned", result.assigned().size());
        after.put("unmet", result.unmet().size());
        after.put("conflicts", c.conflicts());
        after.put("total", String.format(Locale.ROOT, "%.4f", result.totalAffinity()));
        after.put("min", String.format(Locale.ROOT, "%.4f", result.minProposalAffinity()));
        if (!Double.isNaN(result.minBound())) {
            after.put("minBound", String.format(Locale.ROOT, "%.4f", result.minBound()));
        }
        audit.record(officer.getUsername(), "Call", callId, "assignment-run", null, after);
        return new Outcome(current(callId, partyId, officer), result.unmet(), loads(callId, partyId), c.conflicts(),
                result.totalAffinity(), result.minProposalAffinity(), result.minBound(), result.optimal());
    }

    /** Whether any party has proposed or invited reviewers for the call yet. */
    @Transactional(readOnly = true)
    public boolean hasAssignments(long callId) {
        return jdbc.sql("select exists (select 1 from review_assignment where call_id = ?)").param(callId)
                .query(Boolean.class).single();
    }

    /** The stored assignment of one party; only that party's officers may read it. */
    @Transactional(readOnly = true)
    public List<Line> current(long callId, long partyId, TandemUser officer) {
        Call call = calls.get(callId);
        if (!officer.has(Role.PROGRAMME_OFFICER, call.getProgrammeId(), partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        record Row(long proposalId, long personId, double score, String why, String status) {
        }
        List<Row> rows = jdbc.sql("""
                select a.proposal_id, a.person_id, a.score, a.why, a.status from review_assignment a
                where a.call_id = ? and a.party_id = ? order by a.proposal_id, a.score desc""")
                .params(callId, partyId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getString(4), rs.getString(5)))
                .list();
        var headlines = proposals.headlines(rows.stream().map(Row::proposalId).collect(java.util.stream.Collectors.toSet()));
        var names = directory.names(rows.stream().map(Row::personId).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(r -> new Line(r.proposalId(), acronym(headlines.get(r.proposalId())), r.personId(),
                names.get(r.personId()), r.score(), r.why(), r.status())).toList();
    }

    private static String acronym(Proposals.Headline h) {
        return h == null ? null : h.acronym();
    }

    private Map<String, Integer> loads(long callId, long partyId) {
        Map<Long, Integer> byPerson = new HashMap<>();
        jdbc.sql("select a.person_id, count(*) from review_assignment a where a.call_id = ? and a.party_id = ? group by a.person_id")
                .params(callId, partyId)
                .query(rs -> {
                    byPerson.put(rs.getLong(1), rs.getInt(2));
                });
        var names = directory.names(byPerson.keySet());
        Map<String, Integer> m = new java.util.TreeMap<>();
        byPerson.forEach((person, n) -> m.merge(names.get(person), n, Integer::sum));
        return new LinkedHashMap<>(m);
    }

    /**
     * An officer replaces one expert by another for one proposal. Refused when the new expert is
     * not in the party's pool, already reviews the proposal, or has any conflict with it (named).
     */
    @Transactional
    public void replace(long callId, long partyId, long proposalId, long oldPersonId, long newPersonId, TandemUser officer) {
        Call call = calls.get(callId);
        Programme programme = programmes.get(call.getProgrammeId());
        if (!officer.has(Role.PROGRAMME_OFFICER, programme.getId(), partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        ExpertPools.Member member = pools.pool(programme.getId(), partyId).stream()
                .filter(m -> m.person().id() == newPersonId).findFirst()
                .orElseThrow(() -> InvalidInputException.of("expert", "assignment.notInPool"));
        Proposal proposal = proposals.ofCall(callId, officer).stream().filter(p -> p.getId() == proposalId).findFirst()
                .orElseThrow(() -> InvalidInputException.of("proposal", "assignment.noProposal"));
        boolean already = jdbc.sql("""
                select count(*) from review_assignment where call_id = ? and party_id = ? and proposal_id = ? and person_id = ?""")
                .params(callId, partyId, proposalId, newPersonId).query(Integer.class).single() > 0;
        if (already) {
            throw InvalidInputException.of("expert", "assignment.already", member.person().name());
        }
        Expert expert = expertOf(member.person(), List.of(proposal));
        List<Conflict> conflicts = new ConflictRules(3, 5, OrganisationAliases.builtIn())
                .find(partiesOf(proposal), expert, clock.instant().atZone(ZoneOffset.UTC).getYear());
        if (!conflicts.isEmpty()) {
            Conflict c = conflicts.get(0);
            throw InvalidInputException.of("expert", "assignment.conflicted", member.person().name(),
                    c.detail() != null ? c.detail() : c.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        String oldStatus = jdbc.sql("""
                select status from review_assignment where call_id = ? and party_id = ? and proposal_id = ? and person_id = ?""")
                .params(callId, partyId, proposalId, oldPersonId).query(String.class).optional()
                .orElseThrow(() -> InvalidInputException.of("expert", "assignment.noPair"));
        if (!ReviewWorkflows.ASSIGNMENT.allows(oldStatus, "replace")) {
            throw InvalidInputException.of("expert", "assignment.replaceInvited");
        }
        // A declined invitation stays on record (who declined what); an unsent proposal simply goes.
        if (oldStatus.equals(ReviewWorkflows.PROPOSED)) {
            jdbc.sql("delete from review_assignment where call_id = ? and party_id = ? and proposal_id = ? and person_id = ?")
                    .params(callId, partyId, proposalId, oldPersonId).update();
        }
        jdbc.sql("""
                insert into review_assignment (call_id, party_id, proposal_id, person_id, score, why, status, created_by, created_at)
                values (?, ?, ?, ?, 0, ?, 'PROPOSED', ?, ?)""")
                .params(callId, partyId, proposalId, newPersonId, "manual", officer.getUsername(),
                        Timestamp.from(clock.instant())).update();
        audit.record(officer.getUsername(), "Call", callId, "assignment-replace",
                Map.of("proposal", proposalId, "expert", oldPersonId), Map.of("proposal", proposalId, "expert", newPersonId));
    }

    /** The first conflict of an expert with a proposal, found by the same rules as the assignment. */
    Optional<Conflict> conflictOf(long personId, Proposal proposal) {
        Expert expert = expertOf(directory.person(personId), List.of(proposal));
        return new ConflictRules(3, 5, OrganisationAliases.builtIn())
                .find(partiesOf(proposal), expert, clock.instant().atZone(ZoneOffset.UTC).getYear()).stream().findFirst();
    }

    /** The best pool member to replace a declined expert, with their affinity and current load. */
    public record Suggestion(long personId, String name, double score, int load) {
    }

    /**
     * For one proposal, the pool member with the highest affinity who has no conflict with it
     * and is not already on it (a decliner is not asked twice); ties go to the lighter load.
     */
    @Transactional(readOnly = true)
    public Optional<Suggestion> suggestReplacement(long callId, long partyId, long proposalId, TandemUser officer) {
        Call call = calls.get(callId);
        if (!officer.has(Role.PROGRAMME_OFFICER, call.getProgrammeId(), partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        Proposal proposal = proposals.forReviewer(proposalId);
        Set<Long> taken = new HashSet<>(jdbc.sql("""
                select person_id from review_assignment where call_id = ? and party_id = ? and proposal_id = ?""")
                .params(callId, partyId, proposalId).query(Long.class).list());
        Map<Long, Integer> load = new HashMap<>();
        jdbc.sql("""
                select person_id, count(*) from review_assignment where call_id = ? and party_id = ? and status <> 'DECLINED'
                group by person_id""").params(callId, partyId).query(rs -> {
            load.put(rs.getLong(1), rs.getInt(2));
        });
        List<ExpertPools.Member> free = pools.pool(call.getProgrammeId(), partyId).stream()
                .filter(m -> !taken.contains(m.person().id())).toList();
        if (free.isEmpty()) {
            return Optional.empty();
        }
        List<ExpertProfile> profiles = free.stream().map(m -> profileOf(m.person())).toList();
        Map<String, String> fosOf = fosOf(programmes.get(call.getProgrammeId()));
        AffinityModel model = AffinityModel.build(profiles);
        List<AffinityScore> ranked = new ArrayList<>(model.rankAll(List.of(textOf(proposal, fosOf)), profiles.size()).get(0));
        Map<String, Double> scoreOf = new HashMap<>();
        ranked.forEach(s -> scoreOf.put(s.expertId(), s.score()));
        return free.stream()
                .filter(m -> conflictOf(m.person().id(), proposal).isEmpty())
                .map(m -> new Suggestion(m.person().id(), m.person().name(),
                        scoreOf.getOrDefault(String.valueOf(m.person().id()), 0.0), load.getOrDefault(m.person().id(), 0)))
                .min(java.util.Comparator.comparingDouble((Suggestion s) -> -s.score()).thenComparingInt(Suggestion::load)
                        .thenComparingLong(Suggestion::personId));
    }

    private ExpertProfile profileOf(Directory.Person person) {
        var publications = directory.publications(person.id());
        return new ExpertProfile(String.valueOf(person.id()), person.keywords(), person.fields(),
                publications.stream().map(pb -> new org.tandem.engine.affinity.Publication(pb.title(),
                        pb.abstractText(), pb.year())).toList());
    }

    private static Map<String, String> fosOf(Programme programme) {
        Map<String, String> fosOf = new HashMap<>();
        for (PriorityField f : programme.getPriorityFields()) {
            fosOf.put(f.getCode(), String.join(",", f.getFosCodes()));
        }
        return fosOf;
    }

    private static ProposalText textOf(Proposal p, Map<String, String> fosOf) {
        List<String> fos = new ArrayList<>();
        p.fieldList().forEach(f -> {
            String codes = fosOf.get(f);
            if (codes != null) {
                fos.addAll(List.of(codes.split(",")));
            }
        });
        return new ProposalText(String.valueOf(p.getId()), p.getTitle(), p.getAbstractText(), p.keywordList(), fos);
    }

    private Expert expertOf(Directory.Person person, List<Proposal> proposalsToCheck) {
        var publications = directory.publications(person.id());
        List<DeclaredConflict> declared = new ArrayList<>();
        for (var d : directory.declaredConflicts(person.id())) {
            for (Proposal p : proposalsToCheck) {
                if (declares(d.subject(), p)) {
                    declared.add(new DeclaredConflict(String.valueOf(p.getId()), false, d.reason()));
                }
            }
        }
        return new Expert(String.valueOf(person.id()), Person.of(person.name(), person.orcid(),
                person.affiliations().isEmpty() ? null : person.affiliations().get(0).organisation()),
                person.affiliations().stream().map(a -> new Affiliation(a.organisation(), a.fromYear(), a.toYear())).toList(),
                publications.stream().filter(pb -> pb.year() != null)
                        .map(pb -> new org.tandem.engine.conflict.Publication(pb.title(), pb.year(), List.of())).toList(),
                declared);
    }

    private static ProposalParties partiesOf(Proposal p) {
        List<Person> members = new ArrayList<>();
        for (Team t : p.getTeams()) {
            if (t.getPiName() != null) {
                members.add(Person.of(t.getPiName(), null, t.getHostOrganisation()));
            }
            t.memberList().forEach(name -> members.add(Person.of(name, null, t.getHostOrganisation())));
        }
        return new ProposalParties(String.valueOf(p.getId()), members);
    }

    /** A declared conflict names a proposal by its acronym or one of its host organisations. */
    private static boolean declares(String subject, Proposal p) {
        String s = org.tandem.directory.SearchKeys.of(subject);
        if (s.isEmpty()) {
            return false;
        }
        if (s.equals(org.tandem.directory.SearchKeys.of(p.getAcronym()))) {
            return true;
        }
        return p.getTeams().stream().anyMatch(t -> t.getHostOrganisation() != null
                && org.tandem.directory.SearchKeys.of(t.getHostOrganisation()).contains(s));
    }
}
