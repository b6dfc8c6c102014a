package org.tandem.innovation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.engine.meetings.Meetings;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;

/**
 * B2B meeting forums: participants register and wish to meet others; the Centre computes the
 * one-to-one agenda with the engine's {@code meetings} scheduler (its Java API: the same solver
 * and checks as the command line), and each participant downloads their own agenda.
 */
@Service
public class Forums {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Forums(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record Forum(long id, String name, String place, Instant computedAt) {
    }

    public record Slot(long id, Instant startsAt, int minutes, int tables) {
    }

    public record Participant(long id, long userId, String name, String organisation, int maxMeetings) {
    }

    public record Meeting(long id, Slot slot, Participant with) {
    }

    /** One meeting of the whole agenda, for the staff. */
    public record Booked(long id, Slot slot, Participant a, Participant b) {
    }

    /** What the scheduler reported: meetings placed, their weight and the proven upper bound. */
    public record Outcome(int meetings, long weight, double upperBound) implements java.io.Serializable {
    }

    public record NewSlot(Instant startsAt, int minutes, int tables) {
    }

    /** The scheduler's time limit: the agenda is computed while the staff member waits. */
    static final double SECONDS = 5;

    private static void requireStaff(TandemUser user) {
        if (!user.has(Role.INNOVATION_STAFF)) {
            throw new NotAllowedException("innovation staff only");
        }
    }

    @Transactional
    public Forum create(String name, String place, List<NewSlot> slots, TandemUser staff) {
        requireStaff(staff);
        Problems p = new Problems();
        p.require(name != null && !name.isBlank() && name.length() <= 300, "name", "innovation.error.required",
                Profiles.label("title"));
        p.require(place != null && !place.isBlank() && place.length() <= 300, "place", "innovation.error.required",
                Profiles.label("place"));
        p.require(!slots.isEmpty(), "slots", "innovation.error.required", Profiles.label("slots"));
        for (int i = 0; i < slots.size(); i++) {
            NewSlot s = slots.get(i);
            p.require(s.startsAt() != null && s.minutes() > 0 && s.tables() >= 0, "slots[" + i + "]",
                    "innovation.error.choice", Profiles.label("slots"));
        }
        p.throwIfAny();
        long id = jdbc.sql("insert into innovation_forum (name, place, created_at) values (?, ?, ?) returning id")
                .params(name.strip(), place.strip(), Timestamp.from(clock.instant())).query(Long.class).single();
        for (NewSlot s : slots) {
            jdbc.sql("insert into innovation_forum_slot (forum_id, starts_at, minutes, tables) values (?, ?, ?, ?)")
                    .params(id, Timestamp.from(s.startsAt()), s.minutes(), s.tables()).update();
        }
        audit.record(staff.getUsername(), "innovation_forum", id, "create", null,
                Map.of("name", name.strip(), "slots", slots.size()));
        return forum(id);
    }

    @Transactional
    public Participant register(long forumId, String organisation, int maxMeetings, TandemUser user) {
        forum(forumId);
        Problems p = new Problems();
        p.require(organisation != null && !organisation.isBlank() && organisation.length() <= 300, "organisation",
                "innovation.error.required", Profiles.label("organisation"));
        p.require(maxMeetings >= 1 && maxMeetings <= 50, "maxMeetings", "innovation.error.maxMeetings",
                Profiles.label("maxMeetings"), 50);
        p.throwIfAny();
        if (participantOf(forumId, user) != null) {
            throw new ConflictException("INNOVATION_ALREADY_REGISTERED");
        }
        long id = jdbc.sql("""
                insert into innovation_forum_participant (forum_id, user_id, display_name, organisation, max_meetings)
                values (?, ?, ?, ?, ?) returning id""")
                .params(forumId, user.id(), user.displayName(), organisation.strip(), maxMeetings).query(Long.class).single();
        audit.record(user.getUsername(), "innovation_forum_participant", id, "register", null,
                Map.of("forum", forumId, "organisation", organisation.strip(), "maxMeetings", maxMeetings));
        return participant(id);
    }

    @Transactional
    public void wish(long forumId, long targetId, int priority, TandemUser user) {
        Participant me = participantOf(forumId, user);
        if (me == null) {
            throw new ConflictException("INNOVATION_NOT_REGISTERED");
        }
        Participant target = participant(targetId);
        Problems p = new Problems();
        p.require(priority >= 1 && priority <= 3, "priority", "innovation.error.priority", Profiles.label("priority"));
        p.require(target.id() != me.id() && participants(forumId).stream().anyMatch(x -> x.id() == targetId), "target",
                "innovation.error.choice", Profiles.label("target"));
        p.throwIfAny();
        jdbc.sql("""
                insert into innovation_forum_wish (forum_id, requester_id, target_id, priority) values (?, ?, ?, ?)
                on conflict (requester_id, target_id) do update set priority = excluded.priority""")
                .params(forumId, me.id(), targetId, priority).update();
        audit.record(user.getUsername(), "innovation_forum_wish", me.id() + "-" + targetId, "wish", null,
                Map.of("forum", forumId, "priority", priority));
    }

    /**
     * Runs the engine's scheduler on the forum as it stands and replaces the agenda. The engine
     * checks the forum itself; a refusal leaves the previous agenda untouched.
     */
    @Transactional
    public Outcome computeAgenda(long forumId, TandemUser staff) {
        requireStaff(staff);
        forum(forumId);
        List<Meetings.Participant> people = participants(forumId).stream()
                .map(x -> new Meetings.Participant(String.valueOf(x.id()), x.maxMeetings(), java.util.Set.of())).toList();
        List<Meetings.Wish> wishes = jdbc.sql("""
                select requester_id, target_id, priority from innovation_forum_wish where forum_id = ? order by 1, 2""")
                .param(forumId).query((rs, i) -> new Meetings.Wish(String.valueOf(rs.getLong(1)),
                        String.valueOf(rs.getLong(2)), rs.getInt(3))).list();
        List<Meetings.Slot> slots = slots(forumId).stream()
                .map(x -> new Meetings.Slot(String.valueOf(x.id()), x.tables())).toList();
        Meetings.Result result;
        try {
            result = Meetings.schedule(people, wishes, slots, SECONDS);
        } catch (Meetings.BadForumException e) {
            throw new ConflictException("INNOVATION_AGENDA_FAILED");
        }
        jdbc.sql("delete from innovation_forum_meeting where forum_id = ?").param(forumId).update();
        for (Meetings.Meeting m : result.meetings()) {
            jdbc.sql("insert into innovation_forum_meeting (forum_id, slot_id, participant_a, participant_b) values (?, ?, ?, ?)")
                    .params(forumId, Long.parseLong(m.slotId()), Long.parseLong(m.participantA()),
                            Long.parseLong(m.participantB()))
                    .update();
        }
        jdbc.sql("update innovation_forum set computed_at = ? where id = ?").params(Timestamp.from(clock.instant()), forumId)
                .update();
        audit.record(staff.getUsername(), "innovation_forum", forumId, "agenda", null,
                Map.of("meetings", result.meetings().size(), "weight", result.weight(), "upperBound", result.upperBound()));
        return new Outcome(result.meetings().size(), result.weight(), result.upperBound());
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public List<Forum> all() {
        return jdbc.sql("select id, name, place, computed_at from innovation_forum order by id desc")
                .query((rs, i) -> new Forum(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())).list();
    }

    @Transactional(readOnly = true)
    public Forum forum(long id) {
        return jdbc.sql("select id, name, place, computed_at from innovation_forum where id = ?").param(id)
                .query((rs, i) -> new Forum(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("forum"));
    }

    @Transactional(readOnly = true)
    public List<Slot> slots(long forumId) {
        return jdbc.sql("select id, starts_at, minutes, tables from innovation_forum_slot where forum_id = ? order by starts_at, id")
                .param(forumId).query((rs, i) -> new Slot(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        rs.getInt(4))).list();
    }

    @Transactional(readOnly = true)
    public List<Participant> participants(long forumId) {
        return jdbc.sql("""
                select id, user_id, display_name, organisation, max_meetings from innovation_forum_participant
                where forum_id = ? order by organisation, id""")
                .param(forumId).query((rs, i) -> new Participant(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5))).list();
    }

    Participant participant(long id) {
        return jdbc.sql("select id, user_id, display_name, organisation, max_meetings from innovation_forum_participant where id = ?")
                .param(id).query((rs, i) -> new Participant(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))).optional().orElseThrow(() -> new NotFoundException("participant"));
    }

    @Transactional(readOnly = true)
    public Participant participantOf(long forumId, TandemUser user) {
        return jdbc.sql("select id from innovation_forum_participant where forum_id = ? and user_id = ?")
                .params(forumId, user.id()).query(Long.class).optional().map(this::participant).orElse(null);
    }

    /** The user's own meetings, in time order. */
    @Transactional(readOnly = true)
    public List<Meeting> agenda(long forumId, TandemUser user) {
        Participant me = participantOf(forumId, user);
        if (me == null) {
            return List.of();
        }
        Map<Long, Slot> slots = new java.util.HashMap<>();
        slots(forumId).forEach(s -> slots.put(s.id(), s));
        List<Meeting> out = new ArrayList<>();
        jdbc.sql("""
                select slot_id, case when participant_a = ? then participant_b else participant_a end, id
                from innovation_forum_meeting where forum_id = ? and (participant_a = ? or participant_b = ?)""")
                .params(me.id(), forumId, me.id(), me.id())
                .query((rs, i) -> out.add(new Meeting(rs.getLong(3), slots.get(rs.getLong(1)), participant(rs.getLong(2)))))
                .list();
        out.sort(java.util.Comparator.comparing((Meeting m) -> m.slot().startsAt()));
        return out;
    }

    /** Every meeting of the forum in time order, for the staff. */
    @Transactional(readOnly = true)
    public List<Booked> meetings(long forumId, TandemUser staff) {
        requireStaff(staff);
        Map<Long, Slot> slots = new java.util.HashMap<>();
        slots(forumId).forEach(s -> slots.put(s.id(), s));
        List<Booked> out = new ArrayList<>(jdbc.sql("""
                select id, slot_id, participant_a, participant_b from innovation_forum_meeting where forum_id = ? order by id""")
                .param(forumId).query((rs, i) -> new Booked(rs.getLong(1), slots.get(rs.getLong(2)),
                        participant(rs.getLong(3)), participant(rs.getLong(4)))).list());
        out.sort(java.util.Comparator.comparing((Booked b) -> b.slot().startsAt()).thenComparing(Booked::id));
        return out;
    }

    /**
     * Staff move one meeting to another slot. Refused, with the reason, when either participant
     * already meets someone then or every table of that slot is taken; nothing changes then.
     */
    @Transactional
    public void moveMeeting(long forumId, long meetingId, long slotId, TandemUser staff) {
        requireStaff(staff);
        Booked m = meetings(forumId, staff).stream().filter(b -> b.id() == meetingId).findFirst()
                .orElseThrow(() -> new NotFoundException("meeting"));
        Slot target = slots(forumId).stream().filter(s -> s.id() == slotId).findFirst()
                .orElseThrow(() -> new NotFoundException("slot"));
        if (target.id() == m.slot().id()) {
            return;
        }
        long busy = jdbc.sql("""
                select count(*) from innovation_forum_meeting where forum_id = ? and slot_id = ? and id <> ?
                and (participant_a in (?, ?) or participant_b in (?, ?))""")
                .params(forumId, slotId, meetingId, m.a().id(), m.b().id(), m.a().id(), m.b().id()).query(Long.class).single();
        if (busy > 0) {
            throw new ConflictException("INNOVATION_MEETING_BUSY");
        }
        long taken = jdbc.sql("select count(*) from innovation_forum_meeting where forum_id = ? and slot_id = ?")
                .params(forumId, slotId).query(Long.class).single();
        if (taken >= target.tables()) {
            throw new ConflictException("INNOVATION_SLOT_FULL");
        }
        jdbc.sql("update innovation_forum_meeting set slot_id = ? where id = ?").params(slotId, meetingId).update();
        audit.record(staff.getUsername(), "innovation_forum_meeting", meetingId, "move", Map.of("slot", m.slot().id()),
                Map.of("slot", slotId));
    }

    /** The agenda as an iCalendar file (RFC 5545): one event per meeting, times in UTC. */
    @Transactional(readOnly = true)
    public String ics(long forumId, TandemUser user) {
        Forum f = forum(forumId);
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//Innovation Centre//EN\r\n"
                + "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
        String stamp = utc.format(clock.instant());
        for (Meeting m : agenda(forumId, user)) {
            b.append("BEGIN:VEVENT\r\n")
                    .append("UID:forum-").append(forumId).append("-slot-").append(m.slot().id()).append("-")
                    .append(Math.min(m.with().id(), participantOf(forumId, user).id())).append("-")
                    .append(Math.max(m.with().id(), participantOf(forumId, user).id())).append("@tandem\r\n")
                    .append("DTSTAMP:").append(stamp).append("\r\n")
                    .append("DTSTART:").append(utc.format(m.slot().startsAt())).append("\r\n")
                    .append("DTEND:").append(utc.format(m.slot().startsAt().plusSeconds(60L * m.slot().minutes()))).append("\r\n")
                    .append("SUMMARY:").append(escape(m.with().organisation() + " — " + m.with().name())).append("\r\n")
                    .append("LOCATION:").append(escape(f.place())).append("\r\n")
                    .append("DESCRIPTION:").append(escape(f.name())).append("\r\n")
                    .append("END:VEVENT\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

}
