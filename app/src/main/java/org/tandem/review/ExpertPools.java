package org.tandem.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.directory.Directory;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Account;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * Each party reviews with its own experts: an officer of a party invites experts into that
 * party's pool for a programme. Being in a pool makes the person an expert (role) and a
 * candidate for that party's reviewer group.
 */
@Service
public class ExpertPools {

    public record Member(Directory.Person person, String invitedBy, java.time.Instant invitedAt, int publications) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Accounts accounts;
    private final Programmes programmes;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    ExpertPools(JdbcClient jdbc, Directory directory, Accounts accounts, Programmes programmes, Outbox outbox,
                AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.accounts = accounts;
        this.programmes = programmes;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Invites the holder of an existing account (by user name or e-mail) into a party's pool. */
    @Transactional
    public Member invite(long programmeId, long partyId, String who, TandemUser officer) {
        Programme programme = programmes.get(programmeId);
        if (programme.party(partyId).isEmpty() || !officer.has(Role.PROGRAMME_OFFICER, programmeId, partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        Account account = accounts.findByNameOrEmail(who)
                .orElseThrow(() -> InvalidInputException.of("who", "experts.unknown", who));
        Directory.Person person = directory.profileOf(account.id())
                .orElseThrow(() -> InvalidInputException.of("who", "experts.noProfile", account.displayName()));
        jdbc.sql("""
                insert into expert_pool (programme_id, party_id, person_id, invited_by, invited_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(programmeId, partyId, person.id(), officer.getUsername(), Timestamp.from(clock.instant())).update();
        accounts.grant(account.id(), new Accounts.NewGrant(Role.EXPERT, null, null), officer.getUsername());
        if (account.email() != null) {
            outbox.send(account.email(), "Tandem: you are invited as an expert",
                    officer.displayName() + " added you to the expert pool of " + programme.getName().getEn()
                            + ". Keep your publications and declared conflicts up to date at /expertise.\n");
        }
        audit.record(officer.getUsername(), "ExpertPool", programmeId + ":" + partyId, "invite", null,
                Map.of("person", person.id(), "name", person.name()));
        return pool(programmeId, partyId).stream().filter(m -> m.person().id() == person.id()).findFirst().orElseThrow();
    }

    /** Adds a registered person without an account (an external expert, known to the officer). */
    @Transactional
    public void addPerson(long programmeId, long partyId, long personId, TandemUser officer) {
        if (!officer.has(Role.PROGRAMME_OFFICER, programmeId, partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        jdbc.sql("""
                insert into expert_pool (programme_id, party_id, person_id, invited_by, invited_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(programmeId, partyId, personId, officer.getUsername(), Timestamp.from(clock.instant())).update();
        audit.record(officer.getUsername(), "ExpertPool", programmeId + ":" + partyId, "add", null, Map.of("person", personId));
    }

    @Transactional(readOnly = true)
    public List<Member> pool(long programmeId, long partyId) {
        return jdbc.sql("""
                select person_id, invited_by, invited_at from expert_pool where programme_id = ? and party_id = ?
                order by invited_at""").params(programmeId, partyId)
                .query((rs, i) -> {
                    long personId = rs.getLong("person_id");
                    return new Member(directory.person(personId), rs.getString("invited_by"),
                            rs.getTimestamp("invited_at").toInstant(), directory.publications(personId).size());
                }).list();
    }
}
