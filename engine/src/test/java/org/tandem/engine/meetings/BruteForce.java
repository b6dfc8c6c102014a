package org.tandem.engine.meetings;

/**
 * The optimum of a tiny forum by trying every slot (or none) for every pair, written from the rules
 * alone (raw maxima and availability, nothing the solver precomputes), with only the obvious prune:
 * stop when even all remaining pairs could not beat the best found.
 */
final class BruteForce {

    private final Forum forum;
    private final int slots;
    private final int[] count;
    private final int[] used;
    private final boolean[] busy;
    private final long[] suffix;
    long best = -1;

    private BruteForce(Forum forum) {
        this.forum = forum;
        this.slots = forum.slots();
        count = new int[forum.participants()];
        used = new int[slots];
        busy = new boolean[forum.participants() * slots];
        suffix = new long[forum.pairs() + 1];
        for (int p = forum.pairs() - 1; p >= 0; p--) {
            suffix[p] = suffix[p + 1] + forum.weight[p];
        }
    }

    static long optimum(Forum forum) {
        BruteForce b = new BruteForce(forum);
        b.search(0, 0);
        return b.best;
    }

    private void search(int p, long weight) {
        if (weight + suffix[p] <= best) {
            return;
        }
        if (p == forum.pairs()) {
            best = weight;
            return;
        }
        int a = forum.first[p];
        int b = forum.second[p];
        if (count[a] < forum.maxMeetings[a] && count[b] < forum.maxMeetings[b]) {
            for (int s = 0; s < slots; s++) {
                if (used[s] < forum.tables[s] && !busy[a * slots + s] && !busy[b * slots + s]
                        && !forum.unavailable[a * slots + s] && !forum.unavailable[b * slots + s]) {
                    busy[a * slots + s] = busy[b * slots + s] = true;
                    count[a]++;
                    count[b]++;
                    used[s]++;
                    search(p + 1, weight + forum.weight[p]);
                    busy[a * slots + s] = busy[b * slots + s] = false;
                    count[a]--;
                    count[b]--;
                    used[s]--;
                }
            }
        }
        search(p + 1, weight);
    }
}
