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
 * Submission of joint proposals: an immutable version and its receipt, in time by the server's
 * clock at commit, never lost and never half-stored; withdrawal before the deadline; the receipts.
 * Drafting and eligibility are {@link Proposals}'.
 */
@Service
public class ProposalSubmissions {

    private final Proposals drafts;
    private final ProposalRepository proposals;
    private final Submissions submissions;
    private final AttachmentRows attachments;
    private final Calls calls;
    private final Programmes programmes;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    ProposalSubmissions(Proposals drafts, ProposalRepository proposals, Submissions submissions, AttachmentRows attachments, Calls calls,
            Programmes programmes, AuditTrail audit, Outbox outbox, JdbcClient jdbc, JsonMapper json, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.drafts = drafts;
        this.proposals = proposals;
        this.submissions = submissions;
        this.attachments = attachments;
        this.calls = calls;
        this.programmes = programmes;
        this.audit = audit;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Submits the proposal as it stands. Whether it is in time is decided by the server's clock
     * when the request arrived. The same {@code idempotencyKey} returns the first receipt again
     * and stores nothing, so a client that lost the answer can safely retry.
     */
    @Transactional
    public Receipt submit(long id, String idempotencyKey, TandemUser user) {
        return submit(id, idempotencyKey, user, null);
    }

    /** As {@link #submit(long, String, TandemUser)}, judged by the time the request arrived (null: now). */
    @Transactional
    public Receipt submit(long id, String idempotencyKey, TandemUser user, Instant arrived) {
        Instant received = arrived != null ? arrived : clock.instant();
        Proposal p = drafts.get(id, user);
        if (!p.isMember(user.id())) {
            throw new NotAllowedException("only the teams submit their proposal");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw InvalidInputException.of("Idempotency-Key", "proposal.idempotency.long");
        }
        // Lock the proposal row: concurrent submissions of one proposal are numbered one after another.
        jdbc.sql("select id from proposal where id = ? for update").param(id).query(Long.class).single();
        if (key != null) {
            Optional<Receipt> earlier = submissions.byIdempotencyKey(id, key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Call call = calls.get(p.getCallId());
        Proposals.requireOpen(call, received);
        ProposalStatus submitted = ProposalWorkflow.PROPOSAL.require(p.getStatus(), "submit");
        List<Attachment> files = attachments.of(id);
        List<EligibilityCheck> checks = drafts.eligibility(p, files);
        if (checks.stream().anyMatch(c -> !c.ok())) {
            throw new NotEligibleException(checks);
        }
        Programme programme = programmes.get(call.getProgrammeId());
        String canonical = CanonicalContent.json(p, programme,
                files.stream().map(a -> a.fileName() + ":" + a.sha256()).toList(), json);
        Receipt receipt;
        try {
            receipt = submissions.insert(id, canonical, Hashes.sha256(canonical), received, user.id(), key);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("SUBMISSION_IN_PROGRESS");
        }
        p.setStatus(submitted);
        p.touch(received);
        proposals.saveAndFlush(p);
        audit.record(user.getUsername(), Proposals.AUDIT_TYPE, id, "submit", null, Map.of("version", receipt.version(),
                "sha256", receipt.sha256(), "submittedAt", receipt.submittedAt().toString()));
        for (Team t : p.getTeams()) {
            if (t.getPiEmail() != null) {
                outbox.send(t.getPiEmail(), "Tandem: submission receipt " + p.getAcronym() + " v" + receipt.version(),
                        "Proposal " + id + " (" + p.getTitle() + ")\nVersion: " + receipt.version()
                                + "\nSHA-256: " + receipt.sha256() + "\nReceived: " + receipt.submittedAt() + " (UTC)\n");
            }
        }
        events.publishEvent(new ProposalSubmitted(id, p.getCallId(), receipt.version(), receipt.sha256(),
                receipt.submittedAt()));
        return receipt;
    }

    /** Until the deadline the teams may withdraw; no submitted version of it then counts. */
    @Transactional
    public Proposal withdraw(long id, TandemUser user) {
        Instant received = clock.instant();
        Proposal p = drafts.get(id, user);
        if (!p.isMember(user.id())) {
            throw new NotAllowedException("only the teams withdraw their proposal");
        }
        Proposals.requireOpen(calls.get(p.getCallId()), received);
        p.setStatus(ProposalWorkflow.PROPOSAL.require(p.getStatus(), "withdraw"));
        p.touch(received);
        Proposal saved = proposals.saveAndFlush(p);
        audit.record(user.getUsername(), Proposals.AUDIT_TYPE, id, "withdraw", null, Map.of("at", received.toString()));
        return saved;
    }

    @Transactional(readOnly = true)
    public List<Receipt> receipts(long id, TandemUser user) {
        return submissions.of(drafts.get(id, user).getId());
    }


    /** Demo and import path: a proposal written and submitted at a given time, outside any open window. */
    @Transactional
    public Receipt importSubmitted(long callId, ProposalContent content, Map<Long, Long> piUserByParty, Instant at,
                                   long createdBy) {
        Call call = calls.get(callId);
        Programme programme = programmes.get(call.getProgrammeId());
        Proposal p = new Proposal(callId, createdBy, at, programme.getParties().stream().map(Party::getId).toList());
        p.update(content, null, code -> programme.partyByCode(code).map(Party::getId).orElse(null), at);
        piUserByParty.forEach((party, userId) -> p.teamOf(party).ifPresent(t -> t.setPi(userId, null, null)));
        p.setStatus(ProposalStatus.SUBMITTED);
        Proposal saved = proposals.saveAndFlush(p);
        String canonical = CanonicalContent.json(saved, programme, List.of(), json);
        Receipt r = submissions.insert(saved.getId(), canonical, Hashes.sha256(canonical), at, createdBy, null);
        audit.record("system", Proposals.AUDIT_TYPE, saved.getId(), "import", null, new LinkedHashMap<>(Map.of("version", 1)));
        events.publishEvent(new ProposalSubmitted(saved.getId(), callId, r.version(), r.sha256(), r.submittedAt()));
        return r;
    }
}
