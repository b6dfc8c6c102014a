package org.tandem.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Properties on random instances (fixed seeds): min-max range, weight re-normalisation, means ordering, ranks, treatment. */
class IndexPropertyTest {

    static double[] randomColumn(Random r, int n, double missingShare) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = r.nextDouble() < missingShare ? Double.NaN
                    : (r.nextBoolean() ? Math.round(r.nextGaussian() * 3) : Math.exp(r.nextGaussian() * 2));
        }
        return x;
    }

    @RepeatedTest(50)
    void minmaxFillsTheRangeExactly(RepetitionInfo info) {
        Random r = new Random(1000 + info.getCurrentRepetition());
        double lo = r.nextInt(10);
        double hi = lo + 1 + r.nextInt(100);
        double[] x = randomColumn(r, 5 + r.nextInt(60), 0.2);
        if (RStats.countPresent(x) < 2 || RStats.min(x) == RStats.max(x)) {
            return;
        }
        int dir = r.nextBoolean() ? 1 : -1;
        double[] y = Normalisation.normalise(x, dir, new Pipeline.Normalise(Pipeline.NormaliseMethod.MINMAX, lo, hi,
                null, true, false), null, true, Double.NaN);
        assertThat(RStats.min(y)).isEqualTo(lo);
        assertThat(RStats.max(y)).isCloseTo(hi, within(1e-9));
        for (int k = 0; k < x.length; k++) {
            assertThat(Double.isNaN(y[k])).isEqualTo(Double.isNaN(x[k]));
            if (!Double.isNaN(y[k])) {
                assertThat(y[k]).isBetween(lo, hi + 1e-9);
            }
            for (int j = 0; j < x.length; j++) {
                if (!Double.isNaN(x[k]) && !Double.isNaN(x[j]) && x[k] * dir < x[j] * dir) {
                    assertThat(y[k]).isLessThanOrEqualTo(y[j]);
                }
            }
        }
    }

    static Framework oneAggregate(double[] w) {
        String[] codes = new String[w.length];
        int[] ch = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            codes[i] = "i" + i;
            ch[i] = i;
        }
        return new Framework(new String[][] {codes, {"T"}}, new double[][] {w, {1}}, new int[][][] {new int[0][], {ch}},
                new int[w.length], new double[w.length], new String[w.length], Map.of());
    }

    static double aggregate(double[] w, double[] row, Pipeline.AggregateMethod m) {
        double[][] ind = new double[row.length][1];
        for (int i = 0; i < row.length; i++) {
            ind[i][0] = row[i];
        }
        Framework f = oneAggregate(w);
        return Aggregation.aggregate(f, ind, f.allWeights(), new Pipeline.AggregateMethod[] {m}, null)[1][0][0];
    }

    @RepeatedTest(100)
    void weightsAreRelativeAndRenormalisedOverPresentValues(RepetitionInfo info) {
        Random r = new Random(2000 + info.getCurrentRepetition());
        int n = 2 + r.nextInt(8);
        double[] w = new double[n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.1 + r.nextDouble() * 3;
            row[i] = r.nextDouble() < 0.3 ? Double.NaN : 0.5 + r.nextDouble() * 100;
        }
        double c = 0.01 + r.nextDouble() * 50;
        double[] scaled = w.clone();
        for (int i = 0; i < n; i++) {
            scaled[i] *= c;
        }
        // the same as aggregating only the present children, with their weights
        int present = RStats.countPresent(row);
        double[] pw = new double[present];
        double[] pr = new double[present];
        for (int i = 0, j = 0; i < n; i++) {
            if (!Double.isNaN(row[i])) {
                pw[j] = w[i];
                pr[j++] = row[i];
            }
        }
        for (Pipeline.AggregateMethod m : Pipeline.AggregateMethod.values()) {
            double y = aggregate(w, row, m);
            if (present == 0) {
                assertThat(y).isNaN();
                continue;
            }
            assertThat(aggregate(scaled, row, m)).isCloseTo(y, within(1e-9));
            assertThat(aggregate(pw, pr, m)).isCloseTo(y, within(1e-9));
            assertThat(y).isBetween(RStats.min(row) - 1e-9, RStats.max(row) + 1e-9);
        }
        if (present > 0) {
            double am = aggregate(w, row, Pipeline.AggregateMethod.AMEAN);
            double gm = aggregate(w, row, Pipeline.AggregateMethod.GMEAN);
            double hm = aggregate(w, row, Pipeline.AggregateMethod.HMEAN);
            assertThat(hm).isLessThanOrEqualTo(gm + 1e-9);
            assertThat(gm).isLessThanOrEqualTo(am + 1e-9);
        }
    }

    @RepeatedTest(100)
    void ranksArePermutationsWithMinTies(RepetitionInfo info) {
        Random r = new Random(3000 + info.getCurrentRepetition());
        int n = 1 + r.nextInt(40);
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            s[k] = r.nextDouble() < 0.1 ? Double.NaN : r.nextInt(8); // many ties
        }
        double[] rank = RStats.rankMinDescending(s);
        int present = RStats.countPresent(s);
        int[] count = new int[present + 2];
        for (int k = 0; k < n; k++) {
            if (Double.isNaN(s[k])) {
                assertThat(rank[k]).isNaN();
                continue;
            }
            int greater = 0;
            for (double v : s) {
                if (!Double.isNaN(v) && v > s[k]) {
                    greater++;
                }
            }
            assertThat(rank[k]).isEqualTo(1 + greater);
            count[(int) rank[k]]++;
        }
        // a tie of t units at rank q leaves ranks q+1 .. q+t-1 unused: the counts form a permutation with gaps
        int total = 0;
        for (int q = 1; q <= present; q++) {
            total += count[q];
            if (count[q] > 0) {
                for (int j = 1; j < count[q]; j++) {
                    assertThat(count[q + j]).isZero();
                }
            }
        }
        assertThat(total).isEqualTo(present);
    }

    @RepeatedTest(60)
    void treatmentIsMonotoneAndWinsorisingStaysInRange(RepetitionInfo info) {
        Random r = new Random(4000 + info.getCurrentRepetition());
        int n = 10 + r.nextInt(60);
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = r.nextDouble() < 0.05 ? Double.NaN : Math.exp(r.nextGaussian() * (0.5 + r.nextInt(3)));
        }
        Treatment.Result t = Treatment.treat(x, new Pipeline.Treat(5, 2, 3.5, Pipeline.Fallback.LOG, false));
        for (int k = 0; k < n; k++) {
            assertThat(Double.isNaN(t.values()[k])).isEqualTo(Double.isNaN(x[k]));
            for (int j = 0; j < n; j++) {
                if (!Double.isNaN(x[k]) && !Double.isNaN(x[j]) && x[k] <= x[j]) {
                    assertThat(t.values()[k]).isLessThanOrEqualTo(t.values()[j]);
                }
            }
        }
        if (t.outcome() == Treatment.Outcome.WINSORISED) {
            assertThat(t.winsorised()).isBetween(1, n);
            assertThat(RStats.max(t.values())).isLessThanOrEqualTo(RStats.max(x));
            assertThat(RStats.min(t.values())).isGreaterThanOrEqualTo(RStats.min(x));
            assertThat(Treatment.check(t.values(), 2, 3.5) || t.winsorised() >= 5).isTrue();
        }
    }

    @Test
    void quantilesAreRType7() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // R: quantile(1:10, c(0.05, 0.95)) = 1.45, 9.55; median 5.5
        assertThat(RStats.quantile(x, 0.05)).isCloseTo(1.45, within(1e-12));
        assertThat(RStats.quantile(x, 0.95)).isCloseTo(9.55, within(1e-12));
        assertThat(RStats.median(x)).isEqualTo(5.5);
        assertThat(RStats.sd(new double[] {2, 4, 4, 4, 5, 5, 7, 9})).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    }
}
