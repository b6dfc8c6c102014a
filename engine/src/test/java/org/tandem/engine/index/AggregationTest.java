package org.tandem.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked a_amean / a_gmean / a_hmean, with missing children and dat_thresh, on a 3-indicator, 1-aggregate tree. */
class AggregationTest {

    static final double NA = Double.NaN;

    /** Indicators a, b, c (weights 1, 2, 1) under one aggregate T. */
    static Framework tree() {
        return new Framework(new String[][] {{"a", "b", "c"}, {"T"}}, new double[][] {{1, 2, 1}, {1}},
                new int[][][] {new int[0][], {{0, 1, 2}}}, new int[] {1, 1, 1}, new double[] {NA, NA, NA},
                new String[3], Map.of());
    }

    static double[] top(double[][] ind, Pipeline.AggregateMethod m, double thresh) {
        Framework f = tree();
        double[][][] lv = Aggregation.aggregate(f, ind, f.allWeights(), new Pipeline.AggregateMethod[] {m},
                Double.isNaN(thresh) ? null : new double[] {thresh});
        return lv[1][0];
    }

    // Units: (10, 20, 40), (10, NA, 40), (NA, NA, NA)
    static final double[][] X = {{10, 10, NA}, {20, NA, NA}, {40, 40, NA}};

    @Test
    void arithmeticMeanRenormalisesWeightsOverPresentChildren() {
        double[] y = top(X, Pipeline.AggregateMethod.AMEAN, NA);
        assertThat(y[0]).isCloseTo((10 + 2 * 20 + 40) / 4.0, within(1e-12));
        assertThat(y[1]).isCloseTo((10 + 40) / 2.0, within(1e-12));
        assertThat(y[2]).isNaN();
    }

    @Test
    void geometricMean() {
        double[] y = top(X, Pipeline.AggregateMethod.GMEAN, NA);
        assertThat(y[0]).isCloseTo(Math.pow(10 * 20 * 20 * 40, 0.25), within(1e-12));
        assertThat(y[1]).isCloseTo(20, within(1e-12));
        assertThat(y[2]).isNaN();
    }

    @Test
    void harmonicMean() {
        double[] y = top(X, Pipeline.AggregateMethod.HMEAN, NA);
        assertThat(y[0]).isCloseTo(4 / (1 / 10.0 + 2 / 20.0 + 1 / 40.0), within(1e-12));
        assertThat(y[1]).isCloseTo(2 / (1 / 10.0 + 1 / 40.0), within(1e-12));
    }

    @Test
    void dataThresholdGivesMissing() {
        // unit 2 has 2 of 3 children: 0.667 < 0.7 → NA; 2/3 ≥ 0.66 → computed.
        assertThat(top(X, Pipeline.AggregateMethod.AMEAN, 0.7)[1]).isNaN();
        assertThat(top(X, Pipeline.AggregateMethod.AMEAN, 0.66)[1]).isCloseTo(25, within(1e-12));
    }

    @Test
    void geometricMeanOfZeroStopsAsCoinr() {
        double[][] z = {{0}, {1}, {2}};
        assertThatThrownBy(() -> top(z, Pipeline.AggregateMethod.GMEAN, NA)).isInstanceOf(Aggregation.Failure.class);
        assertThatThrownBy(() -> top(z, Pipeline.AggregateMethod.HMEAN, NA)).isInstanceOf(Aggregation.Failure.class);
    }

    @Test
    void aRowBelowTheDataThresholdIsNotAggregatedSoItsZeroDoesNotStopTheGeometricMean() {
        // unit 1: (0, NA, NA) has 1/3 < 0.5 present → NA before a_gmean is called (COINr checks dat_thresh first)
        double[][] z = {{4, 0}, {4, NA}, {4, NA}};
        double[] y = top(z, Pipeline.AggregateMethod.GMEAN, 0.5);
        assertThat(y[0]).isCloseTo(4, within(1e-12));
        assertThat(y[1]).isNaN();
    }

    @Test
    void perLevelMethods() {
        // a, b under P; c under Q; P, Q under T. amean at level 2, gmean at level 3.
        Framework f = new Framework(new String[][] {{"a", "b", "c"}, {"P", "Q"}, {"T"}},
                new double[][] {{1, 1, 1}, {1, 3}, {1}}, new int[][][] {new int[0][], {{0, 1}, {2}}, {{0, 1}}},
                new int[] {1, 1, 1}, new double[] {NA, NA, NA}, new String[3], Map.of());
        double[][] ind = {{2}, {6}, {1}};
        double[][][] lv = Aggregation.aggregate(f, ind, f.allWeights(),
                new Pipeline.AggregateMethod[] {Pipeline.AggregateMethod.AMEAN, Pipeline.AggregateMethod.GMEAN}, null);
        assertThat(lv[1][0][0]).isEqualTo(4);
        assertThat(lv[1][1][0]).isEqualTo(1);
        assertThat(lv[2][0][0]).isCloseTo(Math.pow(4 * 1 * 1 * 1, 0.25), within(1e-12));
    }
}
