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
 * A proposal's principal investigator invites the researcher who will lead another party's team;
 * the link carries a one-time token of which only the hash is stored.
 */
@Service
public class TeamInvitations {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Proposals drafts;
    private final org.tandem.platform.security.Accounts accounts;
    private final ProposalRepository proposals;
    private final Calls calls;
    private final Programmes programmes;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    TeamInvitations(Proposals drafts, org.tandem.platform.security.Accounts accounts, ProposalRepository proposals, Calls calls,
            Programmes programmes, AuditTrail audit, Outbox outbox, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.drafts = drafts;
        this.accounts = accounts;
        this.proposals = proposals;
        this.calls = calls;
        this.programmes = programmes;
        this.audit = audit;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Invites the principal investigator of another party's team by e-mail. The link carries a
     * one-time token; only its hash is stored.
     */
    @Transactional
    public String invite(long id, String partyCode, String email, TandemUser user) {
        Proposal p = drafts.get(id, user);
        if (!p.isMember(user.id())) {
            throw new NotAllowedException("only the teams invite partners");
        }
        Programme programme = programmes.get(calls.get(p.getCallId()).getProgrammeId());
        Party party = programme.partyByCode(String.valueOf(partyCode))
                .orElseThrow(() -> InvalidInputException.of("party", "call.budget.unknownParty", String.valueOf(partyCode)));
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw InvalidInputException.of("email", "account.email.invalid");
        }
        Team team = p.teamOf(party.getId()).orElseThrow();
        if (team.getPiUserId() != null) {
            throw new ConflictException("TEAM_HAS_PI");
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("""
                insert into proposal_invitation (proposal_id, party_id, email, token_hash, invited_by, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, party.getId(), email.strip(), Hashes.sha256(token), user.id(), Timestamp.from(clock.instant()))
                .update();
        outbox.send(email.strip(), "Tandem: invitation to lead the " + party.getCode() + " team of " + p.getAcronym(),
                user.displayName() + " invites you to lead the " + party.getCode() + " team of the joint proposal \""
                        + p.getTitle() + "\".\nAccept: /invitations/" + token + "\n");
        audit.record(user.getUsername(), Proposals.AUDIT_TYPE, id, "invite", null, Map.of("party", party.getCode(), "email", email.strip()));
        return token;
    }

    /** The invited researcher, signed in as an applicant of the invited party, takes the team. */
    @Transactional
    public Proposal accept(String token, TandemUser user) {
        var inv = jdbc.sql("select id, proposal_id, party_id, accepted_at from proposal_invitation where token_hash = ?")
                .param(Hashes.sha256(token == null ? "" : token))
                .query((rs, i) -> new long[] {rs.getLong("id"), rs.getLong("proposal_id"), rs.getLong("party_id"),
                        rs.getTimestamp("accepted_at") == null ? 0 : 1})
                .optional().orElseThrow(() -> new NotFoundException("invitation"));
        if (inv[3] == 1) {
            throw new ConflictException("INVITATION_USED");
        }
        // The link was mailed to one address: a forwarded or leaked link opens no one else's account.
        String invited = jdbc.sql("select email from proposal_invitation where id = ?").param(inv[0]).query(String.class).single();
        String own = accounts.get(user.id()).email();
        if (own == null || !own.equalsIgnoreCase(invited)) {
            throw new ConflictException("INVITATION_FOR_ANOTHER_PERSON");
        }
        Proposal p = proposals.findById(inv[1]).orElseThrow();
        Programme programme = programmes.get(calls.get(p.getCallId()).getProgrammeId());
        if (!drafts.applicantParty(user, programme.getId()).map(x -> x == inv[2]).orElse(false)) {
            throw new NotAllowedException("not an applicant of the invited party");
        }
        Team team = p.teamOf(inv[2]).orElseThrow();
        if (team.getPiUserId() != null) {
            throw new ConflictException("TEAM_HAS_PI");
        }
        team.setPi(user.id(), user.displayName(), null);
        p.touch(clock.instant());
        jdbc.sql("update proposal_invitation set accepted_at = ?, accepted_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), user.id(), inv[0]).update();
        Proposal saved = proposals.saveAndFlush(p);
        audit.record(user.getUsername(), Proposals.AUDIT_TYPE, p.getId(), "accept-invitation", null,
                Map.of("party", programme.party(inv[2]).map(Party::getCode).orElse("?")));
        return saved;
    }

}
