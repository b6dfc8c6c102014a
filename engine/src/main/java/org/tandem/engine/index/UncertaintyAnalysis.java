package org.tandem.engine.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Monte-Carlo uncertainty analysis in the manner of COINr's {@code get_sensitivity(SA_type = "UA")}:
 * each replication draws one normalisation and one aggregation alternative uniformly and perturbs
 * every weight by a uniform relative noise ({@code get_noisy_weights}: w + (2u - 1)·noise·w), rebuilds
 * the index and ranks the units on the top aggregate. A replication that COINr would fail (for
 * example a geometric mean over zeros) gives no ranks, as COINr's NA replications, and is counted.
 *
 * <p>Everything before normalisation runs once, and the data after each normalisation alternative
 * is computed once; a replication is only an aggregation over plain arrays. Random numbers come
 * from {@link SplittableRandom} with the given seed, drawn in a fixed order (normalisation choice,
 * aggregation choice, then the weights level by level in framework order), so a seed gives the
 * same intervals on every machine.
 */
public final class UncertaintyAnalysis {

    /** Rank statistics of one unit: nominal rank and the median, 5th and 95th percentile (R type 7) over replications. */
    public record UnitRanks(String unitCode, double nominal, double median, double q05, double q95) {
    }

    public record Outcome(List<UnitRanks> units, int replications, int failed) {
    }

    private UncertaintyAnalysis() {
    }

    public static Outcome run(Framework f, IndexData data, Pipeline pipeline, IndexResult nominal, int replications,
            long seed) {
        Pipeline.Uncertainty u = pipeline.uncertainty() == null
                ? new Pipeline.Uncertainty(0, List.of(), List.of()) : pipeline.uncertainty();
        List<Pipeline.Normalise> normAlts = new ArrayList<>(u.normalise());
        List<IndexState> states = normAlts.isEmpty()
                ? List.of(IndexComputation.prepare(f, data, pipeline.steps(), null, null))
                : IndexComputation.prepareAlternatives(f, data, pipeline.steps(), normAlts);
        List<Pipeline.Aggregate> aggAlts = new ArrayList<>(u.aggregate());
        if (aggAlts.isEmpty()) {
            aggAlts.add(IndexComputation.aggregateStep(pipeline));
        }
        // Where each state's units sit in the nominal result (screening may differ between alternatives).
        int[] nominalPos = new int[data.unitCount()];
        Arrays.fill(nominalPos, -1);
        for (int k = 0; k < nominal.unitIndex().length; k++) {
            nominalPos[nominal.unitIndex()[k]] = k;
        }
        int units = nominal.unitCodes().length;
        double[][] ranks = new double[units][replications];
        double[][] base = f.allWeights();
        double[][] w = f.allWeights();
        SplittableRandom rng = new SplittableRandom(seed);
        int failed = 0;
        for (int r = 0; r < replications; r++) {
            int ni = states.size() > 1 ? rng.nextInt(states.size()) : 0;
            int ai = aggAlts.size() > 1 ? rng.nextInt(aggAlts.size()) : 0;
            if (u.weightsNoise() > 0) {
                for (int l = 0; l < base.length - 1; l++) {
                    for (int k = 0; k < base[l].length; k++) {
                        w[l][k] = base[l][k] + (rng.nextDouble() * 2 - 1) * u.weightsNoise() * base[l][k];
                    }
                }
            }
            IndexState s = states.get(ni);
            Pipeline.Aggregate a = aggAlts.get(ai);
            for (int k = 0; k < units; k++) {
                ranks[k][r] = Double.NaN;
            }
            double[] top;
            try {
                double[][][] levels = Aggregation.aggregate(f, s.values(), w, a.methods(), a.datThresh());
                top = levels[levels.length - 1][0];
            } catch (Aggregation.Failure e) {
                failed++;
                continue;
            }
            double[] rk = RStats.rankMinDescending(top);
            for (int k = 0; k < rk.length; k++) {
                int pos = nominalPos[s.units()[k]];
                if (pos >= 0) {
                    ranks[pos][r] = rk[k];
                }
            }
        }
        List<UnitRanks> out = new ArrayList<>(units);
        for (int k = 0; k < units; k++) {
            double[] p = RStats.present(ranks[k]);
            Arrays.sort(p);
            double med = Double.NaN;
            double q05 = Double.NaN;
            double q95 = Double.NaN;
            if (p.length > 0) {
                int h = p.length / 2;
                med = p.length % 2 == 1 ? p[h] : (p[h - 1] + p[h]) / 2;
                q05 = RStats.sortedQuantile(p, 0.05);
                q95 = RStats.sortedQuantile(p, 0.95);
            }
            out.add(new UnitRanks(nominal.unitCodes()[k], nominal.rank()[k], med, q05, q95));
        }
        return new Outcome(out, replications, failed);
    }
}
