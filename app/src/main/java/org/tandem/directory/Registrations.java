package org.tandem.directory;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.Hashes;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Account;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * Researchers register themselves. The account stays disabled until the e-mail address is
 * confirmed; confirming makes the researcher an applicant of every programme party of their
 * country and starts their profile.
 */
@Service
public class Registrations {

    static final Duration VALID_FOR = Duration.ofDays(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final Programmes programmes;
    private final Directory directory;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    Registrations(Accounts accounts, Programmes programmes, Directory directory, Outbox outbox, JdbcClient jdbc,
                  Clock clock) {
        this.accounts = accounts;
        this.programmes = programmes;
        this.directory = directory;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the confirmation path, also sent by mail (returned for the page's "check your mail" text and tests) */
    @Transactional
    public String register(String username, String displayName, String email, String password, String country) {
        if (email == null || email.isBlank()) {
            throw InvalidInputException.of("email", "validation.required");
        }
        if (country == null || !countries().contains(country)) {
            throw InvalidInputException.of("country", "directory.country.invalid");
        }
        Account account = accounts.create(new Accounts.NewAccount(username, displayName, email, password), "self-registration");
        accounts.setEnabled(account.id(), false, "self-registration");
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("insert into registration (token_hash, user_id, country, created_at) values (?, ?, ?, ?)")
                .params(Hashes.sha256(token), account.id(), country, Timestamp.from(clock.instant())).update();
        String path = "/register/confirm/" + token;
        outbox.send(email.strip(), "Tandem: confirm your e-mail address",
                "Welcome to Tandem, " + displayName + ".\nConfirm your address within 3 days: " + path + "\n");
        return path;
    }

    @Transactional
    public Account confirm(String token) {
        var row = jdbc.sql("select user_id, country, created_at, confirmed_at from registration where token_hash = ?")
                .param(Hashes.sha256(token == null ? "" : token))
                .query((rs, i) -> new Object[] {rs.getLong("user_id"), rs.getString("country"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("confirmed_at")})
                .optional().orElseThrow(() -> new NotFoundException("registration"));
        if (row[3] != null) {
            throw new ConflictException("REGISTRATION_CONFIRMED");
        }
        if (((java.time.Instant) row[2]).plus(VALID_FOR).isBefore(clock.instant())) {
            throw new ConflictException("REGISTRATION_EXPIRED");
        }
        long userId = (Long) row[0];
        String country = (String) row[1];
        jdbc.sql("update registration set confirmed_at = ? where token_hash = ?")
                .params(Timestamp.from(clock.instant()), Hashes.sha256(token)).update();
        accounts.setEnabled(userId, true, "self-registration");
        for (Programme p : programmes.all()) {
            for (Party party : p.getParties()) {
                if (party.getCountryCode().equals(country)) {
                    accounts.grant(userId, new Accounts.NewGrant(Role.APPLICANT, p.getId(), party.getId()), "self-registration");
                }
            }
        }
        Account account = accounts.get(userId);
        directory.saveProfile(userId, account.username(), new Directory.ProfileInput(account.displayName(), null, null,
                country, List.of(), List.of(), null, null, false));
        return account;
    }

    /** Countries a researcher can register from: those of the programmes' parties. */
    @Transactional(readOnly = true)
    public List<String> countries() {
        return programmes.all().stream().flatMap(p -> p.getParties().stream()).map(Party::getCountryCode)
                .distinct().sorted().toList();
    }
}
