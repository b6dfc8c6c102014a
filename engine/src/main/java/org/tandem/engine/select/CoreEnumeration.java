package org.tandem.engine.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact answer to "is there a funded set with merit in [target, upper]?" when the Lagrangian rows leave few
 * sets to look at, by meet in the middle instead of a tree search.
 *
 * <p>Every such set agrees with the sign of d_i except on a set D of proposals whose disagreement weights add up to
 * at most the cap of {@link LagrangianCuts} (the other terms of the Lagrangian identity are never negative). When the
 * gap is below one merit unit, as at the rounded-down bound of the correlated instances, only some hundreds of
 * thousands of such D exist on each half of the core, while a search tree over the same core runs to seconds: three
 * rows are nearly tight at once (both budgets and the merit), which is the shape of the market-split problems branch
 * and bound is known to be bad at. So the free proposals are split in two; every D of one part within the cap is
 * listed with what it changes (merit, spend per party, count per field) and sorted by merit change and spend; every D
 * of the other part is streamed past it, depth first, and joined on the merit: only the stored D whose merit change
 * lands the total in [target, upper] (and, within one merit value, whose spend of the most tightly pinned party lands
 * in its window) are checked, exactly, against the budgets, the quotas and the cap. Both parts are gone through
 * completely, which is what makes "none" a proof.
 *
 * <p>Before listing anything, a counting knapsack over the weights ({@link #count}) bounds how many D each part has;
 * the stored part gets a smaller share of the proposals when the even split does not fit. It gives up
 * ({@link Outcome#TOO_LARGE}) when the stored part would exceed {@code maxStored} sets, the streamed one
 * {@code maxStreamed}, or the join {@code maxChecks} pairs: with many weights near zero (ties in merit per cost, a
 * gap of several units) the counts grow exponentially, and the CP-SAT search is then the better tool.
 */
final class CoreEnumeration {

    enum Outcome { FOUND, NONE, TOO_LARGE }

    /**
     * @param set    the funded set when FOUND, else null
     * @param ranked true when the set is the one of greatest rank weight Σ (n − i) among all sets in the window
     *               (the search was asked for it and went through every pair)
     */
    record Result(Outcome outcome, boolean[] set, long states, long checks, boolean ranked) {
        Result(Outcome outcome, boolean[] set, long states, long checks) {
            this(outcome, set, states, checks, false);
        }
    }

    private CoreEnumeration() {
    }

    static Result search(OptimalSelector.Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas,
                         LagrangianCuts cuts, long target, long upper, int maxStored, long maxStreamed,
                         long maxChecks) {
        return search(k, ranked, quotas, cuts, target, upper, maxStored, maxStreamed, maxChecks, false,
                Long.MAX_VALUE);
    }

    /**
     * @param byRank false: stop at the first set in the window; true: go on through every pair and return the set of
     *               greatest rank weight Σ (n − i)·x_i (i its position in {@code ranked}), the tie-break of
     *               {@link OptimalSelector} among sets of equal merit, exact when the window holds only the optimum
     * @param deadline System.nanoTime() past which it gives up (the command's time limit), Long.MAX_VALUE for none
     */
    static Result search(OptimalSelector.Coefficients k, List<Proposal> ranked, Map<String, FieldQuota> quotas,
                         LagrangianCuts cuts, long target, long upper, int maxStored, long maxStreamed,
                         long maxChecks, boolean byRank, long deadline) {
        int n = ranked.size();
        boolean[] base = cuts.in().clone();
        List<String> parties = new ArrayList<>(k.cost().keySet());
        int p = parties.size();
        long[][] cost = new long[p][];
        long[] room = new long[p];
        for (int b = 0; b < p; b++) {
            cost[b] = k.cost().get(parties.get(b));
            room[b] = k.budget().get(parties.get(b));
        }
        // Only fields with a quota that can bind need counting.
        Map<String, Integer> fieldNo = new LinkedHashMap<>();
        int[] field = new int[n];
        Arrays.fill(field, -1);
        List<int[]> bounds = new ArrayList<>();
        Map<String, Integer> members = new LinkedHashMap<>();
        for (Proposal pr : ranked) {
            members.merge(pr.field(), 1, Integer::sum);
        }
        for (FieldQuota q : quotas.values()) {
            int size = members.getOrDefault(q.field(), 0);
            if (q.minCount() > 0 || q.maxCount() < size) {
                fieldNo.put(q.field(), fieldNo.size());
                bounds.add(new int[] {q.minCount(), q.maxCount()});
            }
        }
        for (int i = 0; i < n; i++) {
            field[i] = fieldNo.getOrDefault(ranked.get(i).field(), -1);
        }
        int f = fieldNo.size();
        long merit0 = 0;
        long[] spend0 = new long[p];
        int[] count0 = new int[f];
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (base[i]) {
                merit0 += k.merit()[i];
                for (int b = 0; b < p; b++) {
                    spend0[b] += cost[b][i];
                }
                if (field[i] >= 0) {
                    count0[field[i]]++;
                }
            }
            if (cuts.weight()[i] >= 0) {
                free.add(i);
            }
        }
        // Ascending weights, dealt evenly: both halves get their share of light (cheap to flip) proposals. The
        // stored half is listed in full (memory); the other is streamed (time): when the balanced split's stored
        // half is too large, a smaller share of the proposals is stored.
        free.sort((a, b) -> Long.compare(cuts.weight()[a], cuts.weight()[b]));
        int[] stored = null;
        int[] streamed = null;
        double storedCount = 0;
        double streamedCount = 0;
        for (int percent = 50; percent >= 20 && stored == null; percent -= 2) {
            int[][] split = split(free, percent);
            storedCount = count(split[0], cuts, true);
            streamedCount = count(split[1], cuts, true);
            if (streamedCount > maxStreamed) {
                break; // a smaller stored share only streams more
            }
            if (storedCount <= maxStored) {
                stored = split[0];
                streamed = split[1];
            }
        }
        if (SolverSettings.log()) {
            System.err.printf("select:   enumeration of %d proposals: at least %.3g sets stored, %.3g streamed%s%n",
                    free.size(), storedCount, streamedCount, stored == null ? " (too many)" : "");
        }
        if (stored == null) {
            return new Result(Outcome.TOO_LARGE, null, (long) Math.min(storedCount, Long.MAX_VALUE), 0);
        }
        Half hb = Half.list(stored, base, k.merit(), cost, field, f, cuts.weight(), cuts.cap(), maxStored, deadline);
        if (hb == null) {
            return new Result(Outcome.TOO_LARGE, null, maxStored, 0);
        }
        // The second key of the join: the party whose spend the rows pin down most narrowly (spend ≥ its minimum,
        // ≤ its budget), relative to its budget. Within one merit value the candidates are then a range of it.
        int key = -1;
        long keyMin = 0;
        double narrowest = Double.MAX_VALUE;
        for (int b = 0; b < p; b++) {
            Long min = cuts.minSpend().get(parties.get(b));
            if (min != null && room[b] > 0 && (double) (room[b] - min) / room[b] < narrowest) {
                narrowest = (double) (room[b] - min) / room[b];
                key = b;
                keyMin = min;
            }
        }
        // Going through every pair for the tie-break costs a whole pass; past this many streamed sets it would cost more
        // than the CP-SAT tie-break it replaces (seed 2: 8·10⁶ sets, 5 s against 1.2 s), so the search stops at the
        // first set found instead.
        boolean rankAll = byRank && streamedCount <= RANKED_STREAM;
        Index index = new Index(hb, key);
        hb.keepOnlyTheTree(); // the index holds the rest, in its order
        if (pastDeadline(deadline)) {
            return new Result(Outcome.TOO_LARGE, null, hb.size, 0);
        }
        Join join = new Join(index, merit0, spend0, room, count0, bounds, target, upper, key, keyMin, cuts.cap(),
                maxChecks, rankAll);
        // Depth first over the streamed proposals in ascending weight, each set joined as it is reached.
        int depthMax = streamed.length;
        long[] m = new long[depthMax + 1];
        long[] w = new long[depthMax + 1];
        long[] sp = new long[(depthMax + 1) * p];
        int[] cn = new int[(depthMax + 1) * f];
        int[] took = new int[depthMax + 1];
        int[] next = new int[depthMax + 1];
        long[] rk = new long[depthMax + 1];
        long listed = 1;
        int depth = 0;
        int found = join.match(m, w, sp, cn, 0);
        long bestRank = Long.MIN_VALUE;
        int bestAt = -1; // position in the index of the stored part of the best set so far
        int[] bestPath = new int[0];
        boolean complete = false;
        while (found != Join.GAVE_UP) {
            if (found >= 0) {
                if (!rankAll) {
                    bestAt = found;
                    bestPath = Arrays.copyOfRange(took, 1, depth + 1);
                    break;
                }
                if (rk[depth] + index.rank[found] > bestRank) {
                    bestRank = rk[depth] + index.rank[found];
                    bestAt = found;
                    bestPath = Arrays.copyOfRange(took, 1, depth + 1);
                }
            }
            // The next streamed set, depth first.
            int j = next[depth];
            while (j >= streamed.length || w[depth] + cuts.weight()[streamed[j]] > cuts.cap()) {
                if (--depth < 0) {
                    break;
                }
                j = next[depth];
            }
            if (depth < 0) {
                complete = true;
                break;
            }
            next[depth] = j + 1;
            if (++listed > maxStreamed || (listed % 4096 == 0 && pastDeadline(deadline))) {
                break;
            }
            int i = streamed[j];
            int sign = base[i] ? -1 : 1;
            int d = depth + 1;
            m[d] = m[depth] + sign * k.merit()[i];
            w[d] = w[depth] + cuts.weight()[i];
            rk[d] = rk[depth] + sign * (long) (n - i);
            for (int b = 0; b < p; b++) {
                sp[d * p + b] = sp[depth * p + b] + sign * cost[b][i];
            }
            System.arraycopy(cn, depth * f, cn, d * f, f);
            if (field[i] >= 0) {
                cn[d * f + field[i]] += sign;
            }
            took[d] = i;
            next[d] = j + 1;
            depth = d;
            found = join.match(m, w, sp, cn, d);
        }
        long states = Math.max(listed, hb.size);
        if (bestAt < 0) {
            // Only a search that went through every streamed set without giving up proves that there is none.
            return new Result(complete ? Outcome.NONE : Outcome.TOO_LARGE, null, states, join.checks);
        }
        boolean[] x = base.clone();
        for (int i : bestPath) {
            x[i] = !x[i];
        }
        hb.flip(index.order[bestAt], x);
        return new Result(Outcome.FOUND, x, states, join.checks, rankAll && complete);
    }

    /** Evenly spaced, percent of the proposals (in ascending weight) to the stored part, the rest to the streamed. */
    private static int[][] split(List<Integer> free, int percent) {
        List<Integer> stored = new ArrayList<>();
        List<Integer> streamed = new ArrayList<>();
        for (int j = 0; j < free.size(); j++) {
            ((j + 1) * percent / 100 > j * percent / 100 ? stored : streamed).add(free.get(j));
        }
        return new int[][] {stored.stream().mapToInt(Integer::intValue).toArray(),
                streamed.stream().mapToInt(Integer::intValue).toArray()};
    }

    /**
     * The stored half sorted by (merit change, spend of the key party), copied into that order (the join reads
     * neighbours), with the start of each merit value when the values are dense enough for a table.
     */
    private static final class Index {
        final int[] order;
        final long[] merit;
        final long[] key;
        final long[] weight;
        final long[] rank;
        final long[] spend;
        final int[] count;
        final int p;
        final int f;
        final long minMerit;
        final int[] start; // start[v − minMerit]: first position of merit ≥ v; null: binary search instead

        Index(Half h, int keyParty) {
            p = h.p;
            f = h.f;
            long[] keyOf = new long[h.size];
            for (int s = 0; s < h.size; s++) {
                keyOf[s] = keyParty < 0 ? 0 : h.spend[s * p + keyParty];
            }
            order = h.sorted(keyOf);
            int size = order.length;
            merit = new long[size];
            key = new long[size];
            weight = new long[size];
            rank = new long[size];
            spend = new long[size * p];
            count = new int[size * f];
            for (int j = 0; j < size; j++) {
                int s = order[j];
                merit[j] = h.merit[s];
                key[j] = keyOf[s];
                weight[j] = h.weight[s];
                rank[j] = h.rank[s];
                System.arraycopy(h.spend, s * p, spend, j * p, p);
                System.arraycopy(h.count, s * f, count, j * f, f);
            }
            minMerit = merit[0];
            long range = merit[size - 1] - minMerit;
            if (range <= 4L * size + 1024) {
                start = new int[(int) range + 2];
                int j = 0;
                for (int v = 0; v <= range + 1; v++) {
                    while (j < size && merit[j] - minMerit < v) {
                        j++;
                    }
                    start[v] = j;
                }
            } else {
                start = null;
            }
        }

        /** First position whose (merit, key) is ≥ (m, k). */
        int lowerBound(long m, long k) {
            int lo = 0;
            int hi = merit.length;
            if (start != null) {
                if (m < minMerit) {
                    m = minMerit;
                    k = Long.MIN_VALUE;
                }
                long v = m - minMerit;
                if (v >= start.length - 1) {
                    return merit.length;
                }
                lo = start[(int) v];
                hi = start[(int) v + 1];
                if (lo == hi) {
                    return lo;
                }
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (merit[mid] < m || (merit[mid] == m && key[mid] < k)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** The pairs of one streamed set with the stored sets that complete it to a set in the window, checked exactly. */
    private static final class Join {
        static final int NONE = -1;
        static final int GAVE_UP = -2;
        final Index b;
        final long merit0;
        final long[] spend0;
        final long[] room;
        final int[] count0;
        final List<int[]> bounds;
        final long target;
        final long upper;
        final int key;
        final long keyMin;
        final long cap;
        final long maxChecks;
        final boolean byRank;
        long checks;

        Join(Index b, long merit0, long[] spend0, long[] room, int[] count0, List<int[]> bounds, long target,
             long upper, int key, long keyMin, long cap, long maxChecks, boolean byRank) {
            this.b = b;
            this.merit0 = merit0;
            this.spend0 = spend0;
            this.room = room;
            this.count0 = count0;
            this.bounds = bounds;
            this.target = target;
            this.upper = upper;
            this.key = key;
            this.keyMin = keyMin;
            this.cap = cap;
            this.maxChecks = maxChecks;
            this.byRank = byRank;
        }

        /**
         * @return the position in the index of a stored set that completes the streamed set at depth d (the first
         *         found, or with byRank the one of greatest rank weight), NONE, or GAVE_UP past maxChecks
         */
        int match(long[] m, long[] w, long[] sp, int[] cn, int d) {
            int p = b.p;
            int f = b.f;
            long base0 = merit0 + m[d];
            // Merit of the whole set = base0 + the stored set's merit change; it must land in [target, upper].
            long lo = target - base0;
            long hi = upper - base0;
            boolean byValue = key >= 0 && hi - lo <= 64;
            long keyLo = byValue ? keyMin - spend0[key] - sp[d * p + key] : Long.MIN_VALUE;
            long keyHi = byValue ? room[key] - spend0[key] - sp[d * p + key] : Long.MAX_VALUE;
            int size = b.merit.length;
            int best = NONE;
            for (long v = lo; v <= hi; v = byValue ? v + 1 : hi + 1) {
                int j = b.lowerBound(byValue ? v : lo, keyLo);
                for (; j < size && b.merit[j] <= (byValue ? v : hi); j++) {
                    if (byValue && b.key[j] > keyHi) {
                        break;
                    }
                    if (++checks > maxChecks) {
                        return GAVE_UP;
                    }
                    if (w[d] + b.weight[j] > cap || !fits(j, sp, cn, d, p, f)) {
                        continue;
                    }
                    if (!byRank) {
                        return j;
                    }
                    if (best == NONE || b.rank[j] > b.rank[best]) {
                        best = j;
                    }
                }
            }
            return best;
        }

        private boolean fits(int j, long[] sp, int[] cn, int d, int p, int f) {
            for (int q = 0; q < p; q++) {
                if (spend0[q] + sp[d * p + q] + b.spend[j * p + q] > room[q]) {
                    return false;
                }
            }
            for (int q = 0; q < f; q++) {
                int c = count0[q] + cn[d * f + q] + b.count[j * f + q];
                if (c < bounds.get(q)[0] || c > bounds.get(q)[1]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean pastDeadline(long deadline) {
        return deadline != Long.MAX_VALUE && System.nanoTime() >= deadline;
    }

    /** Most streamed sets (as {@link #count} bounds them) for which the tie-break goes through every pair. */
    private static final double RANKED_STREAM = 1 << 22;

    /** Buckets of the weight cap in {@link #count}. */
    private static final int BUCKETS = 2048;

    /**
     * How many subsets of the items have weight within the cap, counted on weights rounded to 1/2048 of the cap:
     * rounded up, every subset counted is within the cap (a lower bound); rounded down, every subset within the cap
     * is counted (an upper bound). A counting knapsack over the buckets, cheap next to listing the sets.
     */
    static double count(int[] items, LagrangianCuts cuts, boolean lower) {
        long cap = cuts.cap();
        double[] c = new double[BUCKETS + 1];
        c[0] = 1;
        for (int i : items) {
            long w = cuts.weight()[i];
            double scaled = cap == 0 ? (w == 0 ? 0 : BUCKETS + 1) : (double) w * BUCKETS / cap;
            long wb = (long) (lower ? Math.ceil(scaled) : Math.floor(scaled));
            if (wb > BUCKETS) {
                continue;
            }
            int b = (int) wb;
            if (b == 0) {
                for (int s = 0; s <= BUCKETS; s++) {
                    c[s] *= 2;
                }
                continue;
            }
            for (int s = BUCKETS; s >= b; s--) {
                c[s] += c[s - b];
            }
        }
        double total = 0;
        for (double v : c) {
            total += v;
        }
        return total;
    }

    /**
     * Every disagreement set of one half within the cap, as a tree (each set is its parent plus one proposal), with
     * its changes to merit, spend per party and count per field, in flat arrays (a million sets fit in tens of MB).
     */
    private static final class Half {
        final int p;
        final int f;
        final int n;
        int size;
        long[] merit;
        long[] weight;
        long[] rank;
        long[] spend;
        int[] count;
        int[] parent;
        int[] item;

        private Half(int p, int f, int capacity, int n) {
            this.p = p;
            this.f = f;
            this.n = n;
            merit = new long[capacity];
            weight = new long[capacity];
            rank = new long[capacity];
            spend = new long[capacity * p];
            count = new int[capacity * f];
            parent = new int[capacity];
            item = new int[capacity];
        }

        /** @return null when more than maxStates sets are within the cap, or past the deadline */
        static Half list(int[] items, boolean[] base, long[] meritOf, long[][] cost, int[] field, int f, long[] w,
                         long cap, int maxStates, long deadline) {
            Half h = new Half(cost.length, f, 1024, meritOf.length);
            h.add(-1, -1, 0, 0, null, null, 0);
            // Depth first over items in ascending weight: a child too heavy means every later sibling is too.
            int[] stack = new int[items.length + 1];
            int[] next = new int[items.length + 1];
            int depth = 0;
            stack[0] = 0;
            next[0] = 0;
            while (depth >= 0) {
                int s = stack[depth];
                int j = next[depth];
                if (j >= items.length || h.weight[s] + w[items[j]] > cap) {
                    depth--;
                    continue;
                }
                next[depth] = j + 1;
                int i = items[j];
                int sign = base[i] ? -1 : 1;
                if (h.size >= maxStates || (h.size % 4096 == 0 && pastDeadline(deadline))) {
                    return null;
                }
                int child = h.add(s, i, h.merit[s] + sign * meritOf[i], h.weight[s] + w[i], cost, field, sign);
                depth++;
                stack[depth] = child;
                next[depth] = j + 1;
            }
            return h;
        }

        private int add(int from, int i, long m, long wt, long[][] cost, int[] field, int sign) {
            if (size == merit.length) {
                int c = size * 2;
                merit = Arrays.copyOf(merit, c);
                weight = Arrays.copyOf(weight, c);
                rank = Arrays.copyOf(rank, c);
                spend = Arrays.copyOf(spend, c * p);
                count = Arrays.copyOf(count, c * f);
                parent = Arrays.copyOf(parent, c);
                item = Arrays.copyOf(item, c);
            }
            int s = size++;
            merit[s] = m;
            weight[s] = wt;
            parent[s] = from;
            item[s] = i;
            if (from >= 0) {
                rank[s] = rank[from] + sign * (long) (n - i);
                for (int b = 0; b < p; b++) {
                    spend[s * p + b] = spend[from * p + b] + sign * cost[b][i];
                }
                for (int q = 0; q < f; q++) {
                    count[s * f + q] = count[from * f + q];
                }
                if (field[i] >= 0) {
                    count[s * f + field[i]] += sign;
                }
            }
            return s;
        }

        void keepOnlyTheTree() {
            merit = null;
            weight = null;
            rank = null;
            spend = null;
            count = null;
        }

        void flip(int s, boolean[] x) {
            for (int t = s; t > 0; t = parent[t]) {
                x[item[t]] = !x[item[t]];
            }
        }

        /** Indices of the sets in ascending order of (merit change, key) (a merge sort on primitives). */
        int[] sorted(long[] key) {
            int[] ix = new int[size];
            for (int s = 0; s < size; s++) {
                ix[s] = s;
            }
            int[] tmp = new int[size];
            for (int width = 1; width < size; width *= 2) {
                for (int lo = 0; lo < size; lo += 2 * width) {
                    int mid = Math.min(lo + width, size);
                    int hi = Math.min(lo + 2 * width, size);
                    int l = lo;
                    int r = mid;
                    for (int t = lo; t < hi; t++) {
                        if (l < mid && (r >= hi || !after(ix[l], ix[r], key))) {
                            tmp[t] = ix[l++];
                        } else {
                            tmp[t] = ix[r++];
                        }
                    }
                }
                int[] swap = ix;
                ix = tmp;
                tmp = swap;
            }
            return ix;
        }

        private boolean after(int s, int t, long[] key) {
            return merit[s] > merit[t] || (merit[s] == merit[t] && key[s] > key[t]);
        }
    }
}
