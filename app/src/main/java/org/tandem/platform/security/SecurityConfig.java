package org.tandem.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** bcrypt by default, with the algorithm recorded in each hash so it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, LoginAttempts attempts, ApiTokens tokens, KnownPaths known)
            throws Exception {
        var signIn = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/programmes/**", "/calls/**", "/login", "/error", "/register", "/register/**",
                                "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/api-docs", "/swagger-ui/**", "/swagger-ui.html",
                                "/api/v1/programmes", "/api/v1/programmes/**", "/api/v1/auth/token")
                        .permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/calls", "/api/v1/calls/*", "/api/v1/projects", "/api/v1/projects/*", "/oai",
                                "/innovation", "/innovation/profiles/*", "/api/v1/innovation/profiles", "/api/v1/innovation/profiles/*",
                                "/api/v1/indicators/editions", "/api/v1/indicators/editions/*/results", "/indices", "/indices/**")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler((req, res, auth) -> {
                            attempts.succeeded(auth.getName(), req.getRemoteAddr());
                            String target = req.getParameter("next");
                            // Only local paths: never an open redirect.
                            res.sendRedirect(req.getContextPath()
                                    + (target != null && target.startsWith("/") && !target.startsWith("//") ? target : "/"));
                        })
                        .failureHandler((req, res, ex) -> {
                            attempts.failed(req.getParameter("username"), req.getRemoteAddr());
                            res.sendRedirect(req.getContextPath()
                                    + (ex instanceof DisabledException ? "/login?disabled" : "/login?error"));
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
                // Systems calling the API get 401; people are sent to the sign-in page.
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                    if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
                        res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    } else if (!known.exists(req)) {
                        res.sendError(HttpServletResponse.SC_NOT_FOUND);
                    } else {
                        signIn.commence(req, res, ex);
                    }
                }))
                // The API is for systems with tokens, not browser sessions; forms keep CSRF.
                .csrf(c -> c.ignoringRequestMatchers("/api/**"))
                // Pages load scripts and styles only from Tandem itself: no inline script, no
                // inline style, nothing from elsewhere; an injected <script> does not run.
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new RateLimitFilter(attempts), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** {@code Authorization: Bearer <token>} on API requests; a bad token is simply not signed in (then 401). */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final ApiTokens tokens;

        BearerTokenFilter(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            String header = req.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                tokens.authenticate(header.substring(7).trim()).ifPresent(user -> {
                    var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                            .authenticated(user, null, user.getAuthorities());
                    var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(auth);
                    org.springframework.security.core.context.SecurityContextHolder.setContext(context);
                });
            }
            chain.doFilter(req, res);
        }
    }

    /** Refuses a sign-in attempt before the password is even checked when the limit is reached. */
    static final class RateLimitFilter extends OncePerRequestFilter {
        private final LoginAttempts attempts;

        RateLimitFilter(LoginAttempts attempts) {
            this.attempts = attempts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(req.getMethod()) && (req.getContextPath() + "/login").equals(req.getRequestURI())
                    && attempts.blocked(req.getParameter("username"), req.getRemoteAddr())) {
                res.sendRedirect(req.getContextPath() + "/login?locked");
                return;
            }
            chain.doFilter(req, res);
        }
    }
}
