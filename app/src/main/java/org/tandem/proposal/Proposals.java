package org.tandem.proposal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.Hashes;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Grant;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;
import org.tandem.platform.validation.StaleVersionException;
import org.tandem.programme.Call;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Joint proposals from the first draft to the last submitted version. Who may see a proposal:
 * the principal investigators of its teams and the officers of its programme; to anyone else
 * it does not exist (404), so its existence does not leak.
 */
@Service
public class Proposals {

    public static final String AUDIT_TYPE = "Proposal";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ProposalRepository proposals;
    private final AttachmentRows attachments;
    private final EligibilityConfig config;
    private final org.tandem.directory.Directory directory;
    private final Calls calls;
    private final Programmes programmes;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Proposals(ProposalRepository proposals, AttachmentRows attachments,
              EligibilityConfig config, org.tandem.directory.Directory directory, Calls calls, Programmes programmes,
              AuditTrail audit, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.proposals = proposals;
        this.attachments = attachments;
        this.config = config;
        this.directory = directory;
        this.calls = calls;
        this.programmes = programmes;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The party a user applies for in a programme: their applicant grant scoped to it. */
    public Optional<Long> applicantParty(TandemUser user, long programmeId) {
        return user.grants().stream()
                .filter(g -> g.role() == Role.APPLICANT && g.partyId() != null)
                .filter(g -> g.programmeId() == null || g.programmeId() == programmeId)
                .map(Grant::partyId).findFirst();
    }

    @Transactional
    public Proposal create(long callId, ProposalContent content, TandemUser user) {
        Instant received = clock.instant();
        Call call = calls.getPublic(callId);
        requireOpen(call, received);
        Programme programme = programmes.get(call.getProgrammeId());
        long party = applicantParty(user, programme.getId())
                .orElseThrow(() -> new NotAllowedException("not an applicant of a party of programme " + programme.getId()));
        checkContent(content, programme);
        Proposal p = new Proposal(callId, user.id(), received,
                programme.getParties().stream().map(Party::getId).toList());
        p.teamOf(party).orElseThrow().setPi(user.id(), user.displayName(), null);
        p.update(content, user.id(), code -> programme.partyByCode(code).map(Party::getId).orElse(null), received);
        p = proposals.saveAndFlush(p);
        audit.record(user.getUsername(), AUDIT_TYPE, p.getId(), "create", null, Map.of("title", String.valueOf(p.getTitle())));
        return p;
    }

    @Transactional(readOnly = true)
    public Proposal get(long id, TandemUser user) {
        Proposal p = proposals.findById(id).orElseThrow(() -> new NotFoundException("proposal " + id));
        if (!canSee(p, user)) {
            throw new NotFoundException("proposal " + id);
        }
        return p;
    }

    /**
     * A proposal for its reviewers. The review module grants this only to an expert with an
     * accepted, non-conflicted assignment; the proposal module cannot know assignments.
     */
    @Transactional(readOnly = true)
    public Proposal forReviewer(long id) {
        return proposals.findById(id).orElseThrow(() -> new NotFoundException("proposal " + id));
    }

    public boolean isOfficer(Proposal p, TandemUser user) {
        Call call = calls.get(p.getCallId());
        return user.has(Role.PROGRAMME_OFFICER, call.getProgrammeId(), null);
    }

    private boolean canSee(Proposal p, TandemUser user) {
        return user != null && (p.isMember(user.id()) || isOfficer(p, user));
    }

    /** Proposals where this user leads a team. */
    @Transactional(readOnly = true)
    public List<Proposal> mine(TandemUser user) {
        return jdbc.sql("select distinct proposal_id from proposal_team where pi_user_id = ? order by proposal_id desc")
                .param(user.id()).query(Long.class).list().stream()
                .map(id -> proposals.findById(id).orElseThrow()).toList();
    }

    /** What other modules print beside their own rows about a proposal: its acronym and title. */
    public record Headline(long id, String acronym, String title) {
    }

    /**
     * Headlines of the named proposals, for modules that checked their reader's rights themselves;
     * unknown ids are left out. One query however many ids, so lists stay cheap.
     */
    @Transactional(readOnly = true)
    public Map<Long, Headline> headlines(java.util.Collection<Long> ids) {
        Map<Long, Headline> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, acronym, title from proposal where id = any(?)").param(ids.toArray(Long[]::new))
                .query((rs, i) -> new Headline(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list().forEach(h -> out.put(h.id(), h));
        return out;
    }

    /**
     * The canonical JSON of the last submitted version (what its receipt's SHA-256 covers), for
     * modules that checked their reader's rights themselves; empty when it was never submitted.
     */
    @Transactional(readOnly = true)
    public Optional<String> lastSubmittedContent(long id) {
        return jdbc.sql("select canonical from proposal_submission where proposal_id = ? order by number desc limit 1")
                .param(id).query(String.class).optional();
    }

    /** The submitted proposals of a call, for modules that checked their reader's rights themselves. */
    @Transactional(readOnly = true)
    public List<Proposal> submittedOf(long callId) {
        return proposals.findByCallIdOrderById(callId).stream().filter(p -> p.getStatus() == ProposalStatus.SUBMITTED).toList();
    }

    /** Every proposal of a call, for its programme's officers. */
    @Transactional(readOnly = true)
    public List<Proposal> ofCall(long callId, TandemUser user) {
        Call call = calls.get(callId);
        if (user == null || !user.has(Role.PROGRAMME_OFFICER, call.getProgrammeId(), null)) {
            throw new NotAllowedException("not an officer of the call's programme");
        }
        return proposals.findByCallIdOrderById(callId);
    }

    /**
     * Saves a new state of the proposal if nobody changed it since {@code expectedVersion};
     * otherwise nothing is written and the caller learns the current version.
     */
    @Transactional
    public Proposal update(long id, long expectedVersion, ProposalContent content, TandemUser user) {
        Instant received = clock.instant();
        Proposal p = get(id, user);
        if (!p.isMember(user.id())) {
            throw new NotAllowedException("only the teams edit their proposal");
        }
        Call call = calls.get(p.getCallId());
        requireEditable(p, call);
        if (p.getVersion() != expectedVersion) {
            throw new StaleVersionException(p.getVersion());
        }
        Programme programme = programmes.get(call.getProgrammeId());
        checkContent(content, programme);
        Map<String, String> before = state(p, programme);
        p.update(content, user.id(), code -> programme.partyByCode(code).map(Party::getId).orElse(null), received);
        p.touch(received);
        try {
            Proposal saved = proposals.saveAndFlush(p);
            Map<String, String> after = state(saved, programme);
            audit.record(user.getUsername(), AUDIT_TYPE, id, "update", before, after);
            return saved;
        } catch (ObjectOptimisticLockingFailureException e) {
            // Another request committed between our read and our write.
            throw new StaleVersionException(proposals.findById(id).map(Proposal::getVersion).orElse(-1L));
        }
    }

    /** One change another editor made since a version, with the value now stored. */
    public record Change(String party, String field, String value) {
    }

    /**
     * What others changed since {@code version}, read from the audit trail of the proposal, so an
     * editor whose save was refused sees exactly the fields that moved under them.
     */
    @Transactional(readOnly = true)
    public List<Change> changesSince(long id, long version, TandemUser user) {
        Proposal p = get(id, user);
        Programme programme = programmes.get(calls.get(p.getCallId()).getProgrammeId());
        java.util.Set<String> changed = new java.util.LinkedHashSet<>();
        for (var e : audit.history(AUDIT_TYPE, String.valueOf(id))) {
            if (!"update".equals(e.action()) || e.after() == null || e.before() == null) {
                continue;
            }
            Map<String, Object> after = json.readValue(e.after(), Map.class);
            Map<String, Object> before = json.readValue(e.before(), Map.class);
            if (Long.parseLong(String.valueOf(after.get("version"))) <= version) {
                continue;
            }
            after.forEach((k, v) -> {
                if (!"version".equals(k) && !java.util.Objects.equals(v, before.get(k))) {
                    changed.add(k);
                }
            });
        }
        Map<String, String> now = state(p, programme);
        return changed.stream().map(k -> k.startsWith("teams[")
                ? new Change(k.substring(6, k.indexOf(']')), k.substring(k.indexOf("].") + 2), now.get(k))
                : new Change(null, k, now.get(k))).toList();
    }

    /**
     * The proposal as flat text fields, for the audit trail and for showing changes. Internal
     * notes are left out: the audit trail is read by both parties' officers.
     */
    static Map<String, String> state(Proposal p, Programme programme) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("version", String.valueOf(p.getVersion()));
        m.put("acronym", p.getAcronym());
        m.put("title", p.getTitle());
        m.put("abstract", p.getAbstractText());
        m.put("keywords", String.join(", ", p.keywordList()));
        m.put("fields", String.join(", ", p.fieldList()));
        m.put("durationMonths", p.getDurationMonths() == null ? null : p.getDurationMonths().toString());
        m.put("workPlan", p.getWorkPlan());
        m.put("titleVi", p.getTitleVi());
        m.put("titleRu", p.getTitleRu());
        m.put("abstractVi", p.getAbstractVi());
        m.put("abstractRu", p.getAbstractRu());
        for (Team t : p.getTeams()) {
            String k = "teams[" + programme.party(t.getPartyId()).map(Party::getCode).orElse("?") + "].";
            m.put(k + "pi", t.getPiName());
            m.put(k + "hostOrganisation", t.getHostOrganisation());
            m.put(k + "members", String.join(", ", t.memberList()));
            m.put(k + "budget", String.join("; ", t.getBudget().stream()
                    .map(b -> b.year() + " " + b.category() + " " + b.amount().toPlainString()).toList()));
        }
        return m;
    }

    /** Shape checks that keep bad data out of the draft; completeness is eligibility's job. */
    private static void checkContent(ProposalContent c, Programme programme) {
        Problems problems = new Problems();
        ProposalLimits.check(c, problems);
        problems.require(c.durationMonths() == null || (c.durationMonths() > 0 && c.durationMonths() <= 120),
                "durationMonths", "call.duration.max", 120);
        if (c.fields() != null) {
            for (String f : c.fields()) {
                problems.require(programme.hasField(f.strip()), "fields", "call.fields.unknown", f);
            }
        }
        if (c.teams() != null) {
            for (int i = 0; i < c.teams().size(); i++) {
                TeamContent t = c.teams().get(i);
                String f = "teams[" + t.party() + "]";
                if (programme.partyByCode(String.valueOf(t.party())).isEmpty()) {
                    problems.add(f + ".party", "call.budget.unknownParty", String.valueOf(t.party()));
                    continue;
                }
                if (t.piEmail() != null && !t.piEmail().isBlank()) {
                    problems.require(EMAIL.matcher(t.piEmail().strip()).matches(), f + ".piEmail", "account.email.invalid");
                }
                if (t.budget() != null) {
                    for (int j = 0; j < t.budget().size(); j++) {
                        BudgetLine b = t.budget().get(j);
                        String bf = f + ".budget[" + j + "]";
                        problems.require(b.year() >= 1 && b.year() <= 10, bf + ".year", "proposal.budget.year.range");
                        problems.require(b.category() != null && !b.category().isBlank(), bf + ".category",
                                "validation.required");
                        if (b.amount() == null) {
                            problems.add(bf + ".amount", "validation.required");
                        } else if (b.amount().signum() < 0) {
                            problems.add(bf + ".amount", "validation.negative");
                        }
                    }
                }
            }
        }
        problems.throwIfAny();
    }

    @Transactional(readOnly = true)
    public List<EligibilityCheck> eligibility(long id, TandemUser user) {
        return eligibility(get(id, user));
    }

    List<EligibilityCheck> eligibility(Proposal p) {
        return eligibility(p, attachments.of(p.getId()));
    }

    /** With the attachments already read (submission reads them once for the check and the receipt). */
    List<EligibilityCheck> eligibility(Proposal p, List<Attachment> files) {
        Call call = calls.get(p.getCallId());
        int fileCount = files.size();
        Eligibility.Facts facts = new Eligibility.Facts() {
            @Override
            public int attachments() {
                return fileCount;
            }

            @Override
            public boolean doctorate(long userId) {
                return directory.profileOf(userId).map(org.tandem.directory.Directory.Person::doctorate).orElse(false);
            }

            @Override
            public int proposalsLed(long userId) {
                return jdbc.sql("""
                        select count(*) from proposal_team t join proposal p on p.id = t.proposal_id
                        where t.pi_user_id = ? and p.call_id = ? and p.status <> 'WITHDRAWN'""")
                        .params(userId, call.getId()).query(Integer.class).single();
            }
        };
        return Eligibility.evaluate(p, call, programmes.get(call.getProgrammeId()), facts, overrides(p.getId()),
                config.of(call.getId()));
    }

    private Map<String, String> overrides(long proposalId) {
        Map<String, String> m = new HashMap<>();
        jdbc.sql("select rule, party_id, reason from eligibility_override where proposal_id = ?").param(proposalId)
                .query(rs -> {
                    m.put(rs.getString("rule") + ":" + rs.getLong("party_id"), rs.getString("reason"));
                });
        return m;
    }

    /** An officer sets one rule aside for one proposal; a party rule only by that party's officer. */
    @Transactional
    public void override(long id, EligibilityRule rule, String partyCode, String reason, TandemUser officer) {
        Proposal p = get(id, officer);
        Call call = calls.get(p.getCallId());
        Programme programme = programmes.get(call.getProgrammeId());
        long partyId = 0;
        if (rule.perParty()) {
            Party party = programme.partyByCode(String.valueOf(partyCode))
                    .orElseThrow(() -> InvalidInputException.of("party", "call.budget.unknownParty", String.valueOf(partyCode)));
            partyId = party.getId();
            if (!officer.has(Role.PROGRAMME_OFFICER, programme.getId(), partyId)) {
                throw new NotAllowedException("override for another party");
            }
        } else if (!officer.has(Role.PROGRAMME_OFFICER, programme.getId(), null)) {
            throw new NotAllowedException("not an officer");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "validation.required");
        }
        jdbc.sql("""
                insert into eligibility_override (proposal_id, rule, party_id, reason, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (proposal_id, rule, party_id) do update set reason = excluded.reason,
                    decided_by = excluded.decided_by, decided_at = excluded.decided_at""")
                .params(id, rule.name(), partyId, reason.strip(), officer.getUsername(), Timestamp.from(clock.instant()))
                .update();
        audit.record(officer.getUsername(), AUDIT_TYPE, id, "eligibility-override", null,
                Map.of("rule", rule.name(), "party", partyId == 0 ? "" : partyCode, "reason", reason.strip()));
    }

    /** Changes are possible only while the call is open and the proposal not withdrawn. */
    void requireEditable(Proposal p, Call call) {
        requireOpen(call, clock.instant());
        ProposalWorkflow.PROPOSAL.require(p.getStatus(), "edit");
    }

    /** A new version after a change outside the proposal row (an attachment), so other editors notice. */
    void touch(long id) {
        Proposal p = proposals.findById(id).orElseThrow();
        p.touch(clock.instant());
        proposals.saveAndFlush(p);
    }

    static void requireOpen(Call call, Instant at) {
        CallStatus status = call.status(at);
        if (status == CallStatus.DRAFT || status == CallStatus.PUBLISHED) {
            throw new ConflictException("CALL_NOT_OPEN");
        }
        if (status != CallStatus.OPEN) {
            throw new ConflictException("CALL_CLOSED");
        }
    }

}
