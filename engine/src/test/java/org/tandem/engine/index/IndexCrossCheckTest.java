package org.tandem.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.engine.io.CsvTable;

/**
 * Nine pipelines on two random indices with skewed, tied, negative and missing data, against values computed in R
 * from COINr's own function definitions (see {@code src/test/resources/index/README.md}): every cell to 1e-9, ranks
 * equal, missing where R has NA. Columns are matched by name (COINr lists aggregates alphabetically within a level).
 */
class IndexCrossCheckTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String data : List.of("mixed25", "mixed200")) {
            for (int p = 1; p <= 9; p++) {
                out.add(Arguments.of(data, "p" + p));
            }
        }
        return out.stream();
    }

    static Map<String, Map<String, String>> table(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] header = CsvTable.split(lines.get(0));
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = CsvTable.split(l);
            Map<String, String> row = new HashMap<>();
            for (int j = 0; j < header.length; j++) {
                row.put(header[j], j < f.length ? f[j] : "");
            }
            rows.put(f[0], row);
        }
        return rows;
    }

    static boolean missing(String v) {
        return v.isEmpty() || v.equals("NA") || v.equals("NaN");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void agreesWithCoinrRules(String data, String pipeline) throws Exception {
        Path base = IndexAsemReferenceTest.resource(data);
        Path out = dir.resolve("results.csv");
        IndexCommandTest.Run r = IndexCommandTest.exec("index", "--data", base.resolve("iData.csv").toString(),
                "--meta", base.resolve("iMeta.csv").toString(),
                "--pipeline", base.resolve("pipeline-" + pipeline + ".json").toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Map<String, String>> want = table(base.resolve("expected-" + pipeline + ".csv"));
        Map<String, Map<String, String>> got = table(out);
        assertThat(got.keySet()).as("units after screening").isEqualTo(want.keySet());
        for (Map.Entry<String, Map<String, String>> u : want.entrySet()) {
            Map<String, String> g = got.get(u.getKey());
            assertThat(g.keySet()).isEqualTo(u.getValue().keySet());
            for (Map.Entry<String, String> c : u.getValue().entrySet()) {
                if (c.getKey().equals("uCode")) {
                    continue;
                }
                String w = c.getValue();
                String h = g.get(c.getKey());
                String at = u.getKey() + " " + c.getKey();
                if (missing(w)) {
                    assertThat(h).as(at).isEmpty();
                } else if (c.getKey().equals("Rank")) {
                    assertThat(Integer.parseInt(h)).as(at).isEqualTo(Integer.parseInt(w));
                } else {
                    assertThat(Double.parseDouble(h)).as(at).isCloseTo(Double.parseDouble(w), within(1e-9));
                }
            }
        }
    }
}
