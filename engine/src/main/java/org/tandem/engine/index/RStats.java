package org.tandem.engine.index;

import java.util.Arrays;

/**
 * The few statistics of base R and COINr that the index needs, computed the way R computes them:
 * missing values are {@code NaN}, {@code mean} takes R's second pass (mean of the residuals added
 * back), {@code sd} divides by n - 1, {@code median} averages the two middle values, quantiles are
 * R's default type 7, and skewness and kurtosis are COINr's {@code skew()} / {@code kurt()}
 * (e1071 type 2, the Excel definitions). Results agree with R to rounding (R sums in long double).
 */
public final class RStats {

    private RStats() {
    }

    /** R's {@code is.na}: NA and NaN are both missing. */
    public static boolean isNa(double v) {
        return Double.isNaN(v);
    }

    public static int countPresent(double[] x) {
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** The non-missing values, in order. */
    public static double[] present(double[] x) {
        double[] out = new double[countPresent(x)];
        int k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        return out;
    }

    /** {@code mean(x, na.rm = TRUE)}: NaN when nothing is present. */
    public static double mean(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        s /= n;
        if (Double.isFinite(s)) {
            // R's mean.default refines with the mean of the residuals; keeps agreement in the last digits.
            double t = 0;
            for (double v : x) {
                if (!Double.isNaN(v)) {
                    t += v - s;
                }
            }
            s += t / n;
        }
        return s;
    }

    /** {@code sd(x, na.rm = TRUE)}: NaN with fewer than two values. */
    public static double sd(double[] x) {
        int n = countPresent(x);
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                ss += (v - m) * (v - m);
            }
        }
        return Math.sqrt(ss / (n - 1));
    }

    public static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        boolean any = false;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                any = true;
                if (v < m) {
                    m = v;
                }
            }
        }
        return any ? m : Double.NaN;
    }

    public static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                any = true;
                if (v > m) {
                    m = v;
                }
            }
        }
        return any ? m : Double.NaN;
    }

    /** {@code stats::median(x, na.rm = TRUE)}. */
    public static double median(double[] x) {
        double[] p = present(x);
        if (p.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(p);
        int h = p.length / 2;
        return p.length % 2 == 1 ? p[h] : (p[h - 1] + p[h]) / 2;
    }

    /** {@code stats::quantile(x, prob, na.rm = TRUE)} with R's default type 7. */
    public static double quantile(double[] x, double prob) {
        double[] p = present(x);
        if (p.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(p);
        return sortedQuantile(p, prob);
    }

    /** Type-7 quantile of values already sorted ascending, none missing. */
    public static double sortedQuantile(double[] sorted, double prob) {
        // As stats::quantile.default, 1-based: index = 1 + (n - 1) p; interpolate only where x[hi] != x[lo].
        int n = sorted.length;
        double index = 1 + (n - 1) * prob;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double q = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != q) {
            double h = index - lo;
            q = (1 - h) * q + h * sorted[hi - 1];
        }
        return q;
    }

    /**
     * {@code {skew(x), kurt(x)}} in one pass over the residuals (the same sums as the two functions,
     * so the same values): the outlier test needs both, several times per indicator.
     */
    public static double[] skewKurt(double[] x) {
        int n = countPresent(x);
        if (n < 3) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double m = mean(x);
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                double d = v - m;
                double d2 = d * d;
                s2 += d2;
                s3 += d2 * d;
                s4 += d2 * d2;
            }
        }
        double sk = Math.sqrt(n) * s3 / Math.pow(s2, 1.5) * Math.sqrt((double) n * (n - 1)) / (n - 2);
        if (n < 4) {
            return new double[] {sk, Double.NaN};
        }
        double r = n * s4 / (s2 * s2);
        double kt = ((n + 1) * (r - 3) + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
        return new double[] {sk, kt};
    }

    /** COINr {@code skew(x, na.rm = TRUE)}: NaN (R's NA) with fewer than 3 values, NaN for a constant vector. */
    public static double skew(double[] x) {
        int n = countPresent(x);
        if (n < 3) {
            return Double.NaN;
        }
        double m = mean(x);
        double s2 = 0;
        double s3 = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                double d = v - m;
                double d2 = d * d;
                s2 += d2;
                s3 += d2 * d;
            }
        }
        double y = Math.sqrt(n) * s3 / Math.pow(s2, 1.5);
        return y * Math.sqrt((double) n * (n - 1)) / (n - 2);
    }

    /** COINr {@code kurt(x, na.rm = TRUE)} (excess kurtosis, e1071 type 2): NaN with fewer than 4 values. */
    public static double kurt(double[] x) {
        int n = countPresent(x);
        if (n < 4) {
            return Double.NaN;
        }
        double m = mean(x);
        double s2 = 0;
        double s4 = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                double d = v - m;
                double d2 = d * d;
                s2 += d2;
                s4 += d2 * d2;
            }
        }
        double r = n * s4 / (s2 * s2);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
    }

    /**
     * {@code rank(x, ties.method = "min", na.last = "keep")}: ascending ranks, ties share the lowest,
     * missing stays missing (NaN).
     */
    public static double[] rankMin(double[] x) {
        return rank(x, false);
    }

    /** Ranks where the highest value is 1 (COINr's unit ranks), ties share the lowest rank, missing stays missing. */
    public static double[] rankMinDescending(double[] x) {
        return rank(x, true);
    }

    private static double[] rank(double[] x, boolean descending) {
        // min rank = 1 + the number of values strictly better; counted by binary search in the sorted values,
        // with < and > so that -0.0 and 0.0 tie as in R.
        double[] sorted = present(x);
        Arrays.sort(sorted);
        int m = sorted.length;
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                r[i] = Double.NaN;
            } else if (descending) {
                r[i] = 1 + (m - upperBound(sorted, v));
            } else {
                r[i] = 1 + lowerBound(sorted, v);
            }
        }
        return r;
    }

    /** Number of values &lt; v. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of values ≤ v. */
    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
