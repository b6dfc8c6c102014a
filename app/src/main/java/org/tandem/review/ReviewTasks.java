package org.tandem.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.directory.Directory;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.tasks.Task;
import org.tandem.platform.tasks.TaskSource;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.Proposals;

/**
 * Experts: invitations to answer and accepted reviews not yet submitted, due at the call's
 * review due date. Officers: per call of their party, how many reviews are past that date.
 */
@Component
class ReviewTasks implements TaskSource {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Proposals proposals;
    private final Calls calls;
    private final Programmes programmes;
    private final Clock clock;

    ReviewTasks(JdbcClient jdbc, Directory directory, Proposals proposals, Calls calls, Programmes programmes, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.proposals = proposals;
        this.calls = calls;
        this.programmes = programmes;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasksFor(TandemUser user) {
        List<Task> tasks = new ArrayList<>();
        Instant now = clock.instant();
        if (user.has(Role.EXPERT)) {
            directory.profileOf(user.id()).ifPresent(person -> tasks.addAll(expertTasks(person.id(), now)));
        }
        if (user.has(Role.PROGRAMME_OFFICER)) {
            tasks.addAll(officerTasks(user, now));
        }
        return tasks;
    }

    private List<Task> expertTasks(long personId, Instant now) {
        record Owed(long callId, long proposalId, String status, Instant due) {
        }
        List<Owed> owed = jdbc.sql("""
                select a.call_id, a.proposal_id, a.status, f.due_at from review_assignment a
                join review_form f on f.call_id = a.call_id
                left join review r on r.call_id = a.call_id and r.party_id = a.party_id and r.proposal_id = a.proposal_id
                     and r.person_id = a.person_id
                where a.person_id = ? and a.status in ('INVITED', 'ACCEPTED') and coalesce(r.status, '') <> 'SUBMITTED'
                order by f.due_at, a.proposal_id""").param(personId)
                .query((rs, i) -> new Owed(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())).list();
        var headlines = proposals.headlines(owed.stream().map(Owed::proposalId).collect(Collectors.toSet()));
        List<Task> tasks = new ArrayList<>();
        for (Owed o : owed) {
            String acronym = headlines.containsKey(o.proposalId()) ? headlines.get(o.proposalId()).acronym() : "";
            boolean invited = "INVITED".equals(o.status());
            String key = invited ? "task.review.invited" : "task.review.due";
            String link = invited ? "/reviews" : "/reviews/" + o.callId() + "/" + o.proposalId();
            Call call = calls.get(o.callId());
            List<Object> args = List.of(acronym, call.getTitle().in(LocaleContextHolder.getLocale()));
            tasks.add(o.due() == null ? Task.undated(key, args, link)
                    : Task.dueAt(key, args, link, o.due(), zones(programmes.get(call.getProgrammeId())), now));
        }
        return tasks;
    }

    private List<Task> officerTasks(TandemUser user, Instant now) {
        record Late(long callId, long partyId, int count, Instant due) {
        }
        List<Late> late = jdbc.sql("""
                select a.call_id, a.party_id, count(*), min(f.due_at) from review_assignment a
                join review_form f on f.call_id = a.call_id
                left join review r on r.call_id = a.call_id and r.party_id = a.party_id and r.proposal_id = a.proposal_id
                     and r.person_id = a.person_id
                where f.due_at < ? and a.status in ('INVITED', 'ACCEPTED') and coalesce(r.status, '') <> 'SUBMITTED'
                group by a.call_id, a.party_id order by a.call_id, a.party_id""").param(Timestamp.from(now))
                .query((rs, i) -> new Late(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant()))
                .list();
        List<Task> tasks = new ArrayList<>();
        for (Late l : late) {
            Call call = calls.get(l.callId());
            if (!user.has(Role.PROGRAMME_OFFICER, call.getProgrammeId(), l.partyId())) {
                continue;
            }
            Programme programme = programmes.get(call.getProgrammeId());
            tasks.add(Task.dueAt("task.review.lateForCall", List.of(l.count(), call.getTitle().in(LocaleContextHolder.getLocale())),
                    "/officer/calls/" + call.getId() + "/reviews", l.due(), zones(programme), now));
        }
        return tasks;
    }

    private static List<String> zones(Programme programme) {
        return programme.getParties().stream().map(Party::getTimeZone).distinct().toList();
    }
}
