package org.tandem.engine.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.cli.EngineCli;

class AssignCommandTest {

    @TempDir
    Path dir;

    Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int code = EngineCli.run(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void meetsEveryDemandAndPrintsTheSummary() throws Exception {
        Path r = file("R.csv", "\uFEFFgroup,reviewer_id,max_load\r\nVN,v1,2\r\nVN,v2,2\r\nRU,r1,2\r\n");
        Path d = file("D.csv", "proposal_id,group,required\nP1,VN,1\nP1,RU,1\nP2,VN,1\n");
        Path a = file("A.csv", "proposal_id,reviewer_id,score,extra\nP1,v1,0.9,x\nP1,v2,0.2,x\nP1,r1,\"0.5\",x\nP2,v1,0.8,x\nP2,v2,0.7,x\n");
        Path out = dir.resolve("OUT.csv");
        Run run = run("assign", "--reviewers", r.toString(), "--demands", d.toString(), "--affinity", a.toString(),
                "--out", out.toString());
        assertThat(run.code()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("{\"assigned\":3,\"total_affinity\":2.200000,\"min_proposal_affinity\":0.800000");
        assertThat(Files.readAllLines(out)).containsExactlyInAnyOrder("proposal_id,reviewer_id,score",
                "P1,v1,0.9", "P1,r1,0.5", "P2,v1,0.8");
    }

    @Test
    void fairPrintsTheProvenBoundNextToTheMinimumAndTotalDoesNot() throws Exception {
        // P1 and P2 each need one VN expert; total gives P2 the weak one (0.9 + 0.2), fair evens it out (0.5 + 0.5).
        Path r = file("R.csv", "reviewer_id,group,max_load\nv1,VN,1\nv2,VN,1\n");
        Path d = file("D.csv", "proposal_id,group,required\nP1,VN,1\nP2,VN,1\n");
        Path a = file("A.csv", "proposal_id,reviewer_id,score\nP1,v1,0.9\nP1,v2,0.5\nP2,v1,0.5\nP2,v2,0.2\n");
        Path out = dir.resolve("OUT.csv");
        Run fair = run("assign", "--reviewers", r.toString(), "--demands", d.toString(), "--affinity", a.toString(),
                "--objective", "fair", "--out", out.toString());
        assertThat(fair.code()).isZero();
        String[] lines = fair.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("{\"assigned\":2,\"total_affinity\":1.000000,"
                + "\"min_proposal_affinity\":0.500000,\"unmet\":0,\"min_bound\":0.500000,\"seconds\":");
        Run total = run("assign", "--reviewers", r.toString(), "--demands", d.toString(), "--affinity", a.toString(),
                "--out", out.toString());
        assertThat(total.out()).contains("\"min_proposal_affinity\":0.200000,\"unmet\":0,\"seconds\":")
                .doesNotContain("min_bound");
    }

    @Test
    void unmetDemandsExitThreeAndAreNamed() throws Exception {
        Path r = file("R.csv", "reviewer_id,group,max_load\nv1,VN,1\n");
        Path d = file("D.csv", "proposal_id,group,required\nP1,VN,1\nP2,VN,1\n");
        Path a = file("A.csv", "proposal_id,reviewer_id,score\nP1,v1,0.9\nP2,v1,0.8\n");
        Path c = file("C.csv", "proposal_id,reviewer_id\n");
        Run run = run("assign", "--reviewers", r.toString(), "--demands", d.toString(), "--affinity", a.toString(),
                "--conflicts", c.toString(), "--objective", "fair", "--out", dir.resolve("OUT.csv").toString());
        assertThat(run.code()).isEqualTo(EngineCli.EXIT_PARTIAL);
        assertThat(run.err()).contains("unmet: proposal P2 group VN missing 1: capacity exhausted");
    }

    @Test
    void badInputNamesFileLineAndFieldAndWritesNothing() throws Exception {
        Path r = file("R.csv", "reviewer_id,group,max_load,min_load\nv1,VN,1,0\nv2,VN,1,3\n");
        Path d = file("D.csv", "proposal_id,group,required\nP1,VN,1\n");
        Path a = file("A.csv", "proposal_id,reviewer_id,score\nP1,v1,high\n");
        Path out = dir.resolve("OUT.csv");
        Run minAboveMax = run("assign", "--reviewers", r.toString(), "--demands", d.toString(), "--affinity",
                a.toString(), "--out", out.toString());
        assertThat(minAboveMax.code()).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(minAboveMax.err()).contains("R.csv:3: min_load");
        Path r2 = file("R2.csv", "reviewer_id,group,max_load\nv1,VN,1\n");
        Run badScore = run("assign", "--reviewers", r2.toString(), "--demands", d.toString(), "--affinity", a.toString(),
                "--out", out.toString());
        assertThat(badScore.code()).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(badScore.err()).contains("A.csv:2: score: 'high' is not a number");
        Path a2 = file("A2.csv", "proposal_id,reviewer_id,score\nP1,ghost,0.5\n");
        assertThat(run("assign", "--reviewers", r2.toString(), "--demands", d.toString(), "--affinity", a2.toString(),
                "--out", out.toString()).err()).contains("A2.csv:2: reviewer_id: unknown reviewer ghost");
        Path d2 = file("D2.csv", "proposal_id,required\nP1,1\n");
        assertThat(run("assign", "--reviewers", r2.toString(), "--demands", d2.toString(), "--affinity", a2.toString(),
                "--out", out.toString()).err()).contains("D2.csv:1: group: column missing from the header");
        assertThat(out).doesNotExist();
    }
}
