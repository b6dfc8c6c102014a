package org.tandem.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling kept in PostgreSQL, so it holds across nodes and restarts.
 *
 * <p>A lockout per account lets anyone lock a real officer out by typing five wrong passwords
 * for their name. Instead, failures are counted per (account, client address) and per client
 * address, and past a free allowance each further attempt from there has to wait, the wait
 * doubling with every failure up to {@link #MAX_WAIT}. A guesser at one address slows only
 * that address; the officer at another address signs in as usual, and a correct password
 * clears the count for the address it came from.
 */
@Component
public class LoginAttempts {

    static final int FREE_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int FREE_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long after the latest failure the next attempt must wait, given the failures in the window. */
    public static Duration backoff(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 20);
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    private record Count(int failures, Instant last) {
    }

    @Transactional(readOnly = true)
    public boolean blocked(String username, String address) {
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        Count pair = jdbc.sql("select count(*), max(at) from login_failure where username = ? and address = ? and at > ?")
                .params(normalise(username), address(address), since)
                .query((rs, i) -> new Count(rs.getInt(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
        Count byAddress = jdbc.sql("select count(*), max(at) from login_failure where address = ? and at > ?")
                .params(address(address), since)
                .query((rs, i) -> new Count(rs.getInt(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
        return waiting(pair, FREE_PER_ACCOUNT_AND_ADDRESS, now) || waiting(byAddress, FREE_PER_ADDRESS, now);
    }

    private static boolean waiting(Count c, int free, Instant now) {
        return c.last() != null && c.last().plus(backoff(c.failures(), free)).isAfter(now);
    }

    @Transactional
    public void failed(String username, String address) {
        Instant now = clock.instant();
        jdbc.sql("insert into login_failure (at, username, address) values (?, ?, ?)")
                .params(Timestamp.from(now), normalise(username), address(address)).update();
        // Rows older than the window no longer count; the index on at keeps this cheap.
        jdbc.sql("delete from login_failure where at < ?").param(Timestamp.from(now.minus(WINDOW).minus(WINDOW))).update();
    }

    @Transactional
    public void succeeded(String username, String address) {
        jdbc.sql("delete from login_failure where username = ? and address = ?")
                .params(normalise(username), address(address)).update();
    }

    private static String normalise(String username) {
        String u = username == null ? "" : username.trim().toLowerCase();
        return u.length() > 100 ? u.substring(0, 100) : u;
    }

    private static String address(String address) {
        String a = address == null ? "" : address;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
