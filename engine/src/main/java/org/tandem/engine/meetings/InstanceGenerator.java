package org.tandem.engine.meetings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Writes a random forum for benchmarks and tests, shaped like a real matchmaking event:
 * <ul>
 *   <li>{@code max_meetings} uniform in 4–12;</li>
 *   <li>a quarter of the participants miss some slots: arriving late, leaving early, or away for one slot;</li>
 *   <li>skewed popularity: targets are drawn with weight 1/rank<sup>0.9</sup> (a few stars are wished
 *       by hundreds), requesters with 1/rank<sup>0.4</sup> (some people wish far more than others);</li>
 *   <li>priorities 1, 2, 3 with probability 50 %, 30 %, 20 %; 15 % of wishes are returned (a mutual
 *       pair, one meeting worth both priorities);</li>
 *   <li>each slot has 75–100 % of {@code TABLES} tables, so small tables make capacity bind.</li>
 * </ul>
 *
 * <p>{@code java -cp tandem-engine.jar org.tandem.engine.meetings.InstanceGenerator PARTICIPANTS WISHES SLOTS TABLES DIR [SEED [MIN-MAX]]}
 * writes {@code P.csv}, {@code W.csv}, {@code S.csv} in DIR; MIN-MAX replaces the 4–12 range of
 * {@code max_meetings} (e.g. {@code 16-16} for a forum where the slots, not the maxima, bind).
 */
public final class InstanceGenerator {

    private InstanceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int participants = Integer.parseInt(args[0]);
        int wishes = Integer.parseInt(args[1]);
        int slots = Integer.parseInt(args[2]);
        int tables = Integer.parseInt(args[3]);
        Path dir = Files.createDirectories(Path.of(args[4]));
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 42;
        int minMax = 4;
        int maxMax = 12;
        if (args.length > 6) {
            String[] range = args[6].split("-");
            minMax = Integer.parseInt(range[0]);
            maxMax = Integer.parseInt(range[range.length - 1]);
        }
        write(participants, wishes, slots, tables, dir, seed, minMax, maxMax);
    }

    static void write(int participants, int wishes, int slots, int tables, Path dir, long seed) throws IOException {
        write(participants, wishes, slots, tables, dir, seed, 4, 12);
    }

    static void write(int participants, int wishes, int slots, int tables, Path dir, long seed, int minMax, int maxMax)
            throws IOException {
        Random rnd = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("S.csv"))) {
            w.write("slot_id,tables\n");
            for (int s = 0; s < slots; s++) {
                int t = (int) Math.round(tables * (0.75 + 0.25 * rnd.nextDouble()));
                w.write("s" + (s + 1) + "," + t + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("P.csv"))) {
            w.write("participant_id,max_meetings,unavailable\n");
            for (int v = 0; v < participants; v++) {
                StringBuilder away = new StringBuilder();
                if (slots > 1 && rnd.nextInt(4) == 0) {
                    int kind = rnd.nextInt(3);
                    int k = 1 + rnd.nextInt(Math.max(1, slots / 4));
                    for (int s = 0; s < slots; s++) {
                        boolean out = switch (kind) {
                            case 0 -> s < k;
                            case 1 -> s >= slots - k;
                            default -> s == k;
                        };
                        if (out) {
                            away.append(away.length() == 0 ? "" : ";").append('s').append(s + 1);
                        }
                    }
                }
                w.write("p" + v + "," + (minMax + rnd.nextInt(maxMax - minMax + 1)) + "," + away + "\n");
            }
        }
        double[] popularity = cumulative(participants, 0.9, rnd);
        double[] activity = cumulative(participants, 0.4, rnd);
        long maxWishes = (long) participants * (participants - 1);
        int target = (int) Math.min(wishes, maxWishes);
        Set<Long> made = new HashSet<>();
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("W.csv"))) {
            w.write("requester_id,target_id,priority\n");
            int written = 0;
            long attempts = 0;
            while (written < target && attempts++ < 50L * target + 1000) {
                int r = draw(activity, rnd);
                int t = draw(popularity, rnd);
                if (r == t || !made.add((long) r * participants + t)) {
                    continue;
                }
                w.write("p" + r + ",p" + t + "," + priority(rnd) + "\n");
                written++;
                if (written < target && rnd.nextDouble() < 0.15 && made.add((long) t * participants + r)) {
                    w.write("p" + t + ",p" + r + "," + priority(rnd) + "\n");
                    written++;
                }
            }
        }
    }

    private static int priority(Random rnd) {
        double x = rnd.nextDouble();
        return x < 0.5 ? 1 : x < 0.8 ? 2 : 3;
    }

    /** Cumulative weights 1/rank^exponent over the participants in a random order of ranks. */
    private static double[] cumulative(int n, double exponent, Random rnd) {
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int x = rank[i];
            rank[i] = rank[j];
            rank[j] = x;
        }
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(rank[i] + 1, exponent);
            c[i] = sum;
        }
        return c;
    }

    private static int draw(double[] cumulative, Random rnd) {
        double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
