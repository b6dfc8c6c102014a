package org.tandem.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked Denominate, Impute (i_mean, i_median, i_mean_grp) and Screen (byNA). */
class DataStepsTest {

    static final double NA = Double.NaN;

    static Framework twoIndicators(String denominator) {
        return new Framework(new String[][] {{"a", "b"}, {"T"}}, new double[][] {{1, 1}, {1}},
                new int[][][] {new int[0][], {{0, 1}}}, new int[] {1, 1}, new double[] {NA, NA},
                new String[] {denominator, null}, Map.of());
    }

    static IndexData data(double[][] v, String[] groups, double[] pop) {
        return new IndexData(new String[] {"U1", "U2", "U3", "U4", "U5"}.clone(), v,
                groups == null ? Map.of() : Map.of("grp", groups), pop == null ? Map.of() : Map.of("Pop", pop));
    }

    @Test
    void denominateDividesByTheIMetaDenominator() {
        double[][] v = {{10, 20, NA, 5, 1}, {1, 2, 3, 4, 5}};
        IndexData d = data(v, null, new double[] {2, 4, 5, NA, 0.5});
        IndexState s = DataSteps.denominate(IndexState.of(d), twoIndicators("Pop"), d);
        assertThat(s.values()[0]).containsExactly(5, 5, NA, NA, 2);
        assertThat(s.values()[1]).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void imputeByMeanAndMedian() {
        double[][] v = {{1, NA, 2, 10, NA}, {1, 2, 3, 4, 5}};
        IndexData d = data(v, null, null);
        IndexState mean = DataSteps.impute(IndexState.of(d), new Pipeline.Impute(Pipeline.ImputeMethod.MEAN, null),
                twoIndicators(null), d, 0);
        assertThat(mean.values()[0]).containsExactly(1, 13.0 / 3, 2, 10, 13.0 / 3);
        IndexState med = DataSteps.impute(IndexState.of(d), new Pipeline.Impute(Pipeline.ImputeMethod.MEDIAN, null),
                twoIndicators(null), d, 0);
        assertThat(med.values()[0]).containsExactly(1, 2, 2, 10, 2);
        double[][] even = {{1, NA, 2, 10, 4}, {1, 2, 3, 4, 5}};
        IndexData de = data(even, null, null);
        assertThat(DataSteps.impute(IndexState.of(de), new Pipeline.Impute(Pipeline.ImputeMethod.MEDIAN, null),
                twoIndicators(null), de, 0).values()[0][1]).isEqualTo(3);
    }

    @Test
    void imputeByGroupMeanLeavesUnitsWithoutGroup() {
        double[][] v = {{1, NA, 3, NA, NA}, {1, 2, 3, 4, 5}};
        String[] g = {"A", "A", "A", "B", null};
        IndexData d = data(v, g, null);
        IndexState s = DataSteps.impute(IndexState.of(d),
                new Pipeline.Impute(Pipeline.ImputeMethod.MEAN_GROUP, "grp"), twoIndicators(null), d, 0);
        // A: mean(1, 3) = 2; B has no value: NaN (stays missing); the unit without a group is skipped.
        assertThat(s.values()[0][1]).isEqualTo(2);
        assertThat(s.values()[0][3]).isNaN();
        assertThat(s.values()[0][4]).isNaN();
    }

    @Test
    void imputeByGroupMedian() {
        double[][] v = {{1, NA, 3, 10, NA}, {1, 2, 3, 4, 5}};
        String[] g = {"A", "A", "A", "A", "B"};
        IndexData d = data(v, g, null);
        IndexState s = DataSteps.impute(IndexState.of(d),
                new Pipeline.Impute(Pipeline.ImputeMethod.MEDIAN_GROUP, "grp"), twoIndicators(null), d, 0);
        assertThat(s.values()[0]).containsExactly(1, 3, 3, 10, NA);
    }

    @Test
    void imputeAfterScreeningUsesTheRemainingUnitsGroups() {
        double[][] v = {{1, NA, 3, 5, NA}, {1, 2, 3, 4, NA}};
        String[] g = {"A", "A", "B", "A", "A"};
        IndexData d = data(v, g, null);
        IndexState screened = DataSteps.screen(IndexState.of(d), new Pipeline.Screen(0.5));
        assertThat(screened.units()).containsExactly(0, 1, 2, 3);
        IndexState s = DataSteps.impute(screened, new Pipeline.Impute(Pipeline.ImputeMethod.MEAN_GROUP, "grp"),
                twoIndicators(null), d, 0);
        assertThat(s.values()[0]).containsExactly(1, 3, 3, 5);
    }

    @Test
    void imputingAnIndicatorWithNoValueStops() {
        double[][] v = {{NA, NA, NA, NA, NA}, {1, 2, 3, 4, 5}};
        IndexData d = data(v, null, null);
        assertThatThrownBy(() -> DataSteps.impute(IndexState.of(d),
                new Pipeline.Impute(Pipeline.ImputeMethod.MEAN, null), twoIndicators(null), d, 3))
                .isInstanceOf(IndexException.class).hasMessageContaining("a");
    }

    @Test
    void screenDropsUnitsBelowAvailability() {
        // availability: U1 1, U2 0.5, U3 0.5, U4 0, U5 1
        double[][] v = {{1, NA, 3, NA, 5}, {1, 2, NA, NA, 5}};
        IndexData d = data(v, null, null);
        IndexState s = DataSteps.screen(IndexState.of(d), new Pipeline.Screen(0.5));
        assertThat(s.units()).containsExactly(0, 1, 2, 4);
        assertThat(DataSteps.screen(IndexState.of(d), new Pipeline.Screen(0.51)).units()).containsExactly(0, 4);
        assertThat(s.values()[1]).containsExactly(1, 2, NA, 5);
    }
}
