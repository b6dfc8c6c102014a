package org.tandem.engine.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The index structure of an iMeta table: indicators (level 1) with their direction, weight,
 * target and denominator, and the aggregates of each higher level with their children and weights.
 *
 * <p>Orders follow COINr's {@code Aggregate.coin}: indicators in iMeta order; the aggregates of
 * level {@code l} in the order their codes first appear as {@code Parent} of level {@code l - 1}
 * rows; the children of an aggregate in iMeta order. Results are written in this order too.
 */
public final class Framework {

    private final String[][] codes;
    private final double[][] weights;
    private final int[][][] children;
    private final int[] direction;
    private final double[] target;
    private final String[] denominator;
    private final Map<String, double[]> indicatorParameters;

    /**
     * @param codes codes[l - 1] are the codes of level l (level 1 = indicators)
     * @param weights weights[l - 1][k] is the weight of the k-th node of level l
     * @param children children[l - 1][p] are the indices, in level l - 1, of the children of aggregate p of level l (children[0] is empty)
     * @param indicatorParameters optional per-indicator numbers from extra iMeta columns (e.g. goalpost_lower), keyed lower-case; NaN when empty
     */
    public Framework(String[][] codes, double[][] weights, int[][][] children, int[] direction, double[] target,
            String[] denominator, Map<String, double[]> indicatorParameters) {
        this.codes = codes;
        this.weights = weights;
        this.children = children;
        this.direction = direction;
        this.target = target;
        this.denominator = denominator;
        this.indicatorParameters = Map.copyOf(indicatorParameters);
    }

    /** Number of levels, indicators included. */
    public int levels() {
        return codes.length;
    }

    public int indicatorCount() {
        return codes[0].length;
    }

    public String[] indicatorCodes() {
        return codes[0].clone();
    }

    public String[] codes(int level) {
        return codes[level - 1].clone();
    }

    public int size(int level) {
        return codes[level - 1].length;
    }

    public String code(int level, int k) {
        return codes[level - 1][k];
    }

    /** Weights of the nodes of {@code level}, as in iMeta (COINr re-scales them within each aggregate). */
    public double[] weights(int level) {
        return weights[level - 1].clone();
    }

    /** Weights of all levels, [level - 1][node]; a copy that uncertainty runs may perturb. */
    public double[][] allWeights() {
        double[][] w = new double[weights.length][];
        for (int l = 0; l < w.length; l++) {
            w[l] = weights[l].clone();
        }
        return w;
    }

    /** Indices, in {@code level - 1}, of the children of aggregate {@code p} of {@code level} (level ≥ 2). */
    public int[] children(int level, int p) {
        return children[level - 1][p];
    }

    public int direction(int indicator) {
        return direction[indicator];
    }

    public double target(int indicator) {
        return target[indicator];
    }

    /** The denominator column of the indicator, or null. */
    public String denominator(int indicator) {
        return denominator[indicator];
    }

    /** Values of an extra iMeta column for each indicator (NaN when empty), or null when the column is absent. */
    public double[] indicatorParameter(String column) {
        double[] v = indicatorParameters.get(column.toLowerCase(java.util.Locale.ROOT));
        return v == null ? null : v.clone();
    }

    /** All aggregate codes, level 2 upwards, in result order. */
    public List<String> aggregateCodes() {
        List<String> out = new ArrayList<>();
        for (int l = 2; l <= levels(); l++) {
            out.addAll(Arrays.asList(codes[l - 1]));
        }
        return out;
    }

    /** For each indicator, its ancestor index at {@code level} (level ≥ 1). */
    public int[] ancestorAt(int level) {
        int n = indicatorCount();
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int l = 2; l <= level; l++) {
            int[] parentOf = new int[size(l - 1)];
            for (int p = 0; p < size(l); p++) {
                for (int c : children(l, p)) {
                    parentOf[c] = p;
                }
            }
            for (int i = 0; i < n; i++) {
                a[i] = parentOf[a[i]];
            }
        }
        return a;
    }
}
