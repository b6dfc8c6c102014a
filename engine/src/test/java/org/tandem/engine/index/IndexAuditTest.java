package org.tandem.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked audit statistics. */
class IndexAuditTest {

    static final double NA = Double.NaN;

    @Test
    void cronbachAlphaHandWorked() {
        // identical columns: all covariances equal v → alpha = k²·v / (k²·v) = 1
        double[] x = {1, 2, 3, 4};
        assertThat(IndexAudit.cronbach(new double[][] {x, x.clone(), x.clone()})).isCloseTo(1, within(1e-12));
        // x and -x: cov matrix [[v, -v], [-v, v]] sums to 0 → alpha = 4·(-v)/0 → -Inf (R gives -Inf as well)
        double[] y = {1, 3, 2, 6};
        // var x = 5/3, var y = 14/3, cov = 7/3: alpha = 4·(7/3) / (5/3 + 14/3 + 14/3) = 28/33
        assertThat(IndexAudit.cronbach(new double[][] {x, y})).isCloseTo(28.0 / 33, within(1e-12));
    }

    @Test
    void firstComponentShare() {
        double[] x = {1, 2, 3, 4, 5};
        assertThat(IndexAudit.firstComponentShare(new double[][] {x, x.clone()})).isCloseTo(1, within(1e-9));
        // uncorrelated pair (r = 0): eigenvalues 1, 1 → share 0.5
        double[] a = {1, -1, 1, -1};
        double[] b = {1, 1, -1, -1};
        assertThat(IndexAudit.firstComponentShare(new double[][] {a, b})).isCloseTo(0.5, within(1e-9));
        // r = 0.5 between three variables: eigenvalues 2, 0.5, 0.5 → 2/3
        double[][] m = {{1, 0.5, 0.5}, {0.5, 1, 0.5}, {0.5, 0.5, 1}};
        double[] ev = IndexAudit.eigenvalues(m);
        java.util.Arrays.sort(ev);
        assertThat(ev[2]).isCloseTo(2, within(1e-9));
        assertThat(ev[0]).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void pearsonUsesPairwiseCompleteObservations() {
        double[] a = {1, 2, 3, NA, 5};
        double[] b = {2, 4, 6, 100, 10};
        assertThat(IndexAudit.pearson(a, b)).isCloseTo(1, within(1e-12));
    }

    /** 4 units, indicators a, b, c under one aggregate T; a and b collinear, c reversed. */
    static IndexResult result(Framework f, double[][] ind) {
        double[][][] lv = Aggregation.aggregate(f, ind, f.allWeights(),
                new Pipeline.AggregateMethod[] {Pipeline.AggregateMethod.AMEAN}, null);
        return new IndexResult(new String[] {"U1", "U2", "U3", "U4"}, new int[] {0, 1, 2, 3}, lv,
                RStats.rankMinDescending(lv[1][0]), List.of(), List.of());
    }

    static Framework tree() {
        return new Framework(new String[][] {{"a", "b", "c"}, {"T"}}, new double[][] {{1, 1, 1}, {1}},
                new int[][][] {new int[0][], {{0, 1, 2}}}, new int[] {1, 1, 1}, new double[3], new String[3], Map.of());
    }

    @Test
    void correlationFlagsAndAvailability() {
        Framework f = tree();
        double[][] ind = {{10, 20, 30, 40}, {11, 19, 31, 42}, {40, 30, 20, 10}};
        IndexAudit.Report r = IndexAudit.audit(f, new IndexData(new String[] {"U1", "U2", "U3", "U4"},
                new double[][] {{1, NA, 3, 4}, {1, 2, NA, NA}, {1, 2, 3, 4}}, Map.of(), Map.of()), result(f, ind), 1);
        IndexAudit.Correlation ab = r.correlations().get(0);
        assertThat(ab.a()).isEqualTo("a");
        assertThat(ab.b()).isEqualTo("b");
        assertThat(ab.flag()).isEqualTo("collinear");
        assertThat(r.correlations().get(1).flag()).isEqualTo("negative");
        // COINr: 1 - nNA / n, so 1 - 1/3 (one ulp above 2/3)
        assertThat(r.availability().byUnit()).containsExactly(1, 1 - 1.0 / 3, 1 - 1.0 / 3, 1 - 1.0 / 3);
        assertThat(r.availability().byIndicator()).containsExactly(0.75, 0.5, 1);
        assertThat(r.availability().byUnitAndAggregate()[1][0]).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void strengthsAndWeaknessesTheGiiWay() {
        // 5 units, 4 indicators; unit U5 is best on a (rank 1), 2nd on b, worst on c and d.
        Framework f = new Framework(new String[][] {{"a", "b", "c", "d"}, {"T"}}, new double[][] {{1, 1, 1, 1}, {1}},
                new int[][][] {new int[0][], {{0, 1, 2, 3}}}, new int[] {1, 1, 1, 1}, new double[4], new String[4], Map.of());
        double[][] ind = {{1, 2, 3, 4, 5}, {1, 2, 3, 5, 4}, {5, 4, 3, 2, 1}, {5, 4, 3, 2, 0}};
        double[][][] lv = Aggregation.aggregate(f, ind, f.allWeights(),
                new Pipeline.AggregateMethod[] {Pipeline.AggregateMethod.AMEAN}, null);
        IndexResult r = new IndexResult(new String[] {"U1", "U2", "U3", "U4", "U5"}, new int[] {0, 1, 2, 3, 4}, lv,
                RStats.rankMinDescending(lv[1][0]), List.of(), List.of());
        IndexAudit.StrengthsWeaknesses u5 = IndexAudit.strengthsWeaknesses(f, r, 1).get(4);
        // n = 1: the best percentile rank (a, rank 1) plus every rank ≤ 3 (b, rank 2) are strengths;
        // the worst (c and d, both rank 5) are weaknesses.
        assertThat(u5.strengths()).containsExactly("a", "b");
        assertThat(u5.strengthRanks()).containsExactly(1, 2);
        assertThat(u5.weaknesses()).containsExactlyInAnyOrder("c", "d");
        // U3 is rank 3 everywhere: all strengths by the rank ≤ 3 rule, so no weaknesses.
        IndexAudit.StrengthsWeaknesses u3 = IndexAudit.strengthsWeaknesses(f, r, 1).get(2);
        assertThat(u3.strengths()).hasSize(4);
        assertThat(u3.weaknesses()).isEmpty();
    }
}
