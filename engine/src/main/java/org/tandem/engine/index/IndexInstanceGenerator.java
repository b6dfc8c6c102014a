package org.tandem.engine.index;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a random index for benchmarks: {@code iData.csv}, {@code iMeta.csv} and {@code pipeline.json}
 * with {@code units} units in 4 groups, a population denominator, {@code indicators} indicators
 * (log-normal, so treatment has work to do; 5% missing; every fifth denominated, every seventh
 * negative) under a tree of {@code levels} levels with about the same branching at every level,
 * and the full COINr example pipeline plus an uncertainty block (noise 25%, two normalisations that stay
 * positive, so no replication fails, and three aggregations).
 *
 * <p>{@code java -cp tandem-engine.jar org.tandem.engine.index.IndexInstanceGenerator UNITS INDICATORS LEVELS DIR [SEED]}
 */
public final class IndexInstanceGenerator {

    public static void main(String[] args) throws IOException {
        int units = Integer.parseInt(args[0]);
        int indicators = Integer.parseInt(args[1]);
        int levels = Integer.parseInt(args[2]);
        Path dir = Files.createDirectories(Path.of(args[3]));
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        write(units, indicators, levels, dir, seed);
    }

    public static void write(int units, int indicators, int levels, Path dir, long seed) throws IOException {
        if (levels < 2 || indicators < 1 || units < 1) {
            throw new IllegalArgumentException("need units ≥ 1, indicators ≥ 1, levels ≥ 2");
        }
        Random rnd = new Random(seed);
        int branching = Math.max(2, (int) Math.round(Math.pow(indicators, 1.0 / (levels - 1))));
        int[] size = new int[levels + 1];
        size[1] = indicators;
        for (int l = 2; l <= levels; l++) {
            size[l] = l == levels ? 1 : Math.max(1, (size[l - 1] + branching - 1) / branching);
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("iMeta.csv"))) {
            w.write("Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type\n");
            for (int l = 1; l <= levels; l++) {
                for (int k = 0; k < size[l]; k++) {
                    String code = code(l, k);
                    String parent = l == levels ? "" : code(l + 1, (int) ((long) k * size[l + 1] / size[l]));
                    if (l == 1) {
                        int dir1 = k % 7 == 3 ? -1 : 1;
                        double weight = k % 11 == 5 ? 0.5 : 1;
                        String den = k % 5 == 2 ? "Pop" : "";
                        w.write("1," + code + ",Indicator " + k + "," + dir1 + "," + weight + ",Score,," + den + ","
                                + parent + ",Indicator\n");
                    } else {
                        w.write(l + "," + code + ",Aggregate " + code + ",1,1,Score,,," + parent + ",Aggregate\n");
                    }
                }
            }
            w.write(",Grp,Group,,,,,,,Group\n");
            w.write(",Pop,Population,,,Thousands,,,,Denominator\n");
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("iData.csv"), java.nio.charset.StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("uCode,uName,Grp,Pop");
            for (int i = 0; i < indicators; i++) {
                h.append(',').append(code(1, i));
            }
            w.write(h.append('\n').toString());
            double[] spread = new double[indicators];
            for (int i = 0; i < indicators; i++) {
                spread[i] = 0.3 + rnd.nextDouble() * 1.2;
            }
            StringBuilder b = new StringBuilder();
            for (int u = 0; u < units; u++) {
                b.setLength(0);
                double ability = rnd.nextGaussian();
                b.append('U').append(u).append(",Unit ").append(u).append(",G").append(u % 4).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", 100 + 900 * rnd.nextDouble()));
                for (int i = 0; i < indicators; i++) {
                    b.append(',');
                    if (rnd.nextInt(20) != 0) {
                        double v = Math.exp(spread[i] * (0.6 * ability + 0.8 * rnd.nextGaussian()));
                        b.append(String.format(Locale.ROOT, "%.6g", v * 10));
                    }
                }
                w.write(b.append('\n').toString());
            }
        }
        Files.writeString(dir.resolve("pipeline.json"), """
                {"steps":[
                  {"op":"denominate"},
                  {"op":"impute","method":"mean_group","group":"Grp"},
                  {"op":"screen","min_data_availability":0.8},
                  {"op":"treat","method":"winsorise","max_points":5,"max_skew":2,"max_kurtosis":3.5,"fallback":"log"},
                  {"op":"normalise","method":"minmax","range":[0,100]},
                  {"op":"aggregate","method":"amean"}],
                 "uncertainty":{"weights_noise":0.25,
                  "normalise":[{"method":"minmax","range":[1,100]},{"method":"rank"}],
                  "aggregate":["amean","gmean","hmean"]}}
                """);
    }

    private static String code(int level, int k) {
        return level == 1 ? "ind" + k : "L" + level + "_" + k;
    }
}
