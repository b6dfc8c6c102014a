package org.tandem.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.engine.io.CsvTable;

/**
 * COINr 1.1.14's own results on its ASEM example (ref.csv, full precision, computed in R) for the
 * plain pipeline and for build_example_coin()'s pipeline: every aggregate of every unit to 1e-6 and
 * the ranks equal, through the command as an analyst runs it.
 */
class IndexAsemReferenceTest {

    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(IndexAsemReferenceTest.class.getResource("/index/" + name).toURI());
    }

    static Map<String, String[]> table(Path file, List<String> header) throws IOException {
        List<String> lines = Files.readAllLines(file);
        header.addAll(List.of(CsvTable.split(lines.get(0))));
        Map<String, String[]> rows = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = CsvTable.split(l);
            rows.put(f[0], f);
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-plain", "v2-example"})
    void reproducesCoinr(String pipeline) throws Exception {
        Path out = dir.resolve("results.csv");
        IndexCommandTest.Run r = IndexCommandTest.exec("index", "--data", resource(pipeline + "/iData.csv").toString(),
                "--meta", resource(pipeline + "/iMeta.csv").toString(),
                "--pipeline", resource(pipeline + "/pipeline.json").toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lastLine()).startsWith("{\"units\":51,\"indicators\":49,\"seconds\":");

        List<String> refHeader = new java.util.ArrayList<>();
        Map<String, String[]> ref = table(resource(pipeline + "/ref.csv"), refHeader);
        List<String> gotHeader = new java.util.ArrayList<>();
        Map<String, String[]> got = table(out, gotHeader);
        assertThat(gotHeader).isEqualTo(refHeader);
        assertThat(got.keySet()).isEqualTo(ref.keySet());
        int rank = refHeader.indexOf("Rank");
        for (Map.Entry<String, String[]> e : ref.entrySet()) {
            String[] want = e.getValue();
            String[] have = got.get(e.getKey());
            for (int j = 1; j < want.length; j++) {
                if (j == rank) {
                    assertThat(Integer.parseInt(have[j])).as(e.getKey() + " rank").isEqualTo(Integer.parseInt(want[j]));
                } else {
                    assertThat(Double.parseDouble(have[j])).as(e.getKey() + " " + refHeader.get(j))
                            .isCloseTo(Double.parseDouble(want[j]), within(1e-6));
                }
            }
        }
    }
}
