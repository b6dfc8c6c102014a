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
     * @param weights weights[l - 1][node] as in {@link Framework#allWeights()}
     */
    public static double[][][] aggregate(Framework f, double[][] indicators, double[][] weights,
            Pipeline.AggregateMethod[] methods, double[] datThresh) {
        int levels = f.levels();
        double[][][] out = new double[levels][][];
        out[0] = indicators;
        int units = indicators.length == 0 ? 0 : indicators[0].length;
        for (int l = 2; l <= levels; l++) {
            double[][] below = out[l - 2];
            double[] w = weights[l - 2];
            Pipeline.AggregateMethod m = methods[l - 2];
            double thresh = datThresh == null ? Double.NaN : datThresh[l - 2];
            double[][] level = new double[f.size(l)][];
            for (int p = 0; p < level.length; p++) {
                int[] ch = f.children(l, p);
                double[] y = new double[units];
                for (int k = 0; k < units; k++) {
                    y[k] = row(below, ch, w, k, m, thresh, f.code(l, p));
                }
                level[p] = y;
            }
            out[l - 1] = level;
        }
        return out;
    }

    private static double row(double[][] below, int[] ch, double[] w, int k, Pipeline.AggregateMethod m,
            double thresh, String code) {
        if (!Double.isNaN(thresh)) {
            int present = 0;
            for (int c : ch) {
                if (!Double.isNaN(below[c][k])) {
                    present++;
                }
            }
            // Aggregate.data.frame: sum(!is.na(x_row))/length(x_row) < dat_thresh gives NA.
            if ((double) present / ch.length < thresh) {
                return Double.NaN;
            }
        }
        switch (m) {
            case AMEAN -> {
                double sw = 0;
                boolean any = false;
                for (int c : ch) {
                    if (!Double.isNaN(below[c][k])) {
                        sw += w[c];
                        any = true;
                    }
                }
                if (!any) {
                    return Double.NaN;
                }
                double s = 0;
                for (int c : ch) {
                    double x = below[c][k];
                    if (!Double.isNaN(x)) {
                        s += w[c] / sw * x;
                    }
                }
                return s;
            }
            case GMEAN -> {
                double swl = 0;
                double sw = 0;
                boolean any = false;
                for (int c : ch) {
                    double x = below[c][k];
                    if (!Double.isNaN(x)) {
                        if (x <= 0) {
                            throw new Failure("geometric mean of " + code + " needs positive values, got " + x);
                        }
                        any = true;
                        swl += w[c] * Math.log(x);
                        sw += w[c];
                    }
                }
                return any ? Math.exp(swl / sw) : Double.NaN;
            }
            case HMEAN -> {
                double sw = 0;
                double swx = 0;
                boolean any = false;
                for (int c : ch) {
                    double x = below[c][k];
                    if (!Double.isNaN(x)) {
                        if (x == 0) {
                            throw new Failure("harmonic mean of " + code + " needs non-zero values");
                        }
                        any = true;
                        sw += w[c];
                        swx += w[c] / x;
                    }
                }
                return any ? sw / swx : Double.NaN;
            }
            default -> throw new IllegalStateException(m.toString());
        }
    }
}
