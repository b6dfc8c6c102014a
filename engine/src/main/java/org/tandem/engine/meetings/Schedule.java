package org.tandem.engine.meetings;

import java.util.Arrays;

/**
 * Meetings placed in slots, with every count the constraints need kept up to date, and a journal
 * so a tentative move can be taken back exactly ({@link #mark()} / {@link #undo(int)}).
 *
 * <p>Only {@link #place} checks nothing beyond assertions of the caller's intent: callers test
 * {@link #fits} first. The invariants (no participant twice in a slot, availability, maximum
 * meetings, tables) are therefore the scheduler's responsibility and are checked independently by
 * {@link #violation()} in tests.
 */
final class Schedule {

    final Forum forum;
    private final int slots;
    /** Slot of each pair, -1 when it does not meet. */
    final int[] slotOf;
    /** {@code at[v * slots + s]}: the pair participant v meets in slot s, or -1. */
    final int[] at;
    final int[] count;
    final int[] used;
    /** The pairs meeting in slot s: {@code members[s][0 .. used[s])}; {@code position[p]} is p's index there. */
    private final int[][] members;
    private final int[] position;
    long weight;
    int meetings;

    private int[] logPair = new int[256];
    private int[] logSlot = new int[256];
    private int logSize;

    Schedule(Forum forum) {
        this.forum = forum;
        this.slots = forum.slots();
        slotOf = new int[forum.pairs()];
        Arrays.fill(slotOf, -1);
        at = new int[forum.participants() * slots];
        Arrays.fill(at, -1);
        count = new int[forum.participants()];
        used = new int[slots];
        members = new int[slots][];
        for (int s = 0; s < slots; s++) {
            members[s] = new int[Math.min(forum.tables[s], forum.participants() / 2 + 1)];
        }
        position = new int[forum.pairs()];
    }

    int at(int v, int s) {
        return at[v * slots + s];
    }

    int member(int s, int k) {
        return members[s][k];
    }

    /** Whether unscheduled pair p can meet in slot s as things stand. */
    boolean fits(int p, int s) {
        int a = forum.first[p];
        int b = forum.second[p];
        return used[s] < forum.tables[s] && at[a * slots + s] < 0 && at[b * slots + s] < 0
                && forum.available(a, s) && forum.available(b, s)
                && count[a] < forum.capacity[a] && count[b] < forum.capacity[b];
    }

    /** Whether both participants of p could take one more meeting. */
    boolean hasRoom(int p) {
        return count[forum.first[p]] < forum.capacity[forum.first[p]]
                && count[forum.second[p]] < forum.capacity[forum.second[p]];
    }

    void place(int p, int s) {
        log(p, -1);
        put(p, s);
    }

    void remove(int p) {
        log(p, slotOf[p]);
        take(p);
    }

    int mark() {
        return logSize;
    }

    /** Takes back every change made since {@code mark}, latest first. */
    void undo(int mark) {
        while (logSize > mark) {
            logSize--;
            int p = logPair[logSize];
            int s = logSlot[logSize];
            if (slotOf[p] >= 0) {
                take(p);
            }
            if (s >= 0) {
                put(p, s);
            }
        }
    }

    /** Forgets the journal (the changes stay): call between independent moves so it does not grow. */
    void commit() {
        logSize = 0;
    }

    private void log(int p, int s) {
        if (logSize == logPair.length) {
            logPair = Arrays.copyOf(logPair, logSize * 2);
            logSlot = Arrays.copyOf(logSlot, logSize * 2);
        }
        logPair[logSize] = p;
        logSlot[logSize++] = s;
    }

    private void put(int p, int s) {
        int a = forum.first[p];
        int b = forum.second[p];
        slotOf[p] = s;
        at[a * slots + s] = p;
        at[b * slots + s] = p;
        count[a]++;
        count[b]++;
        position[p] = used[s];
        members[s][used[s]++] = p;
        weight += forum.weight[p];
        meetings++;
    }

    private void take(int p) {
        int s = slotOf[p];
        int a = forum.first[p];
        int b = forum.second[p];
        slotOf[p] = -1;
        at[a * slots + s] = -1;
        at[b * slots + s] = -1;
        count[a]--;
        count[b]--;
        int last = members[s][--used[s]];
        members[s][position[p]] = last;
        position[last] = position[p];
        weight -= forum.weight[p];
        meetings--;
    }

    /** A description of the first broken rule, or null: recomputed from {@link #slotOf} alone. */
    String violation() {
        int n = forum.participants();
        int[] c = new int[n];
        int[] u = new int[slots];
        boolean[] busy = new boolean[n * slots];
        long w = 0;
        for (int p = 0; p < forum.pairs(); p++) {
            int s = slotOf[p];
            if (s < 0) {
                continue;
            }
            for (int v : new int[] {forum.first[p], forum.second[p]}) {
                if (forum.unavailable[v * slots + s]) {
                    return forum.participantIds[v] + " meets in unavailable slot " + forum.slotIds[s];
                }
                if (busy[v * slots + s]) {
                    return forum.participantIds[v] + " meets twice in slot " + forum.slotIds[s];
                }
                busy[v * slots + s] = true;
                c[v]++;
            }
            u[s]++;
            w += forum.weight[p];
        }
        for (int v = 0; v < n; v++) {
            if (c[v] > forum.maxMeetings[v]) {
                return forum.participantIds[v] + " has " + c[v] + " meetings, above " + forum.maxMeetings[v];
            }
        }
        for (int s = 0; s < slots; s++) {
            if (u[s] > forum.tables[s]) {
                return "slot " + forum.slotIds[s] + " has " + u[s] + " meetings for " + forum.tables[s] + " tables";
            }
        }
        return w == weight ? null : "weight " + weight + " kept, " + w + " recomputed";
    }
}
