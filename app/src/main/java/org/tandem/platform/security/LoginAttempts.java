package org.tandem.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Sign-in rate limit: after {@value #MAX_PER_ACCOUNT} failures for one account, or
 * {@value #MAX_PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are
 * refused until the window has passed. Kept in memory: a node restart forgives, which is an
 * acceptable trade for not writing on every failed guess.
 */
@Component
public class LoginAttempts {

    static final int MAX_PER_ACCOUNT = 5;
    static final int MAX_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginAttempts(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String username, String address) {
        return count("u:" + normalise(username)) >= MAX_PER_ACCOUNT || count("a:" + address) >= MAX_PER_ADDRESS;
    }

    public void failed(String username, String address) {
        add("u:" + normalise(username));
        add("a:" + address);
    }

    public void succeeded(String username) {
        failures.remove("u:" + normalise(username));
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }

    private void add(String key) {
        Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(clock.instant());
        }
    }

    private int count(String key) {
        Deque<Instant> q = failures.get(key);
        if (q == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(WINDOW);
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) {
                q.removeFirst();
            }
            return q.size();
        }
    }
}
