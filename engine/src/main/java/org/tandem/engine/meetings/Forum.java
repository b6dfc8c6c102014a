package org.tandem.engine.meetings;

import java.util.Arrays;

/**
 * A forum as the scheduler sees it: participants and slots numbered in file order, and the wished
 * pairs (a pair wished both ways is one pair, its weight the sum of both priorities).
 *
 * <p>Participant and slot numbers are indices; pair {@code p} joins {@code first[p] < second[p]}.
 * What can never be used is worked out once here ({@link #capacity}, {@link #usable}), so the
 * bound and the scheduler agree on it.
 */
final class Forum {

    final String[] participantIds;
    final int[] maxMeetings;
    final String[] slotIds;
    final int[] tables;
    /** {@code unavailable[v * slots + s]}: participant v cannot meet in slot s. */
    final boolean[] unavailable;
    final int[] first;
    final int[] second;
    final int[] weight;

    /** Meetings participant v can actually have: its maximum, but no more than the slots it can sit in. */
    final int[] capacity;
    /** Whether the pair shares a slot with tables that both can attend. */
    final boolean[] usable;
    /** Pairs of participant v: {@code incident[incidentStart[v] .. incidentStart[v + 1])}. */
    final int[] incidentStart;
    final int[] incident;

    Forum(String[] participantIds, int[] maxMeetings, String[] slotIds, int[] tables, boolean[] unavailable,
          int[] first, int[] second, int[] weight) {
        this.participantIds = participantIds;
        this.maxMeetings = maxMeetings;
        this.slotIds = slotIds;
        this.tables = tables;
        this.unavailable = unavailable;
        this.first = first;
        this.second = second;
        this.weight = weight;
        int n = participantIds.length;
        int slots = slotIds.length;
        capacity = new int[n];
        for (int v = 0; v < n; v++) {
            int open = 0;
            for (int s = 0; s < slots; s++) {
                if (available(v, s)) {
                    open++;
                }
            }
            capacity[v] = Math.min(maxMeetings[v], open);
        }
        int pairs = first.length;
        usable = new boolean[pairs];
        incidentStart = new int[n + 1];
        for (int p = 0; p < pairs; p++) {
            if (capacity[first[p]] == 0 || capacity[second[p]] == 0) {
                continue;
            }
            for (int s = 0; s < slots && !usable[p]; s++) {
                usable[p] = available(first[p], s) && available(second[p], s);
            }
            if (usable[p]) {
                incidentStart[first[p] + 1]++;
                incidentStart[second[p] + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            incidentStart[v + 1] += incidentStart[v];
        }
        incident = new int[incidentStart[n]];
        int[] next = Arrays.copyOf(incidentStart, n);
        for (int p = 0; p < pairs; p++) {
            if (usable[p]) {
                incident[next[first[p]]++] = p;
                incident[next[second[p]]++] = p;
            }
        }
    }

    int participants() {
        return participantIds.length;
    }

    int slots() {
        return slotIds.length;
    }

    int pairs() {
        return first.length;
    }

    /** Participant v can meet in slot s: it is not unavailable and the slot has tables at all. */
    boolean available(int v, int s) {
        return tables[s] > 0 && !unavailable[v * slotIds.length + s];
    }

    int other(int p, int v) {
        return first[p] == v ? second[p] : first[p];
    }
}
