package org.tandem.engine.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.engine.cli.EngineCli;

/** The fixed CLI contract: files in, OUT.csv and one JSON line out, exit codes 0 / 2 / 3. */
class SelectCommandTest {

    @TempDir
    Path dir;

    static final String P = "proposal_id,field,merit\nA,AI,9.0\nB,AI,8.5\nC,MATH,6.0\n";
    static final String C = "proposal_id,party,cost\nA,VN,3000000000\nA,RU,2000000.00\nB,VN,2000000000\nB,RU,2000000\n"
            + "C,VN,1000000000\nC,RU,1000000.50\n";
    static final String B = "party,budget\nVN,5000000000\nRU,3000000.50\n";
    static final String Q = "field,min_count,max_count\nMATH,1,\nAI,0,2\n";

    record Run(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    Run run(String p, String c, String b, String q, String... extra) throws IOException {
        Files.writeString(dir.resolve("P.csv"), p);
        Files.writeString(dir.resolve("C.csv"), c);
        Files.writeString(dir.resolve("B.csv"), b);
        List<String> args = new ArrayList<>(List.of("select", "--proposals", dir.resolve("P.csv").toString(),
                "--costs", dir.resolve("C.csv").toString(), "--budgets", dir.resolve("B.csv").toString(),
                "--out", dir.resolve("OUT.csv").toString()));
        if (q != null) {
            Files.writeString(dir.resolve("Q.csv"), q);
            args.addAll(List.of("--quotas", dir.resolve("Q.csv").toString()));
        }
        args.addAll(List.of(extra));
        return exec(args.toArray(String[]::new));
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

    @Test
    void rankWritesDecisionsAndOneJsonLine() throws IOException {
        Run r = run(P, C, B, Q);
        assertThat(r.exit()).as(r.err()).isZero();
        // Rank: pass 1 funds C (MATH min 1): left VN 4e9, RU 2000000.00. A (3e9, 2000000.00) fits exactly.
        // B then needs VN 2e9 > 1e9 and RU 2000000 > 0 → both.
        assertThat(Files.readString(dir.resolve("OUT.csv"))).isEqualTo(
                "proposal_id,funded,reason\nA,true,\nB,false,budget:RU+VN\nC,true,\n");
        assertThat(r.lastLine()).isEqualTo(
                "{\"funded\":2,\"total_merit\":15.0,\"spent\":{\"RU\":3000000.50,\"VN\":4000000000},\"optimal\":false,\"seconds\":"
                        + r.lastLine().replaceAll(".*\"seconds\":", ""));
        assertThat(r.lastLine()).matches(".*\"seconds\":[0-9]+\\.[0-9]{3}}");
    }

    @Test
    void optimalReportsProvenOptimum() throws IOException {
        Run r = run(P, C, B, Q, "--policy", "optimal");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lastLine()).contains("\"funded\":2", "\"total_merit\":15.0", "\"optimal\":true");
        // Proven: the bound is the merit itself and the gap is zero; both come before seconds.
        assertThat(r.lastLine()).contains("\"optimal\":true,\"merit_bound\":15.0,\"gap\":0.000000,\"seconds\":");
    }

    @Test
    void messyButValidCsvGivesTheSameResult() throws IOException {
        run(P, C, B, Q);
        String clean = Files.readString(dir.resolve("OUT.csv"));
        // BOM, CRLF, other column order, extra columns, quotes, padding, blank lines, empty min = 0.
        String p = "\uFEFF merit , \"proposal_id\",field,comment\r\n9.0,A,AI,\"great, really\"\r\n\r\n"
                + " 8.5 ,\"B\", AI ,\"said \"\"ok\"\"\"\r\n6.0,C,MATH,\"two\nlines\"\r\n";
        String c = "party,cost,proposal_id\r\nVN,3000000000,A\r\nRU,\"2000000.00\",A\r\nVN,2000000000,B\r\n"
                + "RU,2000000,B\r\nVN,1000000000,C\r\nRU,1000000.50,C\r\n";
        String b = "\uFEFFbudget,party,note\r\n5000000000,VN,x\r\n3000000.50,RU,y\r\n";
        String q = "MAX_COUNT,field,min_count\r\n,MATH,1\r\n2,AI,\r\n";
        Run r = run(p, c, b, q);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("OUT.csv"))).isEqualTo(clean);
    }

    @Test
    void unreachableMinimumWritesTheResultAndExits3() throws IOException {
        // MATH needs 2 but there is a single MATH proposal: no budget can meet it.
        String q = "field,min_count,max_count\nMATH,2,5\n";
        for (String policy : List.of("rank", "optimal")) {
            Files.deleteIfExists(dir.resolve("OUT.csv"));
            Run r = run(P, C, B, q, "--policy", policy);
            assertThat(r.exit()).as(policy + ": " + r.err()).isEqualTo(EngineCli.EXIT_PARTIAL);
            assertThat(r.err()).contains("quota:min:MATH (1 funded, minimum 2)");
            assertThat(dir.resolve("OUT.csv")).exists();
            assertThat(r.lastLine()).startsWith("{\"funded\":2,");
        }
    }

    @Test
    void minimumTooExpensiveForTheBudgetExits3() throws IOException {
        // Every MATH proposal alone costs more RU than the whole RU budget.
        String c = C.replace("C,RU,1000000.50", "C,RU,9000000");
        Run r = run(P, c, B, Q, "--policy", "optimal");
        assertThat(r.exit()).isEqualTo(EngineCli.EXIT_PARTIAL);
        assertThat(r.err()).contains("quota:min:MATH (0 funded, minimum 1)");
        assertThat(Files.readString(dir.resolve("OUT.csv"))).contains("C,false,budget:RU");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("merit not a number", P.replace("A,AI,9.0", "A,AI,nine"), C, B, Q, "P.csv:2: merit:"),
                Arguments.of("negative merit", P.replace("B,AI,8.5", "B,AI,-1"), C, B, Q, "P.csv:3: merit:"),
                Arguments.of("cost not a number", P, C.replace("A,VN,3000000000", "A,VN,3 000"), B, Q, "C.csv:2: cost:"),
                Arguments.of("negative cost", P, C.replace("B,RU,2000000", "B,RU,-2000000"), B, Q, "C.csv:5: cost:"),
                Arguments.of("budget not a number", P, C, B.replace("VN,5000000000", "VN,5e9x"), Q, "B.csv:2: budget:"),
                Arguments.of("negative budget", P, C, B.replace("RU,3000000.50", "RU,-3"), Q, "B.csv:3: budget:"),
                Arguments.of("cost for unknown proposal", P, C + "Z,VN,1\n", B, Q, "C.csv:8: proposal_id:"),
                Arguments.of("cost for party without budget", P, C + "A,KZ,1\n", B, Q, "C.csv:8: party:"),
                Arguments.of("duplicate proposal id", P + "A,BIO,1\n", C, B, Q, "P.csv:5: proposal_id:"),
                Arguments.of("duplicate cost row", P, C + "A,VN,1\n", B, Q, "C.csv:8: party:"),
                Arguments.of("duplicate budget party", P, C, B + "VN,1\n", Q, "B.csv:4: party:"),
                Arguments.of("duplicate quota field", P, C, B, Q + "AI,0,1\n", "Q.csv:4: field:"),
                Arguments.of("min_count > max_count", P, C, B, Q.replace("AI,0,2", "AI,3,2"), "Q.csv:3: max_count:"),
                Arguments.of("proposal without cost rows", P + "D,BIO,1\n", C, B, Q, "P.csv:5: proposal_id:"),
                Arguments.of("missing column", "proposal_id,merit\nA,1\n", C, B, Q, "P.csv:1: field:"),
                Arguments.of("short row", P.replace("B,AI,8.5", "B,AI"), C, B, Q, "P.csv:3: merit:"),
                Arguments.of("unclosed quote", P.replace("C,MATH", "\"C,MATH"), C, B, Q, "P.csv:4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExits2NamingFileLineFieldAndWritesNothing(String name, String p, String c, String b, String q,
                                                           String where) throws IOException {
        Run r = run(p, c, b, q);
        assertThat(r.exit()).as(r.err()).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(where);
        assertThat(dir.resolve("OUT.csv")).doesNotExist();
        assertThat(r.out()).isEmpty();

        // An existing OUT.csv from an earlier run is not touched either.
        Files.writeString(dir.resolve("OUT.csv"), "earlier result\n");
        run(p, c, b, q);
        assertThat(Files.readString(dir.resolve("OUT.csv"))).isEqualTo("earlier result\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".tmp"));
        }
    }

    @Test
    void missingFileIsBadInput() throws IOException {
        run(P, C, B, Q, "--help"); // writes the input files only
        Run r = exec("select", "--proposals", dir.resolve("P.csv").toString(), "--costs", dir.resolve("C.csv").toString(),
                "--budgets", dir.resolve("nope.csv").toString(), "--out", dir.resolve("OUT.csv").toString());
        assertThat(r.exit()).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("nope.csv: file: no such file");
        assertThat(dir.resolve("OUT.csv")).doesNotExist();
    }

    @Test
    void unknownPolicyIsBadInput() throws IOException {
        Run r = run(P, C, B, Q, "--policy", "lottery");
        assertThat(r.exit()).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(dir.resolve("OUT.csv")).doesNotExist();
    }
}
