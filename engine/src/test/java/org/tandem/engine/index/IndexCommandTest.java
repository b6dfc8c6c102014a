package org.tandem.engine.index;

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

/** The CLI contract on a small hand-worked index, bad input (exit 2, located, nothing written) and the uncertainty output. */
class IndexCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    static Run exec(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = EngineCli.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static final String META = """
            Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type
            1,x1,X one,1,1,,,,P,Indicator
            1,x2,X two,-1,1,,,Pop,P,Indicator
            1,x3,X three,1,2,,,,Q,Indicator
            2,P,Pillar P,1,1,,,,T,Aggregate
            2,Q,Pillar Q,1,3,,,,T,Aggregate
            3,T,Top,1,1,,,,,Aggregate
            ,grp,Group,,,,,,,Group
            ,Pop,Population,,,,,,,Denominator
            """;

    static final String DATA = """
            uCode,uName,grp,Pop,x1,x2,x3
            A,Aa,g1,1,0,10,5
            B,Bb,g1,2,10,40,0
            C,Cc,g2,4,5,,10
            """;

    static final String PLAIN = """
            {"steps":[{"op":"normalise","method":"minmax","range":[0,100]},{"op":"aggregate","method":"amean"}]}
            """;

    Run run(String meta, String data, String pipeline, String... extra) throws IOException {
        Files.writeString(dir.resolve("iMeta.csv"), meta);
        Files.writeString(dir.resolve("iData.csv"), data);
        Files.writeString(dir.resolve("pipeline.json"), pipeline);
        List<String> args = new java.util.ArrayList<>(List.of("index", "--data", dir.resolve("iData.csv").toString(),
                "--meta", dir.resolve("iMeta.csv").toString(), "--pipeline", dir.resolve("pipeline.json").toString(),
                "--out", dir.resolve("results.csv").toString()));
        args.addAll(List.of(extra));
        return exec(args.toArray(String[]::new));
    }

    @Test
    void handWorkedIndex() throws IOException {
        // minmax: x1 (0, 100, 50); x2 reversed: -10, -40, NA → (100, 0, NA); x3 (50, 0, 100).
        // P = amean(x1, x2) over present: A 50, B 50, C 50 (x2 missing: weight re-normalised to x1 alone).
        // Q = x3. T = (1·P + 3·Q) / 4: A 50, B 12.5, C 87.5 → ranks C 1, A 2, B 3.
        Run r = run(META, DATA, PLAIN);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo("""
                uCode,P,Q,T,Rank
                A,50,50,50,2
                B,50,0,12.5,3
                C,50,100,87.5,1
                """);
        assertThat(r.lastLine()).matches("\\{\"units\":3,\"indicators\":3,\"seconds\":[0-9.]+}");
    }

    @Test
    void coinrNamesAreAcceptedAsAliases() throws IOException {
        Run r = run(META, DATA, "{\"steps\":[{\"op\":\"normalise\",\"method\":\"n_minmax\",\"l_u\":[0,100]},"
                + "{\"op\":\"aggregate\",\"method\":{\"2\":\"a_amean\",\"3\":\"amean\"}}]}");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("results.csv"))).contains("C,50,100,87.5,1");
        Files.delete(dir.resolve("results.csv"));
        assertBad(run(META, DATA, "{\"steps\":[{\"op\":\"normalise\",\"l_u\":[0,1],\"range\":[0,2]},{\"op\":\"aggregate\"}]}"),
                "same option");
    }

    @Test
    void tiesShareTheLowestRank() throws IOException {
        String data = "uCode,grp,Pop,x1,x2,x3\nA,g,1,0,0,0\nB,g,1,10,10,10\nC,g,1,0,0,0\n";
        Run r = run(META, data, PLAIN);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(lines.get(1)).endsWith(",2");
        assertThat(lines.get(2)).endsWith(",1");
        assertThat(lines.get(3)).endsWith(",2");
    }

    @Test
    void denominateImputeScreenBeforeNormalising() throws IOException {
        // denominate x2 by Pop: 10, 20, NA; impute by group mean: C's g2 has no x2 → stays missing;
        // screen at 0.9 drops C (2 of 3 indicators). Then min-max over A, B only.
        String pipeline = """
                {"steps":[{"op":"denominate"},{"op":"impute","method":"mean_group","group":"grp"},
                {"op":"screen","min_data_availability":0.9},{"op":"normalise"},{"op":"aggregate"}]}
                """;
        Run r = run(META, DATA, pipeline);
        assertThat(r.exit()).as(r.err()).isZero();
        // A: x1 0, x2 -10 → 100, x3 100; B: x1 100, x2 -20 → 0, x3 0. P: A 50, B 50. T: A 87.5, B 12.5.
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo("""
                uCode,P,Q,T,Rank
                A,50,100,87.5,1
                B,50,0,12.5,2
                """);
    }

    void assertBad(Run r, String... fragments) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(fragments);
        assertThat(dir.resolve("results.csv")).doesNotExist();
        assertThat(dir.resolve("U.csv")).doesNotExist();
    }

    @Test
    void nonNumericCellIsLocated() throws IOException {
        assertBad(run(META, DATA.replace("C,Cc,g2,4,5,", "C,Cc,g2,4,five,"), PLAIN), "iData.csv:4", "x1", "'five'");
    }

    @Test
    void javaOnlyNumberSyntaxIsRefused() throws IOException {
        assertBad(run(META, DATA.replace("C,Cc,g2,4,5,", "C,Cc,g2,4,5d,"), PLAIN), "iData.csv:4", "x1", "'5d'");
        assertBad(run(META, DATA.replace("C,Cc,g2,4,5,", "C,Cc,g2,4,Infinity,"), PLAIN), "iData.csv:4", "x1");
        assertBad(run(META, DATA.replace("C,Cc,g2,4,", "C,Cc,g2,x,"), PLAIN), "iData.csv:4", "Pop");
    }

    @Test
    void panelDataAndOverlappingCodesAreRefused() throws IOException {
        String panel = "uCode,Time,grp,Pop,x1,x2,x3\nA,2020,g,1,0,10,5\nB,2021,g,2,10,40,0\n";
        assertBad(run(META, panel, PLAIN), "iData.csv:3", "Time");
        assertBad(run(META, DATA.replace("C,Cc", "x1,Cc"), PLAIN), "iData.csv:4", "uCode", "x1");
        assertBad(run(META, DATA.replace("C,Cc", "A,Cc"), PLAIN), "iData.csv:4", "duplicate");
    }

    @Test
    void missingOutputDirectoryIsRefusedBeforeWork() throws IOException {
        Run r = run(META, DATA, PLAIN, "--uncertainty", "5", "--uncertainty-out", dir.resolve("no/U.csv").toString());
        assertBad(r, "no");
    }

    @Test
    void unknownParentIsLocated() throws IOException {
        assertBad(run(META.replace("1,x3,X three,1,2,,,,Q", "1,x3,X three,1,2,,,,Z"), DATA, PLAIN),
                "iMeta.csv:4", "Parent", "'Z'");
    }

    @Test
    void parentOnTheWrongLevelIsRefused() throws IOException {
        assertBad(run(META.replace("1,x3,X three,1,2,,,,Q", "1,x3,X three,1,2,,,,T"), DATA, PLAIN),
                "iMeta.csv:4", "Parent", "level 3");
    }

    @Test
    void unknownOpIsLocated() throws IOException {
        assertBad(run(META, DATA, "{\"steps\":[\n  {\"op\":\"normalize\"},\n  {\"op\":\"aggregate\"}]}"),
                "pipeline.json:2", "column", "normalize");
    }

    @Test
    void unknownMethodAndOptionAreRefused() throws IOException {
        assertBad(run(META, DATA, "{\"steps\":[{\"op\":\"normalise\",\"method\":\"minimax\"},{\"op\":\"aggregate\"}]}"),
                "pipeline.json:1", "minimax");
        assertBad(run(META, DATA, "{\"steps\":[{\"op\":\"treat\",\"max_pts\":3},{\"op\":\"aggregate\"}]}"),
                "pipeline.json:1", "max_pts");
        assertBad(run(META, DATA, "{\"steps\":[{\"op\":\"normalise\"}]}"), "aggregate");
        assertBad(run(META, DATA, "{\"steps\":[{\"op\":\"impute\",\"method\":\"mean_group\",\"group\":\"nope\"},"
                + "{\"op\":\"aggregate\"}]}"), "nope");
        assertBad(run(META, DATA, "{\"steps\":[{\"op\":\"aggregate\"}"), "pipeline.json", "invalid JSON");
        assertBad(run(META, DATA, "{\"steps\":[{\"op\":\"normalise\",\"method\":\"rank\",\"method\":\"minmax\"},"
                + "{\"op\":\"aggregate\"}]}"), "pipeline.json:1", "Duplicate");
    }

    @Test
    void indicatorMissingFromDataIsLocatedInMeta() throws IOException {
        assertBad(run(META, DATA.replace(",x3", ",x3b"), PLAIN), "iMeta.csv:4", "iCode", "x3");
    }

    @Test
    void dataColumnNotInMetaIsRefusedAsNewCoin() throws IOException {
        assertBad(run(META, "uCode,grp,Pop,x1,x2,x3,region\nA,g,1,0,10,5,north\n", PLAIN), "iData.csv:1", "region");
        assertBad(run(META, DATA.replace("uCode,uName,grp", "uCode,uName,region"), PLAIN), "iMeta.csv:8", "grp");
    }

    @Test
    void unitsAreSortedByUCodeAsNewCoin() throws IOException {
        String data = "uCode,grp,Pop,x1,x2,x3\nC,g,4,5,,10\nA,g,1,0,10,5\nB,g,2,10,40,0\n";
        Run r = run(META, data, PLAIN);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo("""
                uCode,P,Q,T,Rank
                A,50,50,50,2
                B,50,0,12.5,3
                C,50,100,87.5,1
                """);
    }

    @Test
    void otherMetaErrors() throws IOException {
        assertBad(run(META.replace("1,x2,X two,-1", "1,x2,X two,0"), DATA, PLAIN), "iMeta.csv:3", "Direction");
        assertBad(run(META.replace("1,x3,X three,1,2", "1,x3,X three,1,heavy"), DATA, PLAIN), "iMeta.csv:4", "Weight");
        assertBad(run(META.replace("Pop,Population,,,,,,,Denominator", "x1,Dup,,,,,,,Other"), DATA, PLAIN),
                "iMeta.csv:9", "duplicate");
        assertBad(run(META.replace("Group", "Grouping"), DATA, PLAIN), "iMeta.csv:8", "Type");
        assertBad(run(META.replace(",,,Pop,P,Indicator", ",,,Area,P,Indicator"), DATA, PLAIN), "iMeta.csv:3",
                "Denominator", "Area");
    }

    @Test
    void geometricMeanOverZerosIsRefusedAsCoinrStops() throws IOException {
        assertBad(run(META, DATA, "{\"steps\":[{\"op\":\"normalise\"},\n{\"op\":\"aggregate\",\"method\":\"gmean\"}]}"),
                "pipeline.json:2", "geometric mean");
    }

    @Test
    void uncertaintyOptionsGoTogether() throws IOException {
        assertBad(run(META, DATA, PLAIN, "--uncertainty", "10"), "--uncertainty");
    }

    static final String UNCERTAIN = """
            {"steps":[{"op":"normalise","method":"minmax","range":[1,100]},{"op":"aggregate","method":"amean"}],
             "uncertainty":{"weights_noise":0.25,
               "normalise":[{"method":"minmax","range":[1,100]},{"method":"zscore","mean_sd":[10,1]},"rank"],
               "aggregate":["amean","gmean"]}}
            """;

    @Test
    void uncertaintyIsDeterministicForASeed() throws IOException {
        String data = "uCode,grp,Pop,x1,x2,x3\nA,g,1,1,5,3\nB,g,1,2,4,4\nC,g,1,3,3,1\nD,g,1,4,2,2\nE,g,1,5,1,5\n";
        Path u = dir.resolve("U.csv");
        Run r = run(META, data, UNCERTAIN, "--uncertainty", "200", "--seed", "7", "--uncertainty-out", u.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String first = Files.readString(u);
        run(META, data, UNCERTAIN, "--uncertainty", "200", "--seed", "7", "--uncertainty-out", u.toString());
        assertThat(Files.readString(u)).isEqualTo(first);

        List<String> lines = List.of(first.split("\n"));
        assertThat(lines.get(0)).isEqualTo("uCode,nominal_rank,median_rank,q05_rank,q95_rank");
        assertThat(lines).hasSize(6);
        List<String> results = Files.readAllLines(dir.resolve("results.csv"));
        for (int k = 1; k < lines.size(); k++) {
            String[] f = lines.get(k).split(",");
            String[] res = results.get(k).split(",");
            assertThat(f[0]).isEqualTo(res[0]);
            assertThat(f[1]).as("nominal rank is the results' Rank").isEqualTo(res[res.length - 1]);
            double med = Double.parseDouble(f[2]);
            double q05 = Double.parseDouble(f[3]);
            double q95 = Double.parseDouble(f[4]);
            assertThat(q05).isLessThanOrEqualTo(med);
            assertThat(med).isLessThanOrEqualTo(q95);
            assertThat(q05).isGreaterThanOrEqualTo(1);
            assertThat(q95).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void auditFileIsWrittenOnRequest() throws IOException {
        Path a = dir.resolve("audit.csv");
        Run r = run(META, DATA, PLAIN, "--audit-out", a.toString(), "--strengths", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(a);
        assertThat(lines.get(0)).isEqualTo("section,code,other,value,flag");
        // raw data: C misses x2 → 2/3 of its indicators; x2 present for 2 of 3 units.
        assertThat(lines).contains("availability_unit,A,,1,", "availability_indicator,x3,,1,",
                "strength,C,x3,1,",
                // get_cronbach's formula with pairwise covariances: var x1 2500 (3 units), var x2 5000 (A, B),
                // cov −5000 (A, B): k²·mean off-diagonal / sum = 4·(−5000)/(−2500) = 8 (degenerate data, as COINr)
                "cronbach,P,,8,");
        assertThat(lines).anyMatch(l -> l.startsWith("availability_unit,C,,0.666666666666666"));
        assertThat(lines).anyMatch(l -> l.startsWith("correlation,x1,x2,") && l.endsWith(",within:negative"));
    }

    @Test
    void noNoiseAndNoAlternativesReproducesTheNominalRanks() throws IOException {
        String pipeline = "{\"steps\":[{\"op\":\"normalise\"},{\"op\":\"aggregate\"}],\"uncertainty\":{\"weights_noise\":0}}";
        Path u = dir.resolve("U.csv");
        Run r = run(META, DATA, pipeline, "--uncertainty", "20", "--seed", "1", "--uncertainty-out", u.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(u)).isEqualTo("""
                uCode,nominal_rank,median_rank,q05_rank,q95_rank
                A,2,2,2,2
                B,3,3,3,3
                C,1,1,1,1
                """);
    }
}
