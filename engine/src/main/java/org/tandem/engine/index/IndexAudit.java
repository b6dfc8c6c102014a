package org.tandem.engine.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistical audit of a computed index, in the manner of the JRC's audits and COINr's
 * analysis functions:
 *
 * <ul>
 * <li>data availability ({@code get_data_avail}): per unit over all indicators, per indicator over all
 * units, and per unit within each aggregate (its indicators), on the data as read;</li>
 * <li>Pearson correlations on pairwise-complete observations ({@code get_corr}, {@code use =
 * "pairwise.complete.obs"}) of the aggregated data: between the children of each aggregate, flagged
 * "collinear" at r ≥ {@link #COLLINEAR} ({@code get_corr_flags} default 0.9) and "negative" at r &lt;
 * {@link #NEGATIVE}; and of every node with its parent, flagged "weak" below {@link #WEAK};</li>
 * <li>Cronbach's alpha of each aggregate's children ({@code get_cronbach}: k²·mean off-diagonal
 * covariance / sum of all covariances, pairwise-complete);</li>
 * <li>the share of variance of the first principal component of each aggregate's children
 * (correlation matrix of the complete cases, as {@code prcomp(scale. = TRUE)});</li>
 * <li>strengths and weaknesses per unit in the GII way: the unit's indicators ranked among all units;
 * strengths are those whose percentile rank is at or above the unit's {@code n}-th best percentile
 * rank, plus any indicator where the unit ranks 1 to 3; weaknesses those at or below its {@code n}-th
 * worst, strengths excepted.</li>
 * </ul>
 */
public final class IndexAudit {

    public static final double COLLINEAR = 0.9;
    public static final double NEGATIVE = -0.4;
    public static final double WEAK = 0.3;

    public record Availability(String[] unitCodes, double[] byUnit, String[] indicatorCodes, double[] byIndicator,
            List<String> aggregateCodes, double[][] byUnitAndAggregate) {
    }

    /** {@code relation} is "within" (both children of {@code group}) or "parent" ({@code b} is the parent of {@code a}). */
    public record Correlation(String a, String b, String relation, String group, int level, double r, String flag) {
    }

    public record GroupStatistics(String aggregate, int level, int children, double cronbachAlpha,
            double firstComponentShare, int completeCases) {
    }

    /** Indicator codes with the unit's rank on each, best first. */
    public record StrengthsWeaknesses(String unitCode, List<String> strengths, List<Integer> strengthRanks,
            List<String> weaknesses, List<Integer> weaknessRanks) {
    }

    public record Report(Availability availability, List<Correlation> correlations, List<GroupStatistics> groups,
            List<StrengthsWeaknesses> strengthsWeaknesses) {
    }

    private IndexAudit() {
    }

    public static Report audit(Framework f, IndexData data, IndexResult r, int strengthsCount) {
        return new Report(availability(f, data), correlations(f, r), groups(f, r), strengthsWeaknesses(f, r, strengthsCount));
    }

    public static Availability availability(Framework f, IndexData data) {
        int n = data.unitCount();
        int m = f.indicatorCount();
        double[][] v = data.values();
        double[] byUnit = new double[n];
        for (int k = 0; k < n; k++) {
            byUnit[k] = DataSteps.availability(v, k);
        }
        double[] byInd = new double[m];
        for (int i = 0; i < m; i++) {
            byInd[i] = (double) RStats.countPresent(v[i]) / n;
        }
        List<String> aggs = f.aggregateCodes();
        double[][] byAgg = new double[n][aggs.size()];
        int col = 0;
        for (int l = 2; l <= f.levels(); l++) {
            int[] anc = f.ancestorAt(l);
            for (int p = 0; p < f.size(l); p++, col++) {
                int count = 0;
                for (int i = 0; i < m; i++) {
                    if (anc[i] == p) {
                        count++;
                    }
                }
                for (int k = 0; k < n; k++) {
                    int present = 0;
                    for (int i = 0; i < m; i++) {
                        if (anc[i] == p && !Double.isNaN(v[i][k])) {
                            present++;
                        }
                    }
                    byAgg[k][col] = 1 - (double) (count - present) / count;
                }
            }
        }
        return new Availability(data.unitCodes().clone(), byUnit, f.indicatorCodes(), byInd, aggs, byAgg);
    }

    public static List<Correlation> correlations(Framework f, IndexResult r) {
        List<Correlation> out = new ArrayList<>();
        double[][][] lv = r.levels();
        for (int l = 2; l <= f.levels(); l++) {
            for (int p = 0; p < f.size(l); p++) {
                int[] ch = f.children(l, p);
                String parent = f.code(l, p);
                for (int x = 0; x < ch.length; x++) {
                    for (int y = x + 1; y < ch.length; y++) {
                        double c = pearson(lv[l - 2][ch[x]], lv[l - 2][ch[y]]);
                        String flag = c >= COLLINEAR ? "collinear" : c < NEGATIVE ? "negative" : "";
                        out.add(new Correlation(f.code(l - 1, ch[x]), f.code(l - 1, ch[y]), "within", parent, l - 1, c, flag));
                    }
                }
                for (int c : ch) {
                    double rr = pearson(lv[l - 2][c], lv[l - 1][p]);
                    out.add(new Correlation(f.code(l - 1, c), parent, "parent", parent, l - 1, rr, rr < WEAK ? "weak" : ""));
                }
            }
        }
        return out;
    }

    public static List<GroupStatistics> groups(Framework f, IndexResult r) {
        List<GroupStatistics> out = new ArrayList<>();
        for (int l = 2; l <= f.levels(); l++) {
            for (int p = 0; p < f.size(l); p++) {
                int[] ch = f.children(l, p);
                double[][] cols = new double[ch.length][];
                for (int j = 0; j < ch.length; j++) {
                    cols[j] = r.levels()[l - 2][ch[j]];
                }
                int complete = completeCases(cols);
                out.add(new GroupStatistics(f.code(l, p), l, ch.length, cronbach(cols), firstComponentShare(cols), complete));
            }
        }
        return out;
    }

    /** Pearson correlation over the units where both are present (R's cor with pairwise.complete.obs). */
    public static double pearson(double[] a, double[] b) {
        double[] cv = pairwise(a, b);
        return cv[2] / Math.sqrt(cv[0] * cv[1]);
    }

    /** {var(a), var(b), cov(a, b)} over the pairwise-complete observations (n - 1 denominators). */
    private static double[] pairwise(double[] a, double[] b) {
        int n = 0;
        double ma = 0;
        double mb = 0;
        for (int k = 0; k < a.length; k++) {
            if (!Double.isNaN(a[k]) && !Double.isNaN(b[k])) {
                n++;
                ma += a[k];
                mb += b[k];
            }
        }
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        ma /= n;
        mb /= n;
        double va = 0;
        double vb = 0;
        double c = 0;
        for (int k = 0; k < a.length; k++) {
            if (!Double.isNaN(a[k]) && !Double.isNaN(b[k])) {
                double da = a[k] - ma;
                double db = b[k] - mb;
                va += da * da;
                vb += db * db;
                c += da * db;
            }
        }
        return new double[] {va / (n - 1), vb / (n - 1), c / (n - 1)};
    }

    /** COINr get_cronbach: k² · mean off-diagonal covariance / sum of all covariances (pairwise-complete, NaN cells skipped). */
    public static double cronbach(double[][] cols) {
        int k = cols.length;
        if (k < 2) {
            return Double.NaN;
        }
        double all = 0;
        double diag = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double c = i == j ? RStats.sd(cols[i]) : pairwise(cols[i], cols[j])[2];
                if (i == j) {
                    c = c * c;
                }
                if (!Double.isNaN(c)) {
                    all += c;
                    if (i == j) {
                        diag += c;
                    }
                }
            }
        }
        double mean = (all - diag) / (k * (k - 1.0));
        return k * k * mean / all;
    }

    private static int completeCases(double[][] cols) {
        if (cols.length == 0) {
            return 0;
        }
        int n = 0;
        outer:
        for (int u = 0; u < cols[0].length; u++) {
            for (double[] c : cols) {
                if (Double.isNaN(c[u])) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }

    /** Largest eigenvalue of the correlation matrix of the complete cases over the number of variables. */
    public static double firstComponentShare(double[][] cols) {
        int k = cols.length;
        if (k < 2) {
            return Double.NaN;
        }
        int units = cols[0].length;
        List<Integer> rows = new ArrayList<>();
        outer:
        for (int u = 0; u < units; u++) {
            for (double[] c : cols) {
                if (Double.isNaN(c[u])) {
                    continue outer;
                }
            }
            rows.add(u);
        }
        if (rows.size() < 2) {
            return Double.NaN;
        }
        double[][] z = new double[k][rows.size()];
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < rows.size(); t++) {
                z[j][t] = cols[j][rows.get(t)];
            }
        }
        double[][] corr = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double c = i == j ? 1 : pearson(z[i], z[j]);
                if (Double.isNaN(c)) {
                    return Double.NaN; // a constant variable: prcomp(scale. = TRUE) refuses it too
                }
                corr[i][j] = c;
                corr[j][i] = c;
            }
        }
        double[] ev = eigenvalues(corr);
        double max = Arrays.stream(ev).max().orElse(Double.NaN);
        return max / k;
    }

    /** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations (small matrices: the children of one aggregate). */
    static double[] eigenvalues(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        return ev;
    }

    public static List<StrengthsWeaknesses> strengthsWeaknesses(Framework f, IndexResult r, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        double[][] ind = r.levels()[0];
        int m = ind.length;
        int units = r.unitCodes().length;
        double[][] rank = new double[m][];
        double[][] pr = new double[m][units];
        for (int i = 0; i < m; i++) {
            rank[i] = RStats.rankMinDescending(ind[i]);
            int present = RStats.countPresent(ind[i]);
            for (int k = 0; k < units; k++) {
                pr[i][k] = present < 2 ? Double.NaN : (present - rank[i][k]) / (present - 1);
            }
        }
        List<StrengthsWeaknesses> out = new ArrayList<>(units);
        for (int k = 0; k < units; k++) {
            double[] own = new double[m];
            for (int i = 0; i < m; i++) {
                own[i] = pr[i][k];
            }
            double[] sorted = RStats.present(own);
            Arrays.sort(sorted);
            List<String> s = new ArrayList<>();
            List<Integer> sr = new ArrayList<>();
            List<String> w = new ArrayList<>();
            List<Integer> wr = new ArrayList<>();
            if (sorted.length > 0) {
                int c = Math.min(count, sorted.length);
                double strongCut = sorted[sorted.length - c];
                double weakCut = sorted[c - 1];
                Integer[] order = new Integer[m];
                for (int i = 0; i < m; i++) {
                    order[i] = i;
                }
                int unit = k;
                Arrays.sort(order, (a, b) -> Double.compare(rankOr(rank[a][unit]), rankOr(rank[b][unit])));
                for (int i : order) {
                    if (Double.isNaN(own[i])) {
                        continue;
                    }
                    boolean strong = own[i] >= strongCut || rank[i][k] <= 3;
                    if (strong) {
                        s.add(f.code(1, i));
                        sr.add((int) rank[i][k]);
                    }
                }
                for (int j = m - 1; j >= 0; j--) {
                    int i = order[j];
                    if (Double.isNaN(own[i]) || own[i] >= strongCut || rank[i][k] <= 3) {
                        continue;
                    }
                    if (own[i] <= weakCut) {
                        w.add(f.code(1, i));
                        wr.add((int) rank[i][k]);
                    }
                }
            }
            out.add(new StrengthsWeaknesses(r.unitCodes()[k], s, sr, w, wr));
        }
        return out;
    }

    private static double rankOr(double r) {
        return Double.isNaN(r) ? Double.MAX_VALUE : r;
    }
}
