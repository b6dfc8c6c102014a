package org.tandem.engine.meetings;

import java.util.Arrays;

/**
 * Builds a schedule in three stages (docs/engine/meetings.md): the pairs are placed in the order the
 * LP relaxation suggests (its integral pairs, then its half pairs, then the rest, heavier first),
 * each in a slot found directly or made free by a Kempe-chain swap of two slots; a local search then
 * improves the weight with moves that each strictly raise it:
 * <ul>
 *   <li>insert: a waiting pair goes in as it is or after a Kempe swap;</li>
 *   <li>eject: a waiting pair takes a slot from up to three lighter meetings (the ones in its way
 *       in that slot, one more of a participant at its maximum, one more when the slot's tables are
 *       full), then the participants set free take waiting pairs again;</li>
 *   <li>split: one meeting is dropped so that each of its participants can meet someone else, when
 *       the two new meetings weigh more;</li>
 * </ul>
 * and last an iterated local search of forced insertions ({@link #perturb}) for forums where the
 * slots rather than the maxima bind. Every stage stops once the weight reaches the bound.
 */
final class Scheduler {

    /** A Kempe chain longer than this is not followed: long chains rarely pay and cost a lot to try. */
    private static final int MAX_CHAIN = 64;
    private static final int RELOCATION_LOOKS = 64;
    /**
     * Forced moves per usable pair. Measured on a 2,000-participant forum where everyone may meet in
     * every slot they attend (16 slots, max 16, a fifth of the slots missed, 20,000 wishes): the strict
     * moves ended 99 below the bound; 10 tries per pair gained 7 in 1.2 s, 100 gained 27 in 4 s, 300
     * gained 37 in 12 s (measured before forced moves could eject, which made each try worth more).
     */
    private static final long TRIES_PER_PAIR = 100;
    /** The forced moves stop after this many tries per pair without a gain: the search has settled. */
    private static final long PATIENCE_PER_PAIR = 50;
    private static final boolean TRACE = Boolean.getBoolean("tandem.timings");

    private final Forum forum;
    private final Schedule schedule;
    private final int slots;
    /** Each participant's usable pairs, heaviest first. */
    private final int[] byWeight;
    private final long deadline;
    /** Twice the proven bound: reaching it, the schedule is optimal and the search stops. */
    private final long boundHalves;
    /** The pair a move is about, never to be put back by its own refill. */
    private int excluded = -1;
    private final int[] chain = new int[MAX_CHAIN + 1];
    /** Scratch of {@link #eject} (never re-entered: its refills only insert), kept to spare the garbage. */
    private final int[] ejectBest = new int[4];
    private final int[] ejectOut = new int[4];

    private Scheduler(Forum forum, long deadline, long boundHalves) {
        this.forum = forum;
        this.boundHalves = boundHalves;
        this.schedule = new Schedule(forum);
        this.slots = forum.slots();
        this.deadline = deadline;
        slack = new int[slots];
        byWeight = forum.incident.clone();
        for (int v = 0; v < forum.participants(); v++) {
            sortByWeight(byWeight, forum.incidentStart[v], forum.incidentStart[v + 1]);
        }
    }

    /**
     * What a b2match-style tool does, kept as the yardstick: heaviest wish first, each in the first
     * slot where it fits, never moved again.
     */
    static Schedule greedy(Forum forum) {
        Schedule schedule = new Schedule(forum);
        int[] order = order(forum, null);
        for (int p : order) {
            for (int s = 0; s < forum.slots(); s++) {
                if (schedule.fits(p, s)) {
                    schedule.place(p, s);
                    break;
                }
            }
        }
        schedule.commit();
        return schedule;
    }

    /** The LP-guided construction and the local search, stopping early at {@code deadline} (System.nanoTime). */
    static Schedule optimise(Forum forum, UpperBound bound, long deadline) {
        Scheduler s = new Scheduler(forum, deadline, bound.halves);
        int[] lpHalves = bound.lpHalves;
        long t0 = System.nanoTime();
        s.construct(order(forum, lpHalves));
        long t1 = System.nanoTime();
        s.trace("construct", t0, t1);
        s.improve();
        long t2 = System.nanoTime();
        s.trace("improve", t1, t2);
        s.perturb(new java.util.Random(1));
        long t3 = System.nanoTime();
        s.trace("perturb", t2, t3);
        s.improve();
        s.trace("improve again", t3, System.nanoTime());
        return s.schedule;
    }

    /** Usable pairs by LP value (when given), then weight, both descending; the file order breaks ties. */
    static int[] order(Forum forum, int[] lpHalves) {
        int pairs = forum.pairs();
        long[] keys = new long[pairs];
        int n = 0;
        for (int p = 0; p < pairs; p++) {
            if (forum.usable[p]) {
                long lp = lpHalves == null ? 0 : lpHalves[p];
                keys[n++] = (2 - lp) << 50 | (long) (1000 - forum.weight[p]) << 32 | p;
            }
        }
        long[] sorted = Arrays.copyOf(keys, n);
        Arrays.sort(sorted);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) sorted[i];
        }
        return order;
    }

    private void sortByWeight(int[] a, int from, int to) {
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            keys[i - from] = (long) (1000 - forum.weight[a[i]]) << 32 | a[i];
        }
        Arrays.sort(keys);
        for (int i = from; i < to; i++) {
            a[i] = (int) keys[i - from];
        }
    }

    private void trace(String phase, long from, long to) {
        if (TRACE) {
            System.err.printf(java.util.Locale.ROOT, "%s: %.3f s, weight %d, bound %.1f%n", phase, (to - from) / 1e9,
                    schedule.weight, boundHalves / 2.0);
        }
    }

    private boolean timeLeft() {
        // Weights are whole numbers, so a bound ending in .5 is reached at its integer part.
        return schedule.weight < boundHalves / 2 && System.nanoTime() < deadline;
    }

    private void construct(int[] order) {
        for (int p : order) {
            insert(p);
            schedule.commit();
        }
    }

    private void improve() {
        int[] order = order(forum, null);
        boolean improved = true;
        while (improved && timeLeft()) {
            improved = false;
            long t0 = System.nanoTime();
            for (int i = 0; i < order.length && timeLeft(); i++) {
                int p = order[i];
                if (schedule.slotOf[p] < 0 && insert(p)) {
                    improved = true;
                }
                schedule.commit();
            }
            long t1 = System.nanoTime();
            trace("  insert", t0, t1);
            for (int i = 0; i < order.length && timeLeft(); i++) {
                int p = order[i];
                if (schedule.slotOf[p] < 0 && eject(p)) {
                    improved = true;
                }
                schedule.commit();
            }
            long t2 = System.nanoTime();
            trace("  eject", t1, t2);
            for (int i = order.length - 1; i >= 0 && timeLeft(); i--) {
                int q = order[i];
                if (schedule.slotOf[q] >= 0 && split(q)) {
                    improved = true;
                }
                schedule.commit();
            }
            trace("  split", t2, System.nanoTime());
        }
    }

    /** Participants whose meetings a forced move changed. */
    private int[] touched = new int[16];
    private int touchedSize;

    private void touch(int v) {
        if (touchedSize == touched.length) {
            touched = Arrays.copyOf(touched, touchedSize * 2);
        }
        touched[touchedSize++] = v;
    }

    /**
     * Iterated local search for what the strict moves cannot reach (forums where nearly everyone can
     * attend fewer slots than they may have meetings, so the slots, not the choice of pairs, bind):
     * a random waiting pair is forced into a random slot both can attend, whatever it displaces; the
     * participants concerned take waiting pairs again (by insertion, then by ejection of lighter
     * meetings), and the result is kept when it weighs at least
     * as much as before (equal moves let the search walk across plateaus), else taken back. The number
     * of tries is fixed by the forum's size and the random source is seeded, so a run is reproducible
     * unless the time limit cuts it short.
     */
    private void perturb(java.util.Random rnd) {
        int[] order = order(forum, null);
        if (order.length == 0) {
            return;
        }
        long tries = Long.getLong("tandem.meetings.tries", TRIES_PER_PAIR) * order.length;
        long patience = Long.getLong("tandem.meetings.patience", PATIENCE_PER_PAIR) * order.length;
        long lastGain = 0;
        long best = schedule.weight;
        int[] open = new int[slots];
        for (long i = 0; i < tries && i - lastGain < patience && (i % 256 != 0 || timeLeft()); i++) {
            int p = pick(order, rnd);
            if (p < 0) {
                continue;
            }
            int u = forum.first[p];
            int v = forum.second[p];
            int n = 0;
            for (int s = 0; s < slots; s++) {
                if (forum.available(u, s) && forum.available(v, s)) {
                    open[n++] = s;
                }
            }
            int s = open[rnd.nextInt(n)];
            long before = schedule.weight;
            int mark = schedule.mark();
            touchedSize = 0;
            displace(schedule.at(u, s));
            displace(schedule.at(v, s));
            if (schedule.count[u] >= forum.capacity[u]) {
                displace(schedule.at(u, randomBusySlot(u, rnd)));
            }
            if (schedule.count[v] >= forum.capacity[v]) {
                displace(schedule.at(v, randomBusySlot(v, rnd)));
            }
            if (schedule.used[s] >= forum.tables[s]) {
                displace(schedule.member(s, rnd.nextInt(schedule.used[s])));
            }
            if (!schedule.fits(p, s)) {
                schedule.undo(mark);
                continue;
            }
            schedule.place(p, s);
            for (int k = 0; k < touchedSize; k++) {
                refill(touched[k]);
            }
            // Still lighter than before: let the waiting pairs of those concerned push lighter meetings out
            // (on slot-bound forums this doubled what the forced moves gained in the same time).
            if (schedule.weight < before) {
                for (int k = 0; k < touchedSize && schedule.weight < before; k++) {
                    int x = touched[k];
                    for (int j = forum.incidentStart[x]; j < forum.incidentStart[x + 1] && schedule.weight < before; j++) {
                        int q = byWeight[j];
                        if (schedule.slotOf[q] < 0 && q != p) {
                            eject(q);
                        }
                    }
                }
            }
            if (schedule.weight >= before) {
                schedule.commit();
                if (schedule.weight > best) {
                    best = schedule.weight;
                    lastGain = i;
                }
            } else {
                schedule.undo(mark);
            }
        }
        schedule.commit();
    }

    private static final int SAMPLE = Integer.getInteger("tandem.meetings.sample", 2);

    /** The most promising of a few random waiting pairs: those whose participants have room, then the heavier. */
    private int pick(int[] order, java.util.Random rnd) {
        int best = -1;
        int bestScore = -1;
        for (int k = 0; k < SAMPLE; k++) {
            int p = order[rnd.nextInt(order.length)];
            if (schedule.slotOf[p] >= 0) {
                continue;
            }
            int a = forum.first[p];
            int b = forum.second[p];
            int room = (schedule.count[a] < forum.capacity[a] ? 1 : 0) + (schedule.count[b] < forum.capacity[b] ? 1 : 0);
            int score = room * 16 + forum.weight[p];
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    private void displace(int q) {
        if (q >= 0) {
            schedule.remove(q);
            touch(forum.first[q]);
            touch(forum.second[q]);
        }
    }

    private int randomBusySlot(int v, java.util.Random rnd) {
        int k = rnd.nextInt(schedule.count[v]);
        for (int s = 0; s < slots; s++) {
            if (schedule.at(v, s) >= 0 && k-- == 0) {
                return s;
            }
        }
        throw new IllegalStateException();
    }

    /** Places unscheduled pair p if some slot can be made free for it without dropping any meeting. */
    boolean insert(int p) {
        if (!schedule.hasRoom(p)) {
            return false;
        }
        int best = -1;
        int bestSlack = -1;
        for (int s = 0; s < slots; s++) {
            if (schedule.fits(p, s) && forum.tables[s] - schedule.used[s] > bestSlack) {
                best = s;
                bestSlack = forum.tables[s] - schedule.used[s];
            }
        }
        if (best >= 0) {
            schedule.place(p, best);
            return true;
        }
        int u = forum.first[p];
        int v = forum.second[p];
        for (int s = 0; s < slots; s++) {
            if (!forum.available(u, s) || !forum.available(v, s)) {
                continue;
            }
            int mark = schedule.mark();
            if (schedule.at(u, s) >= 0) {
                freeByKempe(u, s, v);
            }
            if (schedule.at(u, s) < 0 && schedule.at(v, s) >= 0) {
                freeByKempe(v, s, u);
            }
            if (schedule.at(u, s) < 0 && schedule.at(v, s) < 0 && schedule.used[s] >= forum.tables[s]) {
                relocateOne(s);
            }
            if (schedule.fits(p, s)) {
                schedule.place(p, s);
                return true;
            }
            schedule.undo(mark);
        }
        return false;
    }

    /**
     * Frees participant x in slot s by swapping slots s and t along the Kempe chain that starts with
     * x's meeting in s, for the first slot t where that works; the chain must not end at {@code partner}
     * (who is about to use s) and every participant whose slot changes must be available in it.
     */
    private boolean freeByKempe(int x, int s, int partner) {
        for (int t = 0; t < slots; t++) {
            if (t == s || schedule.at(x, t) >= 0 || !forum.available(x, t)) {
                continue;
            }
            int length = 0;
            int node = x;
            int colour = s;
            boolean ok = true;
            while (true) {
                int e = schedule.at(node, colour);
                if (e < 0) {
                    break;
                }
                if (length == MAX_CHAIN) {
                    ok = false;
                    break;
                }
                chain[length++] = e;
                node = forum.other(e, node);
                colour = colour == s ? t : s;
            }
            // node lacks `colour`; its last chain meeting moves into `colour`.
            if (!ok || node == partner || !forum.available(node, colour)) {
                continue;
            }
            int inS = 0;
            for (int k = 0; k < length; k++) {
                if (schedule.slotOf[chain[k]] == s) {
                    inS++;
                }
            }
            int inT = length - inS;
            if (schedule.used[t] - inT + inS > forum.tables[t] || schedule.used[s] - inS + inT > forum.tables[s]) {
                continue;
            }
            for (int k = 0; k < length; k++) {
                schedule.remove(chain[k]);
            }
            for (int k = 0; k < length; k++) {
                // Slots alternate along the chain, starting with s.
                schedule.place(chain[k], k % 2 == 0 ? t : s);
            }
            return true;
        }
        return false;
    }

    /** Slots with a free table, filled by {@link #relocateOne}. */
    private final int[] slack;
    /** Where the next relocation starts looking in a slot, so successive calls look at different meetings. */
    private int relocationStart;

    /**
     * Moves one meeting out of full slot s into another slot where both its participants are free.
     * Looks at no more than {@link #RELOCATION_LOOKS} of the slot's meetings: scanning all of a slot of a
     * thousand tables for every waiting pair took four fifths of the search's time on forums whose
     * tables bind in some slots, for rare success.
     */
    private boolean relocateOne(int s) {
        int open = 0;
        for (int t = 0; t < slots; t++) {
            if (t != s && schedule.used[t] < forum.tables[t]) {
                slack[open++] = t;
            }
        }
        int n = schedule.used[s];
        if (open == 0 || n == 0) {
            return false;
        }
        int start = Math.floorMod(relocationStart++ * 7919, n);
        for (int k = 0, looks = Math.min(n, RELOCATION_LOOKS); k < looks; k++) {
            int q = schedule.member(s, (start + k) % n);
            int a = forum.first[q];
            int b = forum.second[q];
            for (int i = 0; i < open; i++) {
                int t = slack[i];
                if (schedule.at(a, t) < 0 && schedule.at(b, t) < 0 && forum.available(a, t) && forum.available(b, t)) {
                    schedule.remove(q);
                    schedule.place(q, t);
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Puts unscheduled pair p into the slot where the meetings in its way weigh least, when they weigh
     * no more than p, then lets the participants set free meet others; kept only if the weight rose.
     */
    private boolean eject(int p) {
        int u = forum.first[p];
        int v = forum.second[p];
        int w = forum.weight[p];
        int bestSlot = -1;
        int bestLoss = w + 1;
        int[] bestOut = ejectBest;
        int[] out = ejectOut;
        for (int s = 0; s < slots; s++) {
            if (!forum.available(u, s) || !forum.available(v, s)) {
                continue;
            }
            int n = 0;
            int loss = 0;
            int qu = schedule.at(u, s);
            int qv = schedule.at(v, s);
            if (qu >= 0) {
                out[n++] = qu;
                loss += forum.weight[qu];
            }
            if (qv >= 0) {
                out[n++] = qv;
                loss += forum.weight[qv];
            }
            if (qu < 0 && schedule.count[u] >= forum.capacity[u]) {
                int q = lightest(u, -1);
                out[n++] = q;
                loss += forum.weight[q];
            }
            if (qv < 0 && schedule.count[v] >= forum.capacity[v]) {
                int q = lightest(v, -1);
                out[n++] = q;
                loss += forum.weight[q];
            }
            if (loss > w) {
                continue;
            }
            int inS = (qu >= 0 ? 1 : 0) + (qv >= 0 ? 1 : 0);
            if (schedule.used[s] - inS >= forum.tables[s]) {
                int q = lightestIn(s, qu, qv);
                out[n++] = q;
                loss += forum.weight[q];
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                bestSlot = s;
                System.arraycopy(out, 0, bestOut, 0, n);
                Arrays.fill(bestOut, n, 4, -1);
            }
        }
        if (bestSlot < 0) {
            return false;
        }
        long before = schedule.weight;
        int mark = schedule.mark();
        for (int q : bestOut) {
            if (q >= 0 && schedule.slotOf[q] >= 0) {
                schedule.remove(q);
            }
        }
        if (!schedule.fits(p, bestSlot)) {
            schedule.undo(mark);
            return false;
        }
        schedule.place(p, bestSlot);
        excluded = -1;
        for (int q : bestOut) {
            if (q >= 0) {
                refill(forum.first[q]);
                refill(forum.second[q]);
            }
        }
        if (schedule.weight > before) {
            return true;
        }
        schedule.undo(mark);
        return false;
    }

    /** Drops meeting q when its two participants can then meet others for more weight in total. */
    private boolean split(int q) {
        int a = forum.first[q];
        int b = forum.second[q];
        int w = forum.weight[q];
        if (bestWaiting(a, q) + bestWaiting(b, q) <= w) {
            return false;
        }
        long before = schedule.weight;
        int mark = schedule.mark();
        schedule.remove(q);
        excluded = q;
        refill(a);
        refill(b);
        excluded = -1;
        if (schedule.weight > before) {
            return true;
        }
        schedule.undo(mark);
        return false;
    }

    /** The heaviest unscheduled pair of v, other than q, whose other participant has room; 0 if none. */
    private int bestWaiting(int v, int q) {
        for (int k = forum.incidentStart[v]; k < forum.incidentStart[v + 1]; k++) {
            int p = byWeight[k];
            if (p != q && schedule.slotOf[p] < 0) {
                int o = forum.other(p, v);
                if (schedule.count[o] < forum.capacity[o]) {
                    return forum.weight[p];
                }
            }
        }
        return 0;
    }

    /** Inserts v's waiting pairs, heaviest first, while v has room. */
    private void refill(int v) {
        for (int k = forum.incidentStart[v]; k < forum.incidentStart[v + 1]
                && schedule.count[v] < forum.capacity[v]; k++) {
            int p = byWeight[k];
            if (p != excluded && schedule.slotOf[p] < 0) {
                insert(p);
            }
        }
    }

    private int lightest(int v, int except) {
        int best = -1;
        for (int s = 0; s < slots; s++) {
            int q = schedule.at(v, s);
            if (q >= 0 && q != except && (best < 0 || forum.weight[q] < forum.weight[best])) {
                best = q;
            }
        }
        return best;
    }

    private int lightestIn(int s, int except1, int except2) {
        int best = -1;
        for (int k = 0; k < schedule.used[s]; k++) {
            int q = schedule.member(s, k);
            if (q != except1 && q != except2 && (best < 0 || forum.weight[q] < forum.weight[best])) {
                best = q;
            }
        }
        return best;
    }
}
