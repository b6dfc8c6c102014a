package org.tandem.innovation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.jobs.ClusterScheduled;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Account;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.TandemUser;

/**
 * The weekly mail of new matches: each owner of a live profile hears of profiles published since
 * their last mail that match theirs, in their own language. The time of the last mail is stored,
 * so a run repeated after a node failure sends nothing twice.
 */
@Service
public class MatchMail {

    private final JdbcClient jdbc;
    private final Matches matches;
    private final Accounts accounts;
    private final UserDetailsService users;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;

    MatchMail(JdbcClient jdbc, Matches matches, Accounts accounts, UserDetailsService users, Outbox outbox,
              MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.matches = matches;
        this.accounts = accounts;
        this.users = users;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    @ClusterScheduled(name = "innovation-weekly-matches", fixedDelay = "P7D", initialDelay = "P7D")
    @Transactional
    public void weekly() {
        send();
    }

    /** Returns how many owners were mailed. */
    @Transactional
    public int send() {
        Instant now = clock.instant();
        List<Long> owners = jdbc.sql("select distinct owner_id from innovation_profile where status in (?, ?, ?) order by 1")
                .params(InnovationWorkflows.PUBLISHED, InnovationWorkflows.IN_REVIEW, InnovationWorkflows.DRAFT)
                .query(Long.class).list();
        int mailed = 0;
        for (long ownerId : owners) {
            Instant since = jdbc.sql("select last_sent_at from innovation_match_mail where owner_id = ?").param(ownerId)
                    .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(now.minus(Duration.ofDays(7)));
            Account account = accounts.get(ownerId);
            if (account.email() == null || account.email().isBlank()) {
                continue;
            }
            TandemUser owner = (TandemUser) users.loadUserByUsername(account.username());
            List<Matches.Match> fresh = matches.forUser(owner).stream()
                    .filter(m -> m.other().publishedAt() != null && m.other().publishedAt().isAfter(since)).toList();
            jdbc.sql("""
                    insert into innovation_match_mail (owner_id, last_sent_at) values (?, ?)
                    on conflict (owner_id) do update set last_sent_at = excluded.last_sent_at""")
                    .params(ownerId, Timestamp.from(now)).update();
            if (fresh.isEmpty()) {
                continue;
            }
            Locale locale = Locale.forLanguageTag(account.preferredLanguage() == null ? "en" : account.preferredLanguage());
            StringBuilder body = new StringBuilder(messages.getMessage("innovation.mail.intro", new Object[] {fresh.size()},
                    locale)).append("\n\n");
            for (Matches.Match m : fresh) {
                body.append("- ").append(m.other().title(locale)).append(" (")
                        .append(messages.getMessage("innovation.match.score",
                                new Object[] {Math.round(m.score() * 100)}, locale))
                        .append(")\n  /innovation/profiles/").append(m.other().id()).append('\n');
            }
            body.append('\n').append(messages.getMessage("innovation.mail.more", null, locale)).append(" /innovation/matches\n");
            outbox.send(account.email(), messages.getMessage("innovation.mail.subject", new Object[] {fresh.size()}, locale),
                    body.toString());
            mailed++;
        }
        return mailed;
    }
}
