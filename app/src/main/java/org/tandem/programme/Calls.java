package org.tandem.programme;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;

/**
 * Calls: drafted by an officer of any party, published only when an officer of every party
 * has approved the same content.
 */
@Service
public class Calls {

    public static final String AUDIT_TYPE = "Call";

    private final CallRepository calls;
    private final Programmes programmes;
    private final AuditTrail audit;
    private final Clock clock;

    Calls(CallRepository calls, Programmes programmes, AuditTrail audit, Clock clock) {
        this.calls = calls;
        this.programmes = programmes;
        this.audit = audit;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public Call get(long id) {
        return calls.findById(id).orElseThrow(() -> new NotFoundException("call " + id));
    }

    /** A call as the public may see it: drafts do not exist for them. */
    @Transactional(readOnly = true)
    public Call getPublic(long id) {
        Call c = get(id);
        if (!c.status(now()).isPublic()) {
            throw new NotFoundException("call " + id);
        }
        return c;
    }

    /** Every call every party has approved, soonest deadline first. */
    @Transactional(readOnly = true)
    public List<Call> publicCalls() {
        return calls.findByPhaseNotOrderByClosesAt(CallPhase.DRAFT);
    }

    /** Open calls and those published but not yet open, soonest deadline first. */
    @Transactional(readOnly = true)
    public List<Call> openAndUpcoming() {
        Instant now = now();
        return publicCalls().stream()
                .filter(c -> c.status(now) == CallStatus.OPEN || c.status(now) == CallStatus.PUBLISHED)
                .sorted(Comparator.comparing(Call::getClosesAt)).toList();
    }

    /** Calls an officer works on: every call of the programmes where they are an officer, drafts included. */
    @Transactional(readOnly = true)
    public List<Call> forOfficer(TandemUser user) {
        return calls.findAllByOrderByOpensAtDesc().stream()
                .filter(c -> user.has(Role.PROGRAMME_OFFICER, c.getProgrammeId(), null)).toList();
    }

    @Transactional(readOnly = true)
    public List<Call> ofProgramme(long programmeId) {
        return calls.findByProgrammeIdOrderByOpensAtDesc(programmeId);
    }

    /** The problems {@link #draft} would refuse the input for, without storing anything. */
    @Transactional(readOnly = true)
    public List<org.tandem.platform.validation.Problem> check(long programmeId, CallInput input) {
        return CallRules.check(programmes.get(programmeId), input).list();
    }

    @Transactional
    public Call draft(long programmeId, CallInput input, TandemUser user) {
        Programme programme = programmes.get(programmeId);
        requireOfficer(user, programme);
        CallRules.check(programme, input).throwIfAny();
        Call call = new Call(programmeId, user.getUsername(), now());
        call.update(input);
        call = calls.saveAndFlush(call);
        audit.record(user.getUsername(), AUDIT_TYPE, call.getId(), "create", null, call.auditState());
        return call;
    }

    /**
     * @param expectedVersion the version the officer edited; a different one means someone else
     *                        changed the call meanwhile and nothing is overwritten
     */
    @Transactional
    public Call update(long id, long expectedVersion, CallInput input, TandemUser user) {
        Call call = get(id);
        Programme programme = programmes.get(call.getProgrammeId());
        requireOfficer(user, programme);
        CallWorkflow.CALL.require(call.getPhase(), "edit");
        if (call.getVersion() != expectedVersion) {
            throw new org.tandem.platform.validation.StaleVersionException(call.getVersion());
        }
        CallRules.check(programme, input).throwIfAny();
        Map<String, Object> before = call.auditState();
        call.update(input);
        call = calls.saveAndFlush(call);
        audit.record(user.getUsername(), AUDIT_TYPE, id, "update", before, call.auditState());
        return call;
    }

    /** Approval on behalf of one party; the last party's approval publishes the call. */
    @Transactional
    public Call approve(long id, long partyId, TandemUser user) {
        Call call = get(id);
        Programme programme = programmes.get(call.getProgrammeId());
        if (programme.party(partyId).isEmpty() || !user.has(Role.PROGRAMME_OFFICER, programme.getId(), partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        CallPhase published = CallWorkflow.CALL.require(call.getPhase(), "approve");
        Map<String, Object> before = call.auditState();
        call.approve(partyId, user.getUsername(), now());
        boolean everyParty = programme.getParties().stream().allMatch(p -> call.approvedBy(p.getId()));
        if (everyParty) {
            call.setPhase(published);
        }
        Call saved = calls.saveAndFlush(call);
        audit.record(user.getUsername(), AUDIT_TYPE, id, everyParty ? "approve+publish" : "approve", before,
                saved.auditState());
        return saved;
    }

    /** The largest attachment applicants may upload; changeable until the call closes. */
    @Transactional
    public Call setAttachmentLimit(long id, int megabytes, TandemUser user) {
        Call call = get(id);
        requireOfficer(user, programmes.get(call.getProgrammeId()));
        CallStatus status = call.status(now());
        if (status != CallStatus.DRAFT && status != CallStatus.PUBLISHED && status != CallStatus.OPEN) {
            throw new ConflictException("CALL_CLOSED");
        }
        if (megabytes < 1 || megabytes > 100) {
            throw org.tandem.platform.validation.InvalidInputException.of("maxAttachmentMb", "call.attachment.range");
        }
        Map<String, Object> before = Map.of("maxAttachmentMb", call.getMaxAttachmentMb());
        call.setMaxAttachmentMb(megabytes);
        Call saved = calls.saveAndFlush(call);
        audit.record(user.getUsername(), AUDIT_TYPE, id, "attachment-limit", before, Map.of("maxAttachmentMb", megabytes));
        return saved;
    }

    /**
     * The budget categories proposals of the call use, chosen from the standard ones (each has
     * a name in every language). Changeable until the call closes; budget rows already typed in
     * a category the call drops stay readable under their category.
     */
    @Transactional
    public Call setBudgetCategories(long id, List<String> codes, TandemUser user) {
        Call call = get(id);
        requireOfficer(user, programmes.get(call.getProgrammeId()));
        CallStatus status = call.status(now());
        if (status != CallStatus.DRAFT && status != CallStatus.PUBLISHED && status != CallStatus.OPEN) {
            throw new ConflictException("CALL_CLOSED");
        }
        List<String> chosen = Call.DEFAULT_BUDGET_CATEGORIES.stream().filter(codes::contains).toList();
        if (chosen.isEmpty()) {
            throw org.tandem.platform.validation.InvalidInputException.of("budgetCategories", "call.budgetCategories.required");
        }
        if (codes.stream().anyMatch(c -> !Call.DEFAULT_BUDGET_CATEGORIES.contains(c))) {
            throw org.tandem.platform.validation.InvalidInputException.of("budgetCategories", "call.budgetCategories.unknown");
        }
        Map<String, Object> before = Map.of("budgetCategories", call.getBudgetCategories());
        call.setBudgetCategories(chosen);
        Call saved = calls.saveAndFlush(call);
        audit.record(user.getUsername(), AUDIT_TYPE, id, "budget-categories", before, Map.of("budgetCategories", chosen));
        return saved;
    }

    /** After the deadline, officers move the call into evaluation. */
    @Transactional
    public Call startEvaluation(long id, TandemUser user) {
        Call call = get(id);
        requireOfficer(user, programmes.get(call.getProgrammeId()));
        CallPhase next = CallWorkflow.CALL.require(call.getPhase(), "start-evaluation");
        if (call.status(now()) != CallStatus.CLOSED) {
            throw new ConflictException("CALL_NOT_CLOSED");
        }
        Map<String, Object> before = call.auditState();
        call.setPhase(next);
        Call saved = calls.saveAndFlush(call);
        audit.record(user.getUsername(), AUDIT_TYPE, id, "start-evaluation", before, saved.auditState());
        return saved;
    }

    /** Selection made its decisions final (every party approved): the call is decided. */
    @Transactional
    public Call markDecided(long id, String actor) {
        Call call = get(id);
        Map<String, Object> before = call.auditState();
        call.setPhase(CallWorkflow.CALL.require(call.getPhase(), "decide"));
        Call saved = calls.saveAndFlush(call);
        audit.record(actor, AUDIT_TYPE, id, "decided", before, saved.auditState());
        return saved;
    }

    /** Demo and import path: a call created already approved by every party (audited as the system). */
    @Transactional
    public Call createApproved(long programmeId, CallInput input, String actor) {
        Programme programme = programmes.get(programmeId);
        CallRules.check(programme, input).throwIfAny();
        Call call = new Call(programmeId, actor, now());
        call.update(input);
        for (Party p : programme.getParties()) {
            call.approve(p.getId(), actor, now());
        }
        call.setPhase(CallPhase.PUBLISHED);
        call = calls.saveAndFlush(call);
        audit.record(actor, AUDIT_TYPE, call.getId(), "create", null, call.auditState());
        return call;
    }

    static void requireOfficer(TandemUser user, Programme programme) {
        if (user == null || !user.has(Role.PROGRAMME_OFFICER, programme.getId(), null)) {
            throw new NotAllowedException("not an officer of programme " + programme.getId());
        }
    }
}
