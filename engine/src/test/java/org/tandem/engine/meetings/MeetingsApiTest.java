package org.tandem.engine.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Java API schedules exactly as the command does: optimal on tiny forums, every rule kept, bad forums refused. */
class MeetingsApiTest {

    /** The forum as API records; a pair worth more than 3 was wished both ways. */
    static List<Meetings.Wish> wishes(Forum f) {
        List<Meetings.Wish> out = new ArrayList<>();
        for (int p = 0; p < f.pairs(); p++) {
            String a = f.participantIds[f.first[p]];
            String b = f.participantIds[f.second[p]];
            out.add(new Meetings.Wish(a, b, Math.min(3, f.weight[p])));
            if (f.weight[p] > 3) {
                out.add(new Meetings.Wish(b, a, f.weight[p] - 3));
            }
        }
        return out;
    }

    static List<Meetings.Participant> participants(Forum f) {
        List<Meetings.Participant> out = new ArrayList<>();
        for (int v = 0; v < f.participantIds.length; v++) {
            Set<String> away = new HashSet<>();
            for (int s = 0; s < f.slotIds.length; s++) {
                if (f.unavailable[v * f.slotIds.length + s]) {
                    away.add(f.slotIds[s]);
                }
            }
            out.add(new Meetings.Participant(f.participantIds[v], f.maxMeetings[v], away));
        }
        return out;
    }

    static List<Meetings.Slot> slots(Forum f) {
        List<Meetings.Slot> out = new ArrayList<>();
        for (int s = 0; s < f.slotIds.length; s++) {
            out.add(new Meetings.Slot(f.slotIds[s], f.tables[s]));
        }
        return out;
    }

    @Test
    void theApiFindsTheOptimumOfTinyForumsWithinEveryRule() {
        for (long seed = 0; seed < 120; seed++) {
            Forum forum = TinyForums.random(seed, 6, 9);
            long optimum = BruteForce.optimum(forum);
            List<Meetings.Participant> people = participants(forum);
            List<Meetings.Slot> slots = slots(forum);
            Meetings.Result r = Meetings.schedule(people, wishes(forum), slots, 5);
            assertThat(r.weight()).as("seed %d", seed).isEqualTo(optimum);
            assertThat(r.upperBound()).as("seed %d", seed).isGreaterThanOrEqualTo(optimum);

            Map<String, Integer> count = new HashMap<>();
            Map<String, Integer> perSlot = new HashMap<>();
            Set<String> busy = new HashSet<>();
            long weight = 0;
            Map<String, Integer> pairWeight = new HashMap<>();
            for (int p = 0; p < forum.pairs(); p++) {
                pairWeight.put(forum.participantIds[forum.first[p]] + "|" + forum.participantIds[forum.second[p]], forum.weight[p]);
            }
            for (Meetings.Meeting m : r.meetings()) {
                Integer w = pairWeight.get(m.participantA() + "|" + m.participantB());
                assertThat(w).as("only wished pairs, seed %d", seed).isNotNull();
                weight += w;
                for (String who : List.of(m.participantA(), m.participantB())) {
                    assertThat(busy.add(m.slotId() + "|" + who)).as("twice in a slot, seed %d", seed).isTrue();
                    count.merge(who, 1, Integer::sum);
                    Meetings.Participant pp = people.stream().filter(x -> x.id().equals(who)).findFirst().orElseThrow();
                    assertThat(pp.unavailable()).as("unavailable slot, seed %d", seed).doesNotContain(m.slotId());
                }
                perSlot.merge(m.slotId(), 1, Integer::sum);
            }
            assertThat(weight).isEqualTo(r.weight());
            for (Meetings.Participant p : people) {
                assertThat(count.getOrDefault(p.id(), 0)).as("max meetings, seed %d", seed).isLessThanOrEqualTo(p.maxMeetings());
            }
            for (Meetings.Slot s : slots) {
                assertThat(perSlot.getOrDefault(s.id(), 0)).as("tables, seed %d", seed).isLessThanOrEqualTo(s.tables());
            }
        }
    }

    @Test
    void aBadForumIsRefusedWithTheRecordAndFieldNamed() {
        List<Meetings.Participant> people = List.of(new Meetings.Participant("a", 2, Set.of()),
                new Meetings.Participant("b", 2, Set.of("s9")));
        List<Meetings.Slot> slots = List.of(new Meetings.Slot("s1", 1));
        assertThatThrownBy(() -> Meetings.schedule(people, List.of(), slots, 1))
                .isInstanceOfSatisfying(Meetings.BadForumException.class, e -> {
                    assertThat(e.record()).isEqualTo("participants[1]");
                    assertThat(e.field()).isEqualTo("unavailable");
                });
        List<Meetings.Participant> ok = List.of(new Meetings.Participant("a", 2, Set.of()),
                new Meetings.Participant("b", 2, Set.of()));
        assertThatThrownBy(() -> Meetings.schedule(ok, List.of(new Meetings.Wish("a", "c", 2)), slots, 1))
                .isInstanceOfSatisfying(Meetings.BadForumException.class, e -> {
                    assertThat(e.record()).isEqualTo("wishes[0]");
                    assertThat(e.field()).isEqualTo("target_id");
                });
        assertThatThrownBy(() -> Meetings.schedule(ok, List.of(new Meetings.Wish("a", "b", 4)), slots, 1))
                .isInstanceOfSatisfying(Meetings.BadForumException.class, e -> assertThat(e.field()).isEqualTo("priority"));
        assertThatThrownBy(() -> Meetings.schedule(ok, List.of(new Meetings.Wish("a", "b", 1), new Meetings.Wish("a", "b", 2)),
                slots, 1)).isInstanceOfSatisfying(Meetings.BadForumException.class,
                e -> assertThat(e.record()).isEqualTo("wishes[1]"));
        assertThatThrownBy(() -> Meetings.schedule(ok, List.of(), List.of(new Meetings.Slot("s1", 1),
                new Meetings.Slot("s1", 2)), 1)).isInstanceOf(Meetings.BadForumException.class);
        // A pair wished both ways is one meeting worth both wishes.
        Meetings.Result both = Meetings.schedule(ok, List.of(new Meetings.Wish("a", "b", 3), new Meetings.Wish("b", "a", 2)),
                slots, 1);
        assertThat(both.meetings()).containsExactly(new Meetings.Meeting("s1", "a", "b"));
        assertThat(both.weight()).isEqualTo(5);
    }
}
