package org.tandem.engine.affinity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.cli.EngineCli;

class AffinityCommandTest {

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;

    private int run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return EngineCli.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            stdout = o.toString(StandardCharsets.UTF_8);
            stderr = e.toString(StandardCharsets.UTF_8);
        }
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    private Path experts() throws IOException {
        return write("E.jsonl",
                "{\"id\":\"e1\",\"keywords\":[\"perovskite\"],\"fields\":[\"2.5\"],\"publications\":[{\"title\":\"Perovskite solar cells\",\"abstract\":\"Moisture stability of perovskite films\",\"year\":2022}]}",
                "",
                "{\"id\":2,\"publications\":[{\"title\":\"Dengue vaccine trial\",\"abstract\":\"Antibody responses to dengue virus\"}],\"extra\":{\"ignored\":[1,2]}}",
                "{\"id\":\"e3\",\"keywords\":[],\"fields\":[1.2]}");
    }

    @Test
    void writesTopKPerProposalAndASummaryLine() throws IOException {
        Path p = write("P.jsonl",
                "{\"id\":101,\"title\":\"Stable perovskite solar modules\",\"abstract\":\"films resisting moisture\",\"keywords\":[\"perovskite\"],\"fields\":[\"2.5\"]}",
                "{\"id\":\"p2\",\"title\":\"Dengue vaccination\"}");
        Path out = dir.resolve("A.csv");
        int code = run("affinity", "--proposals", p.toString(), "--experts", experts().toString(), "--top", "2", "--out", out.toString());
        assertThat(code).as(stderr).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(1 + 2 * 2);
        assertThat(rows.get(0)).isEqualTo("proposal_id,reviewer_id,score");
        assertThat(rows.get(1)).startsWith("101,e1,");
        assertThat(rows.get(3)).startsWith("p2,2,");
        String[] lines = stdout.strip().split("\\R");
        assertThat(lines[lines.length - 1]).matches("\\{.*\"pairs\":4,.*\"seconds\":[0-9.]+\\}");
    }

    @Test
    void allExpertsWhenTopIsOmitted() throws IOException {
        Path p = write("P.jsonl", "{\"id\":\"p\",\"title\":\"perovskite\"}");
        Path out = dir.resolve("A.csv");
        assertThat(run("affinity", "--proposals", p.toString(), "--experts", experts().toString(), "--out", out.toString())).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1 + 3);
    }

    @Test
    void badInputNamesFileLineAndFieldAndWritesNothing() throws IOException {
        Path p = write("P.jsonl",
                "{\"id\":\"ok\",\"title\":\"fine\"}",
                "{\"id\":\"bad\",\"keywords\":\"not an array\"}");
        Path out = dir.resolve("A.csv");
        int code = run("affinity", "--proposals", p.toString(), "--experts", experts().toString(), "--out", out.toString());
        assertThat(code).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(stderr).contains("P.jsonl:2").contains("keywords");
        assertThat(out).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void rejectsBrokenJsonMissingIdsDuplicatesAndBadYears() throws IOException {
        Path p = write("P.jsonl", "{\"id\":\"x\",\"title\":\"t\"}");
        Path out = dir.resolve("A.csv");
        String[][] cases = {
            {"{\"id\":\"a\",\"publications\":[{\"title\":\"t\",\"year\":\"soon\"}]}", "publications[0].year"},
            {"{\"keywords\":[]}", "E.jsonl:1: id:"},
            {"{\"id\":\"a\"}\n{\"id\":\"a\"}", "duplicate"},
            {"{\"id\":\"a\",", "invalid JSON"},
            {"[1,2]", "expected a JSON object"},
        };
        for (String[] c : cases) {
            Path e = write("E.jsonl", c[0]);
            assertThat(run("affinity", "--proposals", p.toString(), "--experts", e.toString(), "--out", out.toString()))
                    .as(c[0]).isEqualTo(EngineCli.EXIT_BAD_INPUT);
            assertThat(stderr).as(c[0]).contains("E.jsonl:").contains(c[1]);
        }
        assertThat(run("affinity", "--proposals", dir.resolve("missing.jsonl").toString(), "--experts", p.toString(),
                "--out", out.toString())).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(stderr).contains("missing.jsonl");
        assertThat(run("affinity", "--proposals", p.toString(), "--experts", p.toString(), "--top", "0",
                "--out", out.toString())).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(out).doesNotExist();
    }

    @Test
    void rerunWithAVectorDirectoryEmbedsNothingAndWritesTheSameScores() throws IOException {
        Path p = write("P.jsonl",
                "{\"id\":101,\"title\":\"Stable perovskite solar modules\",\"abstract\":\"films resisting moisture\"}",
                "{\"id\":\"p2\",\"title\":\"Dengue vaccination\"}");
        Path vectors = dir.resolve("vectors");
        Path out1 = dir.resolve("A1.csv");
        Path out2 = dir.resolve("A2.csv");
        String[] common = {"affinity", "--proposals", p.toString(), "--experts", experts().toString(), "--vectors", vectors.toString()};
        assertThat(run(concat(common, "--out", out1.toString()))).as(stderr).isZero();
        // 2 publications + 2 proposals; e3 has none
        assertThat(stdout).contains("\"model\":\"hybrid\"").contains("\"vectors_cached\":0,\"vectors_computed\":4");
        assertThat(run(concat(common, "--out", out2.toString()))).as(stderr).isZero();
        assertThat(stdout).contains("\"vectors_cached\":4,\"vectors_computed\":0");
        assertThat(Files.readAllLines(out2)).isEqualTo(Files.readAllLines(out1));

        Path tfidf = dir.resolve("T.csv");
        assertThat(run("affinity", "--model", "tfidf", "--proposals", p.toString(), "--experts", experts().toString(),
                "--out", tfidf.toString())).as(stderr).isZero();
        assertThat(stdout).contains("\"model\":\"tfidf\",\"embedding_weight\":0.0000");
        assertThat(Files.readAllLines(tfidf).get(1)).startsWith("101,e1,");
    }

    @Test
    void badModelOptionsAndAForeignVectorFileAreBadInput() throws IOException {
        Path p = write("P.jsonl", "{\"id\":\"x\",\"title\":\"t\"}");
        Path out = dir.resolve("A.csv");
        Path foreign = Files.createDirectories(dir.resolve("v"));
        Files.writeString(foreign.resolve(Embeddings.MODEL + ".vectors"), "not vectors");
        String[][] cases = {
            {"--model", "bert"}, {"--embedding-weight", "1.5"}, {"--model", "tfidf", "--vectors", foreign.toString()},
            {"--vectors", foreign.toString()},
        };
        String[] expected = {"--model", "--embedding-weight", "--vectors", "not a vector cache"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = concat(new String[] {"affinity", "--proposals", p.toString(), "--experts", experts().toString(),
                "--out", out.toString()}, cases[i]);
            assertThat(run(args)).as(String.join(" ", cases[i])).isEqualTo(EngineCli.EXIT_BAD_INPUT);
            assertThat(stderr).as(String.join(" ", cases[i])).contains(expected[i]);
            assertThat(out).doesNotExist();
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void scoresAreFormattedWithSixDecimals() {
        assertThat(AffinityCsvWriter.appendScore(new StringBuilder(), 0.1234567).toString()).isEqualTo("0.123457");
        assertThat(AffinityCsvWriter.appendScore(new StringBuilder(), 1.0).toString()).isEqualTo("1.000000");
        assertThat(AffinityCsvWriter.appendScore(new StringBuilder(), 0.0000004).toString()).isEqualTo("0.000000");
        assertThat(AffinityCsvWriter.appendField(new StringBuilder(), "a,\"b").toString()).isEqualTo("\"a,\"\"b\"");
    }
}
