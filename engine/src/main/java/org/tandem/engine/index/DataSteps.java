package org.tandem.engine.index;

import java.util.HashMap;
import java.util.Map;

/** The steps before treatment: COINr's {@code Denominate}, {@code Impute} and {@code Screen}. */
public final class DataSteps {

    private DataSteps() {
    }

    /** {@code Denominate.coin} with iMeta's Denominator: x / d (no scale factor); a missing d gives missing. */
    public static IndexState denominate(IndexState s, Framework f, IndexData data) {
        double[][] v = copy(s.values());
        for (int i = 0; i < v.length; i++) {
            String d = f.denominator(i);
            if (d == null) {
                continue;
            }
            double[] den = data.denominators().get(d);
            for (int k = 0; k < s.unitCount(); k++) {
                v[i][k] = v[i][k] / den[s.units()[k]];
            }
        }
        return new IndexState(s.units(), v);
    }

    /**
     * {@code Impute.coin(impute_by = "column")}: each indicator's missing values replaced by the mean or
     * median of its present ones, overall or within the unit's group ({@code i_mean_grp}: units with no group
     * are left as they are; a group with no present value gives NaN, which stays missing). An indicator
     * with no value at all stops COINr ("Input is all NAs"), so it stops here too.
     */
    public static IndexState impute(IndexState s, Pipeline.Impute spec, Framework f, IndexData data, int step) {
        double[][] v = copy(s.values());
        boolean anyMissing = false;
        for (double[] col : v) {
            if (RStats.countPresent(col) < col.length) {
                anyMissing = true;
                break;
            }
        }
        if (!anyMissing) {
            return new IndexState(s.units(), v);
        }
        // Groups numbered once (−1 = no group), so each indicator is split with plain arrays.
        int[] group = null;
        int[] groupSize = null;
        if (spec.method() == Pipeline.ImputeMethod.MEAN_GROUP || spec.method() == Pipeline.ImputeMethod.MEDIAN_GROUP) {
            String[] all = data.groups().get(spec.group());
            Map<String, Integer> ids = new HashMap<>();
            group = new int[s.unitCount()];
            for (int k = 0; k < group.length; k++) {
                String g = all[s.units()[k]];
                group[k] = g == null ? -1 : ids.computeIfAbsent(g, x -> ids.size());
            }
            groupSize = new int[ids.size()];
            for (int g : group) {
                if (g >= 0) {
                    groupSize[g]++;
                }
            }
        }
        for (int i = 0; i < v.length; i++) {
            double[] col = v[i];
            int present = RStats.countPresent(col);
            if (present == 0) {
                throw new IndexException(step, "impute: indicator " + f.code(1, i)
                        + " has no values to impute from (COINr: \"Input is all NAs - cannot impute\")");
            }
            if (present == col.length) {
                continue;
            }
            switch (spec.method()) {
                case MEAN -> fill(col, RStats.mean(col));
                case MEDIAN -> fill(col, RStats.median(col));
                case MEAN_GROUP, MEDIAN_GROUP -> {
                    boolean mean = spec.method() == Pipeline.ImputeMethod.MEAN_GROUP;
                    double[][] members = new double[groupSize.length][];
                    int[] fill = new int[groupSize.length];
                    for (int g = 0; g < members.length; g++) {
                        members[g] = new double[groupSize[g]];
                    }
                    for (int k = 0; k < col.length; k++) {
                        if (group[k] >= 0) {
                            members[group[k]][fill[group[k]]++] = col[k];
                        }
                    }
                    double[] centre = new double[members.length];
                    for (int g = 0; g < members.length; g++) {
                        centre[g] = mean ? RStats.mean(members[g]) : RStats.median(members[g]);
                    }
                    for (int k = 0; k < col.length; k++) {
                        if (Double.isNaN(col[k]) && group[k] >= 0) {
                            col[k] = centre[group[k]];
                        }
                    }
                }
                default -> throw new IllegalStateException(spec.method().toString());
            }
        }
        return new IndexState(s.units(), v);
    }

    /**
     * {@code Screen(unit_screen = "byNA", dat_thresh)}: data availability of a unit is
     * {@code 1 - missing / indicators} over all indicators; units with availability below the
     * threshold are removed.
     */
    public static IndexState screen(IndexState s, Pipeline.Screen spec) {
        int n = s.unitCount();
        int ind = s.values().length;
        int[] missing = new int[n];
        for (double[] col : s.values()) {
            for (int k = 0; k < n; k++) {
                if (Double.isNaN(col[k])) {
                    missing[k]++;
                }
            }
        }
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int k = 0; k < n; k++) {
            keep[k] = !(1 - (double) missing[k] / ind < spec.minDataAvailability());
            if (keep[k]) {
                kept++;
            }
        }
        int[] units = new int[kept];
        for (int k = 0, j = 0; k < n; k++) {
            if (keep[k]) {
                units[j++] = s.units()[k];
            }
        }
        double[][] v = new double[ind][kept];
        for (int i = 0; i < ind; i++) {
            double[] from = s.values()[i];
            double[] to = v[i];
            for (int k = 0, j = 0; k < n; k++) {
                if (keep[k]) {
                    to[j++] = from[k];
                }
            }
        }
        return new IndexState(units, v);
    }

    /** COINr {@code get_data_avail}: {@code 1 - nNA / nIndicators} for unit {@code k}. */
    public static double availability(double[][] values, int k) {
        int missing = 0;
        for (double[] col : values) {
            if (Double.isNaN(col[k])) {
                missing++;
            }
        }
        return 1 - (double) missing / values.length;
    }

    private static void fill(double[] col, double value) {
        for (int k = 0; k < col.length; k++) {
            if (Double.isNaN(col[k])) {
                col[k] = value;
            }
        }
    }

    static double[][] copy(double[][] v) {
        double[][] c = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i].clone();
        }
        return c;
    }
}
