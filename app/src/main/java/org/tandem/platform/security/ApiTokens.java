package org.tandem.platform.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.Hashes;

/**
 * Bearer tokens for agencies' and universities' systems. Only a SHA-256 of each token is
 * stored, so a copy of the database does not let anyone act as its users. Issuing a token goes
 * through the same checks and rate limit as the sign-in form.
 */
@Service
public class ApiTokens {

    static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserDetailsService users;
    private final PasswordEncoder encoder;
    private final LoginAttempts attempts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserDetailsService users, PasswordEncoder encoder, LoginAttempts attempts, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.encoder = encoder;
        this.attempts = attempts;
        this.clock = clock;
    }

    public enum Refusal { BAD_CREDENTIALS, LOCKED, DISABLED }

    public record Issued(String token, Refusal refusal) {
    }

    @Transactional
    public Issued issue(String username, String password, String address) {
        if (attempts.blocked(username, address)) {
            return new Issued(null, Refusal.LOCKED);
        }
        TandemUser user;
        try {
            user = (TandemUser) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            attempts.failed(username, address);
            return new Issued(null, Refusal.BAD_CREDENTIALS);
        }
        if (password == null || !encoder.matches(password, user.getPassword())) {
            attempts.failed(username, address);
            return new Issued(null, Refusal.BAD_CREDENTIALS);
        }
        if (!user.isEnabled()) {
            return new Issued(null, Refusal.DISABLED);
        }
        attempts.succeeded(username, address);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        jdbc.sql("insert into api_token (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(Hashes.sha256(token), user.id(), Timestamp.from(now), Timestamp.from(now.plus(LIFETIME))).update();
        return new Issued(token, null);
    }

    /** The user a valid, unexpired token stands for, re-read so revoked roles take effect at once. */
    @Transactional(readOnly = true)
    public Optional<TandemUser> authenticate(String token) {
        return jdbc.sql("""
                        select u.username from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = ? and t.expires_at > ?""")
                .params(Hashes.sha256(token), Timestamp.from(clock.instant()))
                .query(String.class).optional()
                .map(name -> (TandemUser) users.loadUserByUsername(name))
                .filter(TandemUser::isEnabled);
    }
}
