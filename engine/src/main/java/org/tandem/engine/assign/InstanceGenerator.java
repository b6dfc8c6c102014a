package org.tandem.engine.assign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a random assignment instance for benchmarks: two reviewer groups of equal size,
 * each proposal needing {@code perGroup} experts of each group, {@code candidates} random
 * candidates per proposal (all pairs when it is 0) with skewed scores, and 1% conflicts.
 *
 * <p>{@code java -cp tandem-engine.jar org.tandem.engine.assign.InstanceGenerator PROPOSALS REVIEWERS CANDIDATES PER_GROUP DIR [SEED]}
 */
public final class InstanceGenerator {

    public static void main(String[] args) throws IOException {
        int proposals = Integer.parseInt(args[0]);
        int reviewers = Integer.parseInt(args[1]);
        int candidates = Integer.parseInt(args[2]);
        int perGroup = Integer.parseInt(args[3]);
        Path dir = Files.createDirectories(Path.of(args[4]));
        Random rnd = new Random(args.length > 5 ? Long.parseLong(args[5]) : 42);
        // Enough capacity for every demand with 30% slack, spread evenly.
        int load = (int) Math.ceil(proposals * perGroup * 2 * 1.3 / reviewers);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("R.csv"))) {
            w.write("reviewer_id,group,max_load\n");
            for (int r = 0; r < reviewers; r++) {
                w.write("r" + r + "," + (r % 2 == 0 ? "VN" : "RU") + "," + load + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("D.csv"))) {
            w.write("proposal_id,group,required\n");
            for (int p = 0; p < proposals; p++) {
                w.write("p" + p + ",VN," + perGroup + "\np" + p + ",RU," + perGroup + "\n");
            }
        }
        try (BufferedWriter a = Files.newBufferedWriter(dir.resolve("A.csv"));
             BufferedWriter c = Files.newBufferedWriter(dir.resolve("C.csv"))) {
            a.write("proposal_id,reviewer_id,score\n");
            c.write("proposal_id,reviewer_id\n");
            for (int p = 0; p < proposals; p++) {
                int n = candidates == 0 ? reviewers : candidates;
                int start = rnd.nextInt(reviewers);
                for (int k = 0; k < n; k++) {
                    int r = candidates == 0 ? k : (start + k * 7919) % reviewers;
                    double s = Math.pow(rnd.nextDouble(), 2);
                    a.write("p" + p + ",r" + r + "," + String.format(Locale.ROOT, "%.4f", s) + "\n");
                    if (rnd.nextInt(100) == 0) {
                        c.write("p" + p + ",r" + r + "\n");
                    }
                }
            }
        }
    }
}
