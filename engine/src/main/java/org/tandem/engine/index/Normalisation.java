package org.tandem.engine.index;

/**
 * COINr's {@code Normalise.numeric}: the indicator is first multiplied by its Direction, then
 * passed to the {@code n_*} function, which never sees the direction again (so a direction of -1
 * reverses min-max, z-score and ranks). Goalposts and targets read from iMeta are flipped the
 * same way COINr's {@code get_iMeta_norm_paras} flips them.
 */
public final class Normalisation {

    private Normalisation() {
    }

    /**
     * @param goalposts {lower, upper, scale} of this indicator as in iMeta, or null to use the step's global goalposts
     * @param truncate goalposts: truncate to the posts
     * @param target Target of this indicator (dist2targ)
     */
    public static double[] normalise(double[] raw, int direction, Pipeline.Normalise spec, double[] goalposts,
            boolean truncate, double target) {
        int n = raw.length;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = raw[k] * direction;
        }
        double[] y = new double[n];
        switch (spec.method()) {
            case MINMAX -> {
                // n_minmax(x, l_u): (x - min)/(max - min)*(u - l) + l; a zero range gives NaN, as in R.
                double mn = RStats.min(x);
                double mx = RStats.max(x);
                for (int k = 0; k < n; k++) {
                    y[k] = (x[k] - mn) / (mx - mn) * (spec.b() - spec.a()) + spec.a();
                }
            }
            case ZSCORE -> {
                double m = RStats.mean(x);
                double sd = RStats.sd(x);
                for (int k = 0; k < n; k++) {
                    y[k] = (x[k] - m) / sd * spec.b() + spec.a();
                }
            }
            case RANK -> y = RStats.rankMin(x);
            case BORDA -> {
                y = RStats.rankMin(x);
                for (int k = 0; k < n; k++) {
                    y[k] = y[k] - 1;
                }
            }
            case PRANK -> {
                y = RStats.rankMin(x);
                int present = RStats.countPresent(x);
                for (int k = 0; k < n; k++) {
                    y[k] = (y[k] - 1) / (present - 1);
                }
            }
            case GOALPOSTS -> {
                double lo;
                double hi;
                double scale;
                if (goalposts != null) {
                    // get_iMeta_norm_paras: posts multiplied by the direction (and swapped when it is -1).
                    lo = direction == -1 ? -goalposts[1] : goalposts[0];
                    hi = direction == -1 ? -goalposts[0] : goalposts[1];
                    scale = goalposts[2];
                } else {
                    lo = spec.goalposts()[0];
                    hi = spec.goalposts()[1];
                    scale = spec.goalposts()[2];
                }
                for (int k = 0; k < n; k++) {
                    double v = (x[k] - lo) / (hi - lo);
                    if (truncate) {
                        if (v > 1) {
                            v = 1;
                        }
                        if (v < 0) {
                            v = 0;
                        }
                    }
                    y[k] = v * scale;
                }
            }
            case DIST2TARG -> {
                double targ = target * direction;
                double mn = RStats.min(x);
                for (int k = 0; k < n; k++) {
                    double v = (x[k] - mn) / (targ - mn);
                    y[k] = spec.capMax() && v > 1 ? 1 : v;
                }
            }
            case DIST2MAX -> {
                double mn = RStats.min(x);
                double mx = RStats.max(x);
                for (int k = 0; k < n; k++) {
                    y[k] = 1 - (mx - x[k]) / (mx - mn);
                }
            }
            case FRACMAX -> {
                double mx = RStats.max(x);
                for (int k = 0; k < n; k++) {
                    y[k] = x[k] / mx;
                }
            }
            case SCALED -> {
                for (int k = 0; k < n; k++) {
                    y[k] = (x[k] - spec.a()) / (spec.b() - spec.a()) * 100;
                }
            }
            case NONE -> y = x;
            default -> throw new IllegalStateException(spec.method().toString());
        }
        return y;
    }
}
