package org.tandem.engine.meetings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code meetings} scheduler as a Java API, for a program that holds the forum in memory
 * (the Tandem application) rather than in the command's three files. Same rules, same solver and
 * the same refusals as the command: an ambiguous forum is refused with the record and field named.
 */
public final class Meetings {

    private Meetings() {
    }

    /** @param unavailable ids of the slots this participant cannot attend */
    public record Participant(String id, int maxMeetings, Set<String> unavailable) {
        public Participant {
            unavailable = unavailable == null ? Set.of() : Set.copyOf(unavailable);
        }
    }

    /** @param priority 1 (nice to have) to 3 (must); a pair wished both ways is one meeting worth both */
    public record Wish(String requesterId, String targetId, int priority) {
    }

    /** @param tables how many meetings can run at once in this slot */
    public record Slot(String id, int tables) {
    }

    public record Meeting(String slotId, String participantA, String participantB) {
    }

    /** The schedule, its total weight and a proven upper bound on the best possible weight. */
    public record Result(List<Meeting> meetings, long weight, double upperBound) {
    }

    /** A forum the scheduler refuses: {@link #record} is e.g. {@code wishes[3]}, {@link #field} the field at fault. */
    public static final class BadForumException extends IllegalArgumentException {
        private final String record;
        private final String field;

        BadForumException(String record, String field, String message) {
            super(record + ", " + field + ": " + message);
            this.record = record;
            this.field = field;
        }

        public String record() {
            return record;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Schedules the forum within {@code seconds} (the search stops early once it reaches the bound).
     * Meetings come sorted by slot, in the order the slots were given, then by participant.
     */
    public static Result schedule(List<Participant> participants, List<Wish> wishes, List<Slot> slots, double seconds) {
        long start = System.nanoTime();
        if (!(seconds > 0)) {
            throw new BadForumException("seconds", "seconds", "must be positive, got " + seconds);
        }
        Thread natives = org.tandem.engine.io.OrTools.loadInBackground();
        Forum forum = forum(participants, wishes, slots);
        try {
            natives.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the solver", e);
        }
        MeetingsCommand.Solution s = MeetingsCommand.solve(forum, start + (long) (seconds * 1e9));
        List<int[]> placed = new ArrayList<>();
        for (int p = 0; p < s.slotOf().length; p++) {
            if (s.slotOf()[p] >= 0) {
                placed.add(new int[] {s.slotOf()[p], forum.first[p], forum.second[p]});
            }
        }
        placed.sort(Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> x[1]).thenComparingInt(x -> x[2]));
        List<Meeting> out = new ArrayList<>();
        for (int[] m : placed) {
            out.add(new Meeting(forum.slotIds[m[0]], forum.participantIds[m[1]], forum.participantIds[m[2]]));
        }
        return new Result(List.copyOf(out), s.weight(), s.boundHalves() / 2.0);
    }

    /** Builds the scheduler's forum, checking what {@link ForumFiles} checks in the files. */
    static Forum forum(List<Participant> participants, List<Wish> wishes, List<Slot> slots) {
        Map<String, Integer> slotIndex = new HashMap<>();
        String[] slotIds = new String[slots.size()];
        int[] tables = new int[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            String where = "slots[" + i + "]";
            if (s.id() == null || s.id().isBlank()) {
                throw new BadForumException(where, "slot_id", "missing");
            }
            if (slotIndex.putIfAbsent(s.id(), i) != null) {
                throw new BadForumException(where, "slot_id", "duplicate slot " + s.id());
            }
            if (s.tables() < 0) {
                throw new BadForumException(where, "tables", "must not be negative, got " + s.tables());
            }
            slotIds[i] = s.id();
            tables[i] = s.tables();
        }
        int n = participants.size();
        Map<String, Integer> index = new HashMap<>();
        String[] ids = new String[n];
        int[] max = new int[n];
        boolean[] unavailable = new boolean[n * slots.size()];
        for (int v = 0; v < n; v++) {
            Participant p = participants.get(v);
            String where = "participants[" + v + "]";
            if (p.id() == null || p.id().isBlank()) {
                throw new BadForumException(where, "participant_id", "missing");
            }
            if (index.putIfAbsent(p.id(), v) != null) {
                throw new BadForumException(where, "participant_id", "duplicate participant " + p.id());
            }
            if (p.maxMeetings() < 0) {
                throw new BadForumException(where, "max_meetings", "must not be negative, got " + p.maxMeetings());
            }
            for (String slot : p.unavailable()) {
                Integer s = slotIndex.get(slot);
                if (s == null) {
                    throw new BadForumException(where, "unavailable", "unknown slot " + slot);
                }
                unavailable[v * slots.size() + s] = true;
            }
            ids[v] = p.id();
            max[v] = p.maxMeetings();
        }
        Map<Long, Integer> pairOf = new HashMap<>();
        java.util.Set<Long> wished = new java.util.HashSet<>();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < wishes.size(); i++) {
            Wish w = wishes.get(i);
            String where = "wishes[" + i + "]";
            Integer r = index.get(w.requesterId());
            Integer t = index.get(w.targetId());
            if (r == null) {
                throw new BadForumException(where, "requester_id", "unknown participant " + w.requesterId());
            }
            if (t == null) {
                throw new BadForumException(where, "target_id", "unknown participant " + w.targetId());
            }
            if (r.equals(t)) {
                throw new BadForumException(where, "target_id", w.requesterId() + " wishes to meet itself");
            }
            if (w.priority() < 1 || w.priority() > 3) {
                throw new BadForumException(where, "priority", "must be 1, 2 or 3, got " + w.priority());
            }
            if (!wished.add((long) r * n + t)) {
                throw new BadForumException(where, "target_id", "duplicate wish " + w.requesterId() + " -> " + w.targetId());
            }
            int a = Math.min(r, t);
            int b = Math.max(r, t);
            Integer p = pairOf.get((long) a * n + b);
            if (p == null) {
                pairOf.put((long) a * n + b, pairs.size());
                pairs.add(new int[] {a, b, w.priority()});
            } else {
                pairs.get(p)[2] += w.priority();
            }
        }
        int[] first = new int[pairs.size()];
        int[] second = new int[pairs.size()];
        int[] weight = new int[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            first[p] = pairs.get(p)[0];
            second[p] = pairs.get(p)[1];
            weight[p] = pairs.get(p)[2];
        }
        return new Forum(ids, max, slotIds, tables, unavailable, first, second, weight);
    }
}
