package org.tandem.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-worked COINr n_* functions after x * Direction. */
class NormalisationTest {

    static final double NA = Double.NaN;

    static Pipeline.Normalise spec(Pipeline.NormaliseMethod m, double a, double b) {
        return new Pipeline.Normalise(m, a, b, null, true, false);
    }

    static double[] norm(double[] x, int dir, Pipeline.Normalise s) {
        return Normalisation.normalise(x, dir, s, null, s.truncate(), NA);
    }

    @Test
    void minmaxToRangeKeepsMissing() {
        double[] y = norm(new double[] {2, 4, NA, 10}, 1, spec(Pipeline.NormaliseMethod.MINMAX, 0, 100));
        assertThat(y[0]).isEqualTo(0);
        assertThat(y[1]).isEqualTo(25);
        assertThat(y[2]).isNaN();
        assertThat(y[3]).isEqualTo(100);
    }

    @Test
    void negativeDirectionReversesMinmax() {
        // x * -1 = (-2, -4, -10): min -10, max -2.
        double[] y = norm(new double[] {2, 4, 10}, -1, spec(Pipeline.NormaliseMethod.MINMAX, 1, 11));
        assertThat(y).containsExactly(11, 8.5, 1);
    }

    @Test
    void zeroRangeGivesNaNAsR() {
        double[] y = norm(new double[] {3, 3, 3}, 1, spec(Pipeline.NormaliseMethod.MINMAX, 0, 100));
        assertThat(y[0]).isNaN();
    }

    @Test
    void zscoreUsesSampleSd() {
        // mean 5, sd = sqrt(((−3)²+(−1)²+1²+3²)/3) = sqrt(20/3)
        double[] y = norm(new double[] {2, 4, 6, 8}, 1, spec(Pipeline.NormaliseMethod.ZSCORE, 10, 2));
        double sd = Math.sqrt(20.0 / 3);
        assertThat(y[0]).isCloseTo(10 + 2 * (-3 / sd), within(1e-12));
        assertThat(y[3]).isCloseTo(10 + 2 * (3 / sd), within(1e-12));
    }

    @Test
    void ranksAreMinTiesAscendingAndFollowDirection() {
        double[] x = {5, 1, 5, NA, 3};
        assertThat(norm(x, 1, spec(Pipeline.NormaliseMethod.RANK, 0, 0))).containsExactly(3, 1, 3, NA, 2);
        assertThat(norm(x, -1, spec(Pipeline.NormaliseMethod.RANK, 0, 0))).containsExactly(1, 4, 1, NA, 3);
        assertThat(norm(x, 1, spec(Pipeline.NormaliseMethod.BORDA, 0, 0))).containsExactly(2, 0, 2, NA, 1);
        // prank: (rank - 1) / (present - 1) = (r - 1) / 3
        assertThat(norm(x, 1, spec(Pipeline.NormaliseMethod.PRANK, 0, 0))).containsExactly(2.0 / 3, 0, 2.0 / 3, NA, 1.0 / 3);
    }

    @Test
    void globalGoalpostsTruncateAndScale() {
        Pipeline.Normalise s = new Pipeline.Normalise(Pipeline.NormaliseMethod.GOALPOSTS, 0, 0,
                new double[] {10, 20, 100}, true, false);
        assertThat(norm(new double[] {5, 10, 15, 25}, 1, s)).containsExactly(0, 0, 50, 100);
        Pipeline.Normalise open = new Pipeline.Normalise(Pipeline.NormaliseMethod.GOALPOSTS, 0, 0,
                new double[] {10, 20, 1}, false, false);
        assertThat(norm(new double[] {5, 25}, 1, open)).containsExactly(-0.5, 1.5);
    }

    @Test
    void imetaGoalpostsAreFlippedForNegativeIndicators() {
        // Direction -1, posts lower 10, upper 20: COINr uses (-20, -10) on -x, i.e. (20 - x) / 10.
        Pipeline.Normalise s = new Pipeline.Normalise(Pipeline.NormaliseMethod.GOALPOSTS, 0, 0, null, true, false);
        double[] y = Normalisation.normalise(new double[] {12, 18, 30}, -1, s, new double[] {10, 20, 1}, true, NA);
        assertThat(y[0]).isCloseTo(0.8, within(1e-12));
        assertThat(y[1]).isCloseTo(0.2, within(1e-12));
        assertThat(y[2]).isEqualTo(0);
    }

    @Test
    void distanceToTargetWithDirection() {
        Pipeline.Normalise s = new Pipeline.Normalise(Pipeline.NormaliseMethod.DIST2TARG, 0, 0, null, true, true);
        // positive: (x - min) / (targ - min) = (x - 2) / 8, capped at 1
        assertThat(Normalisation.normalise(new double[] {2, 6, 12}, 1, s, null, true, 10)).containsExactly(0, 0.5, 1);
        // negative: on -x with target -4: (−x + 12) / (−4 + 12)
        double[] y = Normalisation.normalise(new double[] {2, 6, 12}, -1, s, null, true, 4);
        assertThat(y).containsExactly(1, 0.75, 0);
    }

    @Test
    void otherScalings() {
        assertThat(norm(new double[] {2, 4, 10}, 1, spec(Pipeline.NormaliseMethod.FRACMAX, 0, 0)))
                .containsExactly(0.2, 0.4, 1);
        assertThat(norm(new double[] {2, 4, 10}, 1, spec(Pipeline.NormaliseMethod.DIST2MAX, 0, 0)))
                .containsExactly(0, 0.25, 1);
        assertThat(norm(new double[] {2, 4, 10}, 1, spec(Pipeline.NormaliseMethod.SCALED, 0, 20)))
                .containsExactly(10, 20, 50);
    }
}
