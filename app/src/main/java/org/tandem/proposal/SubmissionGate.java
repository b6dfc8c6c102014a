package org.tandem.proposal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission to submission at a deadline surge. A submission is short work for the processors
 * and the database; a few hundred of them at once, each on its own request thread, share two
 * cores so thinly that all of them finish late. The gate lets a few at a time through and the
 * others wait their turn in order of arrival (a fair semaphore), so each is answered in about the
 * time the queue ahead of it takes. Other requests (uploads, pages) do not pass through it.
 *
 * <p>The time a submission arrived is taken here, before any wait, and is the time its deadline
 * is judged by: waiting in this queue never makes a submission late.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionGate {

    private static final String RECEIVED_AT = SubmissionGate.class.getName() + ".receivedAt";
    private static final Pattern SUBMIT = Pattern.compile("(/api/v1)?/proposals/\\d+/submit");

    /** When the submission reached the server, or null outside a gated request. */
    static Instant receivedAt(HttpServletRequest request) {
        return request.getAttribute(RECEIVED_AT) instanceof Instant at ? at : null;
    }

    @Bean
    FilterRegistrationBean<Gate> submissionGateFilter(Clock clock,
            @Value("${tandem.submissions.concurrency:0}") int concurrency) {
        int permits = concurrency > 0 ? concurrency : 8 * Runtime.getRuntime().availableProcessors();
        var bean = new FilterRegistrationBean<>(new Gate(new Semaphore(permits, true), clock));
        // Before the session and security filters: waiting holds no session, connection or lock.
        bean.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    static final class Gate extends OncePerRequestFilter {
        private final Semaphore permits;
        private final Clock clock;

        Gate(Semaphore permits, Clock clock) {
            this.permits = permits;
            this.clock = clock;
        }

        /** For tests that hold the gate shut. */
        Semaphore permits() {
            return permits;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest req) {
            return !"POST".equals(req.getMethod())
                    || !SUBMIT.matcher(req.getRequestURI().substring(req.getContextPath().length())).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            req.setAttribute(RECEIVED_AT, clock.instant());
            boolean admitted;
            try {
                // Longer than any client waits; a client that gave up retries with its key.
                admitted = permits.tryAcquire(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                admitted = false;
            }
            if (!admitted) {
                res.setHeader("Retry-After", "1");
                res.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            try {
                chain.doFilter(req, res);
            } finally {
                permits.release();
            }
        }
    }
}
