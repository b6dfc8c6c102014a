package org.tandem.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast replication path (precomputed up to aggregation) against a full rebuild of the index. */
class UncertaintyAnalysisTest {

    static final Path V2 = path("v2-example");

    static Path path(String name) {
        try {
            return Path.of(UncertaintyAnalysisTest.class.getResource("/index/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    record Asem(Framework f, IndexData d, Pipeline p) {
    }

    static Asem asem() {
        IndexFiles.Meta m = IndexFiles.readMeta(V2.resolve("iMeta.csv"));
        IndexData d = IndexFiles.readData(V2.resolve("iData.csv"), m);
        return new Asem(m.framework(), d, PipelineReader.read(V2.resolve("pipeline.json"), m.framework(), d));
    }

    static Pipeline replace(Pipeline p, Pipeline.Normalise n, Pipeline.Aggregate a) {
        List<Pipeline.Step> steps = new ArrayList<>();
        for (Pipeline.Step s : p.steps()) {
            steps.add(s instanceof Pipeline.Normalise ? n : s instanceof Pipeline.Aggregate ? a : s);
        }
        return new Pipeline(steps, null);
    }

    @Test
    void eachSingleAlternativeEqualsAFullRebuild() {
        Asem x = asem();
        IndexResult nominal = IndexComputation.run(x.f(), x.d(), x.p());
        int levels = x.f().levels() - 1;
        List<Pipeline.Normalise> norms = List.of(
                new Pipeline.Normalise(Pipeline.NormaliseMethod.RANK, 0, 0, null, true, false),
                new Pipeline.Normalise(Pipeline.NormaliseMethod.MINMAX, 1, 100, null, true, false),
                new Pipeline.Normalise(Pipeline.NormaliseMethod.PRANK, 0, 0, null, true, false));
        Pipeline.AggregateMethod[] h = new Pipeline.AggregateMethod[levels];
        java.util.Arrays.fill(h, Pipeline.AggregateMethod.HMEAN);
        h[0] = Pipeline.AggregateMethod.GMEAN;
        Pipeline.Aggregate agg = new Pipeline.Aggregate(h, null);
        for (Pipeline.Normalise n : norms) {
            if (n.method() == Pipeline.NormaliseMethod.PRANK) {
                // prank has zeros: a geometric mean over them fails in COINr, so every replication fails here too
                Pipeline withAlt = new Pipeline(x.p().steps(), new Pipeline.Uncertainty(0, List.of(n), List.of(agg)));
                UncertaintyAnalysis.Outcome o = UncertaintyAnalysis.run(x.f(), x.d(), withAlt, nominal, 7, 3);
                assertThat(o.failed()).isEqualTo(7);
                assertThat(o.units().get(0).median()).isNaN();
                continue;
            }
            IndexResult rebuilt = IndexComputation.run(x.f(), x.d(), replace(x.p(), n, agg));
            Pipeline withAlt = new Pipeline(x.p().steps(), new Pipeline.Uncertainty(0, List.of(n), List.of(agg)));
            UncertaintyAnalysis.Outcome o = UncertaintyAnalysis.run(x.f(), x.d(), withAlt, nominal, 5, 11);
            assertThat(o.failed()).isZero();
            for (int k = 0; k < nominal.unitCodes().length; k++) {
                UncertaintyAnalysis.UnitRanks u = o.units().get(k);
                assertThat(u.unitCode()).isEqualTo(rebuilt.unitCodes()[k]);
                assertThat(u.nominal()).isEqualTo(nominal.rank()[k]);
                assertThat(u.median()).as(n.method() + " " + u.unitCode()).isEqualTo(rebuilt.rank()[k]);
                assertThat(u.q05()).isEqualTo(rebuilt.rank()[k]);
                assertThat(u.q95()).isEqualTo(rebuilt.rank()[k]);
            }
        }
    }

    static void assertSameRanks(Framework f, IndexData d, List<Pipeline.Step> steps, Pipeline.Normalise alt,
            List<Pipeline.Step> rebuiltSteps) {
        Pipeline p = new Pipeline(steps, new Pipeline.Uncertainty(0, List.of(alt), List.of()));
        IndexResult nominal = IndexComputation.run(f, d, p);
        IndexResult rebuilt = IndexComputation.run(f, d, new Pipeline(rebuiltSteps, null));
        UncertaintyAnalysis.Outcome o = UncertaintyAnalysis.run(f, d, p, nominal, 3, 1);
        for (int k = 0; k < rebuilt.unitCodes().length; k++) {
            assertThat(o.units().get(k).median()).as(rebuilt.unitCodes()[k]).isEqualTo(rebuilt.rank()[k]);
        }
    }

    @Test
    void alternativesWithoutANormaliseStepAndWithStepsAfterIt() {
        Path base = path("mixed25");
        IndexFiles.Meta m = IndexFiles.readMeta(base.resolve("iMeta.csv"));
        IndexData d = IndexFiles.readData(base.resolve("iData.csv"), m);
        Framework f = m.framework();
        Pipeline.Step impute = new Pipeline.Impute(Pipeline.ImputeMethod.MEAN, null);
        Pipeline.Step treat = new Pipeline.Treat(5, 2, 3.5, Pipeline.Fallback.LOG, false);
        Pipeline.Normalise minmax = new Pipeline.Normalise(Pipeline.NormaliseMethod.MINMAX, 0, 100, null, true, false);
        Pipeline.Normalise rank = new Pipeline.Normalise(Pipeline.NormaliseMethod.RANK, 0, 0, null, true, false);
        Pipeline.Step agg = new Pipeline.Aggregate(new Pipeline.AggregateMethod[] {Pipeline.AggregateMethod.AMEAN,
            Pipeline.AggregateMethod.AMEAN, Pipeline.AggregateMethod.AMEAN}, null);
        // no normalise step: the alternative goes just before aggregation
        assertSameRanks(f, d, List.of(impute, treat, agg), minmax, List.of(impute, treat, minmax, agg));
        // an imputation after normalising is re-run on each alternative
        assertSameRanks(f, d, List.of(treat, minmax, impute, agg), rank, List.of(treat, rank, impute, agg));
    }

    @Test
    void noisyWeightsStayWithinTheirBandAndIntervalsAreOrdered() {
        Asem x = asem();
        IndexResult nominal = IndexComputation.run(x.f(), x.d(), x.p());
        Pipeline withNoise = new Pipeline(x.p().steps(), new Pipeline.Uncertainty(0.25, List.of(), List.of()));
        UncertaintyAnalysis.Outcome a = UncertaintyAnalysis.run(x.f(), x.d(), withNoise, nominal, 300, 5);
        UncertaintyAnalysis.Outcome b = UncertaintyAnalysis.run(x.f(), x.d(), withNoise, nominal, 300, 5);
        assertThat(a).isEqualTo(b);
        int n = nominal.unitCodes().length;
        int moved = 0;
        for (UncertaintyAnalysis.UnitRanks u : a.units()) {
            assertThat(u.q05()).isBetween(1.0, u.median());
            assertThat(u.q95()).isBetween(u.median(), (double) n);
            if (u.q05() != u.q95()) {
                moved++;
            }
        }
        assertThat(moved).as("±25 % weights move some ranks").isPositive();
    }
}
