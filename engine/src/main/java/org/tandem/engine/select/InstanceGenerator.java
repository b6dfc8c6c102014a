package org.tandem.engine.select;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, realistic Vietnam–Russia call for tests and benchmarks: VND costs in the billions (whole
 * millions of dong), RUB costs in the millions with kopecks, budgets that fund about 22% of the
 * proposals, five fields whose merit levels differ so that the minimum of the weak field and the
 * maximum of the strong one both bind.
 *
 * <p>Usage: {@code java -cp tandem-engine.jar org.tandem.engine.select.InstanceGenerator OUT_DIR [N] [SEED] [correlated]}
 * writes proposals.csv, costs.csv, budgets.csv, quotas.csv. {@code correlated} writes the hard kind
 * instead (see {@link #generateCorrelated}).
 */
public final class InstanceGenerator {

    static final String[] FIELDS = {"AI", "BIO", "CHEM", "ENERGY", "MATH"};
    private static final double[] FIELD_SHARE = {0.30, 0.25, 0.20, 0.15, 0.10};
    private static final double[] FIELD_MERIT_SHIFT = {0.30, 0.0, 0.0, -0.10, -0.35};
    private static final double FUNDED_SHARE = 0.22;

    private InstanceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: InstanceGenerator OUT_DIR [N=2000] [SEED=1] [correlated]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Path dir = Path.of(args[0]);
        boolean correlated = args.length > 3 && args[3].equals("correlated");
        write(correlated ? generateCorrelated(n, seed) : generate(n, seed), dir);
        System.out.println("wrote " + n + " proposals (seed " + seed + ") to " + dir);
    }

    public static SelectionInput generate(int n, long seed) {
        Random rnd = new Random(seed);
        List<Proposal> proposals = new ArrayList<>(n);
        int[] perField = new int[FIELDS.length];
        BigDecimal totalVnd = BigDecimal.ZERO;
        BigDecimal totalRub = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            int f = pickField(rnd);
            perField[f]++;
            double score = Math.max(1.0, Math.min(5.0, 3.6 + FIELD_MERIT_SHIFT[f] + 0.6 * rnd.nextGaussian()));
            // Two decimals, like an averaged committee score: ties are frequent, as in real calls.
            BigDecimal merit = BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
            // Both teams' costs scale with the project's size, each with its own noise.
            double size = 0.45 * rnd.nextGaussian();
            BigDecimal vnd = BigDecimal.valueOf(Math.round(1800.0 * Math.exp(size + 0.25 * rnd.nextGaussian())))
                    .max(BigDecimal.valueOf(200)).multiply(BigDecimal.valueOf(1_000_000)); // whole millions of VND
            BigDecimal rub = BigDecimal.valueOf(Math.round(6_000_000.0 * Math.exp(size + 0.25 * rnd.nextGaussian()) * 100))
                    .movePointLeft(2); // kopecks
            totalVnd = totalVnd.add(vnd);
            totalRub = totalRub.add(rub);
            Map<String, BigDecimal> costs = new LinkedHashMap<>();
            costs.put("VN", vnd);
            costs.put("RU", rub);
            proposals.add(new Proposal(String.format("P%05d", i + 1), FIELDS[f], merit, costs));
        }
        List<Budget> budgets = List.of(
                new Budget("RU", totalRub.multiply(BigDecimal.valueOf(FUNDED_SHARE)).setScale(2, RoundingMode.DOWN)),
                new Budget("VN", totalVnd.multiply(BigDecimal.valueOf(FUNDED_SHARE))
                        .divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.DOWN).multiply(BigDecimal.valueOf(1_000_000))));
        List<FieldQuota> quotas = new ArrayList<>();
        for (int f = 0; f < FIELDS.length; f++) {
            double expected = FUNDED_SHARE * perField[f];
            quotas.add(new FieldQuota(FIELDS[f], (int) Math.floor(0.8 * expected), (int) Math.ceil(1.1 * expected)));
        }
        return new SelectionInput(proposals, budgets, quotas);
    }

    /**
     * The hard kind for a knapsack: merit grows with the project's size and so with both costs (a
     * strongly correlated instance, merit per cost nearly the same for every proposal), so that
     * the LP relaxation separates almost nothing and many sets come within a few hundredths of the
     * best. Budgets are tight (about 22 % of the costs, each party a different share of its own
     * total), one field's merit per cost is a little worse and its minimum binds, another's is a
     * little better and its maximum binds. Merits keep two decimals, costs are exact money.
     */
    public static SelectionInput generateCorrelated(int n, long seed) {
        Random rnd = new Random(seed);
        List<Proposal> proposals = new ArrayList<>(n);
        int[] perField = new int[FIELDS.length];
        BigDecimal totalVnd = BigDecimal.ZERO;
        BigDecimal totalRub = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            int f = pickField(rnd);
            perField[f]++;
            double size = Math.exp(0.5 * rnd.nextGaussian());
            double vndShare = 0.35 + 0.3 * rnd.nextDouble(); // how the project's work splits between the teams
            long vndMillions = Math.max(100, Math.round(3600.0 * size * vndShare));
            BigDecimal vnd = BigDecimal.valueOf(vndMillions).multiply(BigDecimal.valueOf(1_000_000));
            BigDecimal rub = BigDecimal.valueOf(Math.round(12_000_000.0 * size * (1 - vndShare) * 100)).movePointLeft(2);
            totalVnd = totalVnd.add(vnd);
            totalRub = totalRub.add(rub);
            double ratio = 1 + 0.04 * FIELD_MERIT_SHIFT[f]; // a field's merit per cost differs by a few percent
            double merit = 1.0 + 1.6 * size * ratio + 0.02 * rnd.nextGaussian();
            Map<String, BigDecimal> costs = new LinkedHashMap<>();
            costs.put("VN", vnd);
            costs.put("RU", rub);
            proposals.add(new Proposal(String.format("P%05d", i + 1), FIELDS[f],
                    BigDecimal.valueOf(Math.max(0.01, merit)).setScale(2, RoundingMode.HALF_UP), costs));
        }
        List<Budget> budgets = List.of(
                new Budget("RU", totalRub.multiply(BigDecimal.valueOf(0.21)).setScale(2, RoundingMode.DOWN)),
                new Budget("VN", totalVnd.multiply(BigDecimal.valueOf(0.23))
                        .divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.DOWN).multiply(BigDecimal.valueOf(1_000_000))));
        List<FieldQuota> quotas = new ArrayList<>();
        for (int f = 0; f < FIELDS.length; f++) {
            double expected = FUNDED_SHARE * perField[f];
            // The weakest field's minimum and the strongest field's maximum are set to bind.
            int min = f == FIELDS.length - 1 ? (int) Math.ceil(1.1 * expected) : (int) Math.floor(0.5 * expected);
            int max = f == 0 ? (int) Math.floor(0.9 * expected) : (int) Math.ceil(2.0 * expected);
            quotas.add(new FieldQuota(FIELDS[f], min, Math.max(min, max)));
        }
        return new SelectionInput(proposals, budgets, quotas);
    }

    private static int pickField(Random rnd) {
        double u = rnd.nextDouble();
        for (int f = 0; f < FIELDS.length; f++) {
            u -= FIELD_SHARE[f];
            if (u < 0) {
                return f;
            }
        }
        return FIELDS.length - 1;
    }

    public static void write(SelectionInput in, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer p = Files.newBufferedWriter(dir.resolve("proposals.csv"), StandardCharsets.UTF_8);
             Writer c = Files.newBufferedWriter(dir.resolve("costs.csv"), StandardCharsets.UTF_8)) {
            p.write("proposal_id,field,merit\n");
            c.write("proposal_id,party,cost\n");
            for (Proposal pr : in.proposals()) {
                p.write(pr.id() + "," + pr.field() + "," + pr.merit().toPlainString() + "\n");
                for (Map.Entry<String, BigDecimal> e : pr.costs().entrySet()) {
                    c.write(pr.id() + "," + e.getKey() + "," + e.getValue().toPlainString() + "\n");
                }
            }
        }
        try (Writer b = Files.newBufferedWriter(dir.resolve("budgets.csv"), StandardCharsets.UTF_8)) {
            b.write("party,budget\n");
            for (Budget bu : in.budgets()) {
                b.write(bu.party() + "," + bu.amount().toPlainString() + "\n");
            }
        }
        try (Writer q = Files.newBufferedWriter(dir.resolve("quotas.csv"), StandardCharsets.UTF_8)) {
            q.write("field,min_count,max_count\n");
            for (FieldQuota fq : in.quotas()) {
                q.write(fq.field() + "," + fq.minCount() + ","
                        + (fq.maxCount() == FieldQuota.UNBOUNDED ? "" : fq.maxCount()) + "\n");
            }
        }
    }
}
