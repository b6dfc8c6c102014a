package org.tandem.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.engine.index.IndexComputation;
import org.tandem.engine.index.IndexFiles;
import org.tandem.engine.index.IndexInstanceGenerator;
import org.tandem.engine.index.IndexResult;
import org.tandem.engine.index.PipelineReader;
import org.tandem.platform.security.TandemUser;
import org.tandem.support.TandemIntegrationTest;

/**
 * A generated panel (1,000 units, 100 indicators, 4 levels, groups, a denominator and missing
 * cells) through import, the background computation and storage: what the application stores
 * is exactly what the engine computes from the same tables with the edition's pipeline. The
 * elapsed times are printed for docs/performance.md, not asserted.
 */
@TandemIntegrationTest
class IndicatorsScaleTests {

    @Autowired Indicators indicators;
    @Autowired IndexRuns runs;
    @Autowired UserDetailsService users;

    @Test
    void aThousandUnitsAreStoredAsTheEngineComputesThem(@TempDir Path dir) throws Exception {
        IndexInstanceGenerator.main(new String[] {"1000", "100", "4", dir.toString(), "1"});
        TandemUser analyst = (TandemUser) users.loadUserByUsername("analyst");
        var e = indicators.createEdition("TEST-SCALE", 2030, new Names("Scale", null, null), analyst);
        indicators.configure(e.id(), new PipelineChoices(PipelineChoices.Impute.MEAN, true, PipelineChoices.Normalise.MINMAX,
                PipelineChoices.Aggregate.AMEAN, 0.25), analyst);

        long t0 = System.nanoTime();
        try (var meta = Files.newInputStream(dir.resolve("iMeta.csv")); var data = Files.newInputStream(dir.resolve("iData.csv"))) {
            indicators.importCsv(e.id(), meta, data, analyst);
        }
        long t1 = System.nanoTime();
        assertThat(runs.computeNow(e.id(), analyst).status()).isEqualTo("DONE");
        long t2 = System.nanoTime();
        assertThat(runs.uncertaintyNow(e.id(), 200, 5, analyst).status()).isEqualTo("DONE");
        long t3 = System.nanoTime();
        var r = indicators.results(e.id(), analyst);
        long t4 = System.nanoTime();
        System.out.printf("indicators scale: import %.2f s, compute+store %.2f s, uncertainty(200) %.2f s, read results %.2f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);

        Path pipeline = dir.resolve("app-pipeline.json");
        Files.writeString(pipeline, indicators.edition(e.id(), analyst).choices().toJson());
        var m = IndexFiles.readMeta(dir.resolve("iMeta.csv"));
        var d = IndexFiles.readData(dir.resolve("iData.csv"), m);
        IndexResult expected = IndexComputation.run(m.framework(), d, PipelineReader.read(pipeline, m.framework(), d));
        Map<String, Indicators.UnitResult> stored = new HashMap<>();
        r.units().forEach(u -> stored.put(u.unitCode(), u));
        assertThat(stored).hasSize(expected.unitCodes().length);
        var f = m.framework();
        for (int l = 2; l <= f.levels(); l++) {
            for (int k = 0; k < f.size(l); k++) {
                for (int u = 0; u < expected.unitCodes().length; u++) {
                    double want = expected.levels()[l - 1][k][u];
                    Double got = stored.get(expected.unitCodes()[u]).score(f.code(l, k));
                    if (Double.isNaN(want)) {
                        assertThat(got).isNull();
                    } else {
                        assertThat(got).isCloseTo(want, within(1e-9));
                    }
                }
            }
        }
        for (int u = 0; u < expected.unitCodes().length; u++) {
            double rank = expected.rank()[u];
            assertThat(stored.get(expected.unitCodes()[u]).rank(r.top())).isEqualTo(Double.isNaN(rank) ? null : (int) rank);
        }
        assertThat(r.intervals()).hasSize(expected.unitCodes().length);
    }
}
