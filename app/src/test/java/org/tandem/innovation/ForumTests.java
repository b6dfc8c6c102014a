package org.tandem.innovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

@TandemIntegrationTest
class ForumTests {

    @LocalServerPort int port;
    @Autowired Forums forums;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @Test
    void theEngineSchedulesOnlyWishedMeetingsWithinEveryLimitAndEachParticipantDownloadsTheirAgenda() {
        TandemUser staff = user("innovation");
        Instant nine = Instant.parse("2027-03-10T02:00:00Z");
        Forums.Forum forum = forums.create("Vietnam–Russia science and industry forum", "Hanoi",
                List.of(new Forums.NewSlot(nine, 30, 1), new Forums.NewSlot(nine.plusSeconds(1800), 30, 2),
                        new Forums.NewSlot(nine.plusSeconds(3600), 30, 2)), staff);
        assertThatThrownBy(() -> forums.create("x", "y", List.of(), staff)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> forums.create("x", "y", List.of(new Forums.NewSlot(nine, 30, 1)), user("applicant.vn")))
                .isInstanceOf(NotAllowedException.class);

        List<String> names = List.of("applicant.vn", "applicant.ru", "expert.vn", "expert.ru", "committee.vn");
        Map<String, Forums.Participant> p = new HashMap<>();
        for (String n : names) {
            p.put(n, forums.register(forum.id(), "Org of " + n, n.equals("expert.ru") ? 1 : 3, user(n)));
        }
        assertThatThrownBy(() -> forums.register(forum.id(), "again", 2, user("applicant.vn")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> forums.wish(forum.id(), p.get("expert.vn").id(), 2, user("officer.vn")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> forums.wish(forum.id(), p.get("expert.vn").id(), 5, user("applicant.vn")))
                .isInstanceOf(InvalidInputException.class);
        // A star everybody wants, a pair wished both ways, and someone who accepts only one meeting.
        for (String n : List.of("applicant.ru", "expert.vn", "expert.ru", "committee.vn")) {
            forums.wish(forum.id(), p.get("applicant.vn").id(), 3, user(n));
        }
        forums.wish(forum.id(), p.get("applicant.ru").id(), 2, user("applicant.vn"));
        forums.wish(forum.id(), p.get("expert.ru").id(), 1, user("expert.vn"));
        forums.wish(forum.id(), p.get("committee.vn").id(), 2, user("expert.ru"));

        Forums.Outcome outcome = forums.computeAgenda(forum.id(), staff);
        assertThat(outcome.meetings()).isPositive();
        assertThat((double) outcome.weight()).isLessThanOrEqualTo(outcome.upperBound() + 1e-6);

        Set<Set<Long>> wished = Set.of(pair(p, "applicant.ru", "applicant.vn"), pair(p, "expert.vn", "applicant.vn"),
                pair(p, "expert.ru", "applicant.vn"), pair(p, "committee.vn", "applicant.vn"),
                pair(p, "expert.vn", "expert.ru"), pair(p, "expert.ru", "committee.vn"));
        Map<Long, Integer> perSlot = new HashMap<>();
        int total = 0;
        for (String n : names) {
            List<Forums.Meeting> agenda = forums.agenda(forum.id(), user(n));
            assertThat(agenda.size()).as(n).isLessThanOrEqualTo(p.get(n).maxMeetings());
            Set<Long> slots = new HashSet<>();
            for (Forums.Meeting m : agenda) {
                assertThat(slots.add(m.slot().id())).as(n + " twice in a slot").isTrue();
                assertThat(wished).contains(Set.of(p.get(n).id(), m.with().id()));
                perSlot.merge(m.slot().id(), 1, Integer::sum);
            }
            total += agenda.size();
        }
        assertThat(total).isEqualTo(2 * outcome.meetings());
        for (Forums.Slot s : forums.slots(forum.id())) {
            assertThat(perSlot.getOrDefault(s.id(), 0) / 2).isLessThanOrEqualTo(s.tables());
        }
        // The star can meet at most three people in three slots; the pair wished both ways (weight 3+2) is among them.
        assertThat(forums.agenda(forum.id(), user("applicant.vn"))).hasSize(3)
                .extracting(m -> m.with().id()).contains(p.get("applicant.ru").id());

        WebSession vn = new WebSession(port).signIn("applicant.vn", "demo");
        assertThat(vn.get("/innovation/forums/" + forum.id(), "vi").body()).contains("Lịch gặp của tôi")
                .contains("Org of applicant.ru");
        String ics = new String(vn.getBytes("/innovation/forums/" + forum.id() + "/agenda.ics"), StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(4);
        assertThat(ics).contains("DTSTART:20270310T020000Z").contains("LOCATION:Hanoi");
        assertThat(Forums.escape("a,b;c")).isEqualTo("a\\,b\\;c");

        // A manual change that would put someone in two meetings at once is refused with its reason.
        List<Forums.Booked> booked = forums.meetings(forum.id(), staff);
        Forums.Booked first = booked.get(0);
        Forums.Booked clash = booked.stream().filter(b -> b.slot().id() != first.slot().id())
                .filter(b -> Set.of(b.a().id(), b.b().id()).stream().anyMatch(x -> x == first.a().id() || x == first.b().id()))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> forums.moveMeeting(forum.id(), first.id(), clash.slot().id(), staff))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INNOVATION_MEETING_BUSY"));
        assertThat(forums.meetings(forum.id(), staff)).isEqualTo(booked);
        assertThat(vn.get("/innovation/forums/" + forum.id()).status()).isEqualTo(200);
        assertThat(new WebSession(port).signIn("innovation", "demo").get("/innovation/forums/" + forum.id(), "ru").body())
                .contains("Все встречи");
    }

    static Set<Long> pair(Map<String, Forums.Participant> p, String a, String b) {
        return Set.of(p.get(a).id(), p.get(b).id());
    }
}
