package org.tandem.engine.assign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a conference-like assignment instance, the kind on which a fair objective matters: one
 * reviewer pool, papers and reviewers spread over topics of very different popularity, so that
 * papers of rare topics have only a handful of good reviewers and some reviewers match almost
 * nothing. Affinities are in [0, 1], skewed towards 0 (a cosine of sparse topic mixtures, sharpened
 * and with noise), and a pair is a candidate only when its affinity is above a small floor, so the
 * file is sparse-ish as a bidding or TPMS export is. About 1 % of candidate pairs are conflicted.
 *
 * <p>{@code java -cp tandem-engine.jar org.tandem.engine.assign.ConferenceGenerator PAPERS REVIEWERS PER_PAPER MAX_LOAD DIR [SEED] [FLOOR] [TOPICS]}
 * writes R.csv, D.csv, A.csv and C.csv; FLOOR (default 0.05) is the smallest affinity kept, 0 keeps every pair;
 * TOPICS (default 30): more topics, more papers with few experts.
 */
public final class ConferenceGenerator {


    private ConferenceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: ConferenceGenerator PAPERS REVIEWERS PER_PAPER MAX_LOAD DIR [SEED] [FLOOR] [TOPICS]");
            System.exit(2);
        }
        int papers = Integer.parseInt(args[0]);
        int reviewers = Integer.parseInt(args[1]);
        int perPaper = Integer.parseInt(args[2]);
        int maxLoad = Integer.parseInt(args[3]);
        Path dir = Files.createDirectories(Path.of(args[4]));
        Random rnd = new Random(args.length > 5 ? Long.parseLong(args[5]) : 42);
        double floor = args.length > 6 ? Double.parseDouble(args[6]) : 0.05;
        int topics = args.length > 7 ? Integer.parseInt(args[7]) : 30;
        // Topic popularity falls off like a power law: a few crowded topics, a long tail of rare ones.
        double[] popularity = new double[topics];
        for (int k = 0; k < topics; k++) {
            popularity[k] = 1.0 / Math.pow(k + 1, 1.1);
        }
        double[][] paper = new double[papers][];
        for (int p = 0; p < papers; p++) {
            paper[p] = mixture(rnd, popularity, 1 + rnd.nextInt(2));
        }
        // Reviewers follow a flatter popularity than papers: the pool does not mirror the submissions,
        // which is what leaves some reviewers with few good matches and some papers with few experts.
        double[] flatter = new double[topics];
        for (int k = 0; k < topics; k++) {
            flatter[k] = Math.pow(popularity[k], 0.8);
        }
        double[][] reviewer = new double[reviewers][];
        for (int r = 0; r < reviewers; r++) {
            reviewer[r] = mixture(rnd, flatter, 1 + rnd.nextInt(3));
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("R.csv"))) {
            w.write("reviewer_id,group,max_load\n");
            for (int r = 0; r < reviewers; r++) {
                w.write("r" + r + ",PC," + maxLoad + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("D.csv"))) {
            w.write("proposal_id,group,required\n");
            for (int p = 0; p < papers; p++) {
                w.write("p" + p + ",PC," + perPaper + "\n");
            }
        }
        try (BufferedWriter a = Files.newBufferedWriter(dir.resolve("A.csv"));
             BufferedWriter c = Files.newBufferedWriter(dir.resolve("C.csv"))) {
            a.write("proposal_id,reviewer_id,score\n");
            c.write("proposal_id,reviewer_id\n");
            for (int p = 0; p < papers; p++) {
                for (int r = 0; r < reviewers; r++) {
                    double cos = cosine(paper[p], reviewer[r]);
                    double s = Math.pow(cos, 2.0) * (0.75 + 0.25 * rnd.nextDouble()) + 0.08 * rnd.nextDouble() * rnd.nextDouble();
                    s = Math.min(1.0, s);
                    if (s < floor) {
                        continue;
                    }
                    a.write("p" + p + ",r" + r + "," + String.format(Locale.ROOT, "%.4f", s) + "\n");
                    if (rnd.nextInt(100) == 0) {
                        c.write("p" + p + ",r" + r + "\n");
                    }
                }
            }
        }
    }

    /** A sparse topic mixture: {@code k} topics drawn by popularity, random weights. */
    private static double[] mixture(Random rnd, double[] popularity, int k) {
        double total = 0;
        for (double w : popularity) {
            total += w;
        }
        double[] v = new double[popularity.length];
        for (int i = 0; i < k; i++) {
            double u = rnd.nextDouble() * total;
            int t = 0;
            while (t < v.length - 1 && (u -= popularity[t]) >= 0) {
                t++;
            }
            v[t] += 0.2 + rnd.nextDouble();
        }
        return v;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
