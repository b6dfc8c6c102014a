package org.tandem.engine.index;

/**
 * COINr's {@code Aggregate.coin}, level by level: each aggregate of level l is computed from
 * its children at level l - 1, row by row, with the children's iMeta weights. Missing children
 * are dropped with their weights, so the weights of the present ones are re-normalised (as
 * {@code a_amean}, {@code a_gmean} and {@code a_hmean} do); all missing gives missing.
 */
public final class Aggregation {

    private Aggregation() {
    }

    /** Thrown where COINr's aggregation function stops (zero or negative values in a geometric mean, zero in a harmonic one). */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    /**
     * All levels: result[l - 1][node][k]; result[0] is the indicator data given.
     *
     * <p>Computed child by child over all units (the arrays are read in order) with, for each unit, the
     * same operations in the same order as COINr's row-wise {@code a_*} calls: weights of the present
     * children summed in child order, then {@code Σ (w / Σw) · x} (amean), {@code exp(Σ w log x / Σw)}
     * (gmean) or {@code Σw / Σ (w / x)} (hmean).
     *
     * @param weights weights[l - 1][node] as in {@link Framework#allWeights()}
     */
    public static double[][][] aggregate(Framework f, double[][] indicators, double[][] weights,
            Pipeline.AggregateMethod[] methods, double[] datThresh) {
        int levels = f.levels();
        double[][][] out = new double[levels][][];
        out[0] = indicators;
        int units = indicators.length == 0 ? 0 : indicators[0].length;
        int[] present = new int[units];
        double[] sw = new double[units];
        for (int l = 2; l <= levels; l++) {
            double[][] below = out[l - 2];
            double[] w = weights[l - 2];
            Pipeline.AggregateMethod m = methods[l - 2];
            double thresh = datThresh == null ? Double.NaN : datThresh[l - 2];
            double[][] level = new double[f.size(l)][];
            for (int p = 0; p < level.length; p++) {
                level[p] = aggregate(below, f.children(l, p), w, m, thresh, f.code(l, p), present, sw);
            }
            out[l - 1] = level;
        }
        return out;
    }

    private static double[] aggregate(double[][] below, int[] ch, double[] w, Pipeline.AggregateMethod m,
            double thresh, String code, int[] present, double[] sw) {
        int units = present.length;
        java.util.Arrays.fill(present, 0);
        java.util.Arrays.fill(sw, 0);
        for (int c : ch) {
            double[] col = below[c];
            double wc = w[c];
            for (int k = 0; k < units; k++) {
                if (!Double.isNaN(col[k])) {
                    present[k]++;
                    sw[k] += wc;
                }
            }
        }
        // Aggregate.data.frame: a row with sum(!is.na(x_row))/length(x_row) < dat_thresh is NA before f_ag is called.
        boolean[] skip = new boolean[units];
        for (int k = 0; k < units; k++) {
            skip[k] = present[k] == 0 || (!Double.isNaN(thresh) && (double) present[k] / ch.length < thresh);
        }
        double[] acc = new double[units];
        for (int c : ch) {
            double[] col = below[c];
            double wc = w[c];
            switch (m) {
                case AMEAN -> {
                    for (int k = 0; k < units; k++) {
                        double x = col[k];
                        if (!Double.isNaN(x)) {
                            acc[k] += wc / sw[k] * x;
                        }
                    }
                }
                case GMEAN -> {
                    for (int k = 0; k < units; k++) {
                        double x = col[k];
                        if (!Double.isNaN(x)) {
                            if (x <= 0 && !skip[k]) {
                                throw new Failure("geometric mean of " + code + " needs positive values, got " + x);
                            }
                            acc[k] += wc * Math.log(x);
                        }
                    }
                }
                case HMEAN -> {
                    for (int k = 0; k < units; k++) {
                        double x = col[k];
                        if (!Double.isNaN(x)) {
                            if (x == 0 && !skip[k]) {
                                throw new Failure("harmonic mean of " + code + " needs non-zero values");
                            }
                            acc[k] += wc / x;
                        }
                    }
                }
                default -> throw new IllegalStateException(m.toString());
            }
        }
        double[] y = new double[units];
        for (int k = 0; k < units; k++) {
            if (skip[k]) {
                y[k] = Double.NaN;
            } else {
                y[k] = switch (m) {
                    case AMEAN -> acc[k];
                    case GMEAN -> Math.exp(acc[k] / sw[k]);
                    case HMEAN -> sw[k] / acc[k];
                };
            }
        }
        return y;
    }
}
