package org.tandem.engine.index;

/**
 * COINr's outlier treatment of one indicator ({@code Treat.numeric} with {@code winsorise},
 * {@code check_SkewKurt} and {@code log_CT}), step by step as COINr 1.1 does it:
 *
 * <ol>
 * <li>Pass when |skew| &lt; maxSkew <b>or</b> kurtosis &lt; maxKurtosis; an NA test (fewer than
 * 3/4 values, constant column) leaves the indicator untreated.</li>
 * <li>Otherwise winsorise: while failing and fewer than maxPoints points are winsorised, if skew
 * ≥ 0 every value equal to the maximum is replaced by the largest other value, else every value
 * equal to the minimum by the smallest other value. The count is COINr's
 * {@code length(imax) + length(imin)} — the last high set plus the last low set.</li>
 * <li>If still failing, the fallback is applied to the <i>original</i> values (unless
 * {@code combine}), and kept whether or not it passes.</li>
 * </ol>
 */
public final class Treatment {

    /** What happened to one indicator. */
    public enum Outcome { PASSED, WINSORISED, LOG, UNTREATED_NA }

    /** The treated values and what was done. {@code winsorised} counts points as COINr's {@code nwin}. */
    public record Result(double[] values, Outcome outcome, int winsorised, double skew, double kurtosis) {
    }

    private Treatment() {
    }

    /** {@code check_SkewKurt}: TRUE, FALSE or null for R's NA (three-valued |, as R). */
    static Boolean check(double[] x, double maxSkew, double maxKurtosis) {
        double[] sk2 = RStats.skewKurt(x);
        double sk = sk2[0];
        double kt = sk2[1];
        Boolean a = Double.isNaN(sk) ? null : Math.abs(sk) < maxSkew;
        Boolean b = Double.isNaN(kt) ? null : kt < maxKurtosis;
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        if (a == null || b == null) {
            return null;
        }
        return false;
    }

    private static Result result(double[] values, Outcome outcome, int winsorised) {
        double[] sk = RStats.skewKurt(values);
        return new Result(values, outcome, winsorised, sk[0], sk[1]);
    }

    public static Result treat(double[] x, Pipeline.Treat spec) {
        Boolean pass = check(x, spec.maxSkew(), spec.maxKurtosis());
        if (pass == null) {
            return result(x.clone(), Outcome.UNTREATED_NA, 0);
        }
        if (pass) {
            return result(x.clone(), Outcome.PASSED, 0);
        }
        double[] w = x.clone();
        int nwin = winsorise(w, spec);
        if (nwin < 0) {
            // COINr's tryCatch: an error inside winsorise() returns the indicator untreated.
            return result(x.clone(), Outcome.UNTREATED_NA, 0);
        }
        Boolean pass1 = check(w, spec.maxSkew(), spec.maxKurtosis());
        if (pass1 == null) {
            return result(x.clone(), Outcome.UNTREATED_NA, 0);
        }
        if (pass1 || spec.fallback() == Pipeline.Fallback.NONE) {
            return result(w, Outcome.WINSORISED, nwin);
        }
        double[] base = spec.combine() ? w : x;
        double[] l = spec.fallback() == Pipeline.Fallback.LOG ? logCt(base) : logCtPlus(base);
        Boolean pass2 = check(l, spec.maxSkew(), spec.maxKurtosis());
        if (pass2 == null) {
            return result(x.clone(), Outcome.UNTREATED_NA, 0);
        }
        return result(l, Outcome.LOG, spec.combine() ? nwin : 0);
    }

    /**
     * COINr {@code winsorise()} in place; returns {@code nwin}, or -1 where R would stop with an
     * error (an NA in a condition), which COINr's {@code Treat} turns into "untreated".
     */
    static int winsorise(double[] x, Pipeline.Treat spec) {
        Integer winmax = spec.maxPoints();
        int nwin = 0;
        int highCount = 0;
        int lowCount = 0;
        Boolean passing = check(x, spec.maxSkew(), spec.maxKurtosis());
        if (passing == null) {
            return -1;
        }
        boolean below = winmax == null || nwin < winmax;
        int guard = x.length + 1;
        while (!passing && below) {
            double sk = RStats.skew(x);
            if (Double.isNaN(sk)) {
                return -1;
            }
            if (sk >= 0) {
                double mx = RStats.max(x);
                double next = Double.NEGATIVE_INFINITY;
                int count = 0;
                for (double v : x) {
                    if (v == mx) {
                        count++;
                    } else if (!Double.isNaN(v) && v > next) {
                        next = v;
                    }
                }
                for (int k = 0; k < x.length; k++) {
                    if (x[k] == mx) {
                        x[k] = next;
                    }
                }
                highCount = count;
            } else {
                double mn = RStats.min(x);
                double next = Double.POSITIVE_INFINITY;
                int count = 0;
                for (double v : x) {
                    if (v == mn) {
                        count++;
                    } else if (!Double.isNaN(v) && v < next) {
                        next = v;
                    }
                }
                for (int k = 0; k < x.length; k++) {
                    if (x[k] == mn) {
                        x[k] = next;
                    }
                }
                lowCount = count;
            }
            nwin = highCount + lowCount;
            below = winmax == null || nwin < winmax;
            passing = check(x, spec.maxSkew(), spec.maxKurtosis());
            if (passing == null) {
                // (!NA) & below is NA (an error) when below, FALSE otherwise; either way COINr ends untreated.
                return -1;
            }
            if (--guard < 0 && winmax == null) {
                return -1;
            }
        }
        return nwin;
    }

    /** COINr {@code log_CT}: log(x - min + 0.01 (max - min)). */
    public static double[] logCt(double[] x) {
        double mn = RStats.min(x);
        double mx = RStats.max(x);
        double a = 0.01 * (mx - mn);
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = Math.log(x[k] - mn + a);
        }
        return out;
    }

    /** COINr {@code log_CT_plus}: log_CT when skew &gt; 0, else -log(max + a - x). */
    public static double[] logCtPlus(double[] x) {
        double mn = RStats.min(x);
        double mx = RStats.max(x);
        double a = 0.01 * (mx - mn);
        boolean positive = RStats.skew(x) > 0;
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = positive ? Math.log(x[k] - mn + a) : -Math.log(mx + a - x[k]);
        }
        return out;
    }
}
