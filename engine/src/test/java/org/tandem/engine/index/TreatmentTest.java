package org.tandem.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-worked cases of COINr's Treat (winsorise → check_SkewKurt → log_CT), values checked against the formulas by hand. */
class TreatmentTest {

    static Pipeline.Treat spec(int maxPoints) {
        return new Pipeline.Treat(maxPoints, 2, 3.5, Pipeline.Fallback.LOG, false);
    }

    @Test
    void skewAndKurtosisAreExcelType2() {
        // COINr's own example x <- c(1:10, 30, 100): skew 3.0632, kurtosis 9.7414 (e1071 type 2 / Excel SKEW, KURT).
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
        assertThat(RStats.skew(x)).isCloseTo(3.0632410342394985, within(1e-12));
        assertThat(RStats.kurt(x)).isCloseTo(9.741390834569144, within(1e-12));
        assertThat(RStats.skew(new double[] {1, 2})).isNaN();
        assertThat(RStats.kurt(new double[] {1, 2, 3})).isNaN();
    }

    @Test
    void onePointWinsorisedWhenThatPasses() {
        // 100 → 30 gives skew 1.712 < 2: passes after one point.
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
        Treatment.Result r = Treatment.treat(x, spec(5));
        assertThat(r.outcome()).isEqualTo(Treatment.Outcome.WINSORISED);
        assertThat(r.winsorised()).isEqualTo(1);
        assertThat(r.values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30);
        assertThat(x[11]).as("input untouched").isEqualTo(100);
    }

    @Test
    void passingIndicatorIsUntouched() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Treatment.Result r = Treatment.treat(x, spec(5));
        assertThat(r.outcome()).isEqualTo(Treatment.Outcome.PASSED);
        assertThat(r.values()).containsExactly(x);
    }

    @Test
    void negativeSkewWinsorisesTheTiedMinimumTogether() {
        // skew -2.247, kurt 3.876 fail; both zeros are the minimum, both become 50; COINr counts nwin = 2.
        double[] x = {0, 0, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62};
        Treatment.Result r = Treatment.treat(x, spec(5));
        assertThat(r.winsorised()).isEqualTo(2);
        assertThat(r.values()).containsExactly(50, 50, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62);
    }

    @Test
    void successiveWinsorisationCountsTheGrowingTiedSet() {
        // 30 ones then 2,3,5,8,13,21,34,55,89: 89→55, then both 55→34, then the three 34s→21, then four 21s→13
        // (nwin = length(imax) = 4) when skew 1.998 < 2 passes.
        double[] x = new double[39];
        java.util.Arrays.fill(x, 0, 30, 1);
        double[] tail = {2, 3, 5, 8, 13, 21, 34, 55, 89};
        System.arraycopy(tail, 0, x, 30, 9);
        Treatment.Result r = Treatment.treat(x, spec(5));
        assertThat(r.outcome()).isEqualTo(Treatment.Outcome.WINSORISED);
        assertThat(r.winsorised()).isEqualTo(4);
        assertThat(java.util.Arrays.copyOfRange(r.values(), 30, 39)).containsExactly(2, 3, 5, 8, 13, 13, 13, 13, 13);
    }

    @Test
    void logFallbackAppliesToTheOriginalValues() {
        // With max_points = 3 the data still fail (skew 2.28, kurt 3.75) after three points, so COINr applies
        // log_CT to the ORIGINAL x: log(x - 1 + 0.01 * 88).
        double[] x = new double[39];
        java.util.Arrays.fill(x, 0, 30, 1);
        double[] tail = {2, 3, 5, 8, 13, 21, 34, 55, 89};
        System.arraycopy(tail, 0, x, 30, 9);
        Treatment.Result r = Treatment.treat(x, spec(3));
        assertThat(r.outcome()).isEqualTo(Treatment.Outcome.LOG);
        for (int k = 0; k < x.length; k++) {
            assertThat(r.values()[k]).isCloseTo(Math.log(x[k] - 1 + 0.88), within(1e-15));
        }
        assertThat(r.values()[38]).isCloseTo(4.487287145331375, within(1e-12));
    }

    @Test
    void constantAfterWinsorisingIsLeftUntreatedAsCoinrsTryCatch() {
        // 50 → 1 makes the column constant: skew is NaN, R stops inside winsorise(), Treat returns x unchanged.
        double[] x = {1, 1, 1, 1, 1, 1, 1, 1, 1, 50};
        Treatment.Result r = Treatment.treat(x, spec(5));
        assertThat(r.outcome()).isEqualTo(Treatment.Outcome.UNTREATED_NA);
        assertThat(r.values()).containsExactly(x);
    }

    @Test
    void missingValuesAreIgnoredAndKept() {
        double[] x = {1, 2, Double.NaN, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
        Treatment.Result r = Treatment.treat(x, spec(5));
        assertThat(r.values()[2]).isNaN();
        assertThat(r.values()[12]).isEqualTo(30);
    }

    @Test
    void tooFewValuesGiveAnNaTestAndNoTreatment() {
        double[] x = {1, Double.NaN, 1000};
        Treatment.Result r = Treatment.treat(x, spec(5));
        assertThat(r.outcome()).isEqualTo(Treatment.Outcome.UNTREATED_NA);
    }

    @Test
    void checkIsThreeValuedOr() {
        // kurtosis NA (3 values) but |skew| < 2: TRUE | NA is TRUE in R.
        assertThat(Treatment.check(new double[] {1, 2, 3}, 2, 3.5)).isTrue();
        assertThat(Treatment.check(new double[] {5, 5, 5, 5}, 2, 3.5)).isNull();
    }
}
