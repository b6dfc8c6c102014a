package org.tandem.engine.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.cli.EngineCli;
import org.tandem.engine.io.CsvTable;

/** The command reads the files into arrays of its own; it must choose what the public API chooses for the same data. */
class AssignCsvPathTest {

    @TempDir
    Path dir;

    static String run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true));
            EngineCli.run(args);
            return out.toString();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void commandAndPublicApiChooseTheSamePairs() throws Exception {
        Random rnd = new Random(13);
        for (int t = 0; t < 40; t++) {
            int proposals = 2 + rnd.nextInt(6);
            int reviewers = 2 + rnd.nextInt(6);
            List<Reviewer> rs = new ArrayList<>();
            StringBuilder r = new StringBuilder("max_load,reviewer_id,group\n");
            for (int i = 0; i < reviewers; i++) {
                String id = i % 3 == 0 ? "r," + i : "r" + i;
                String group = i % 2 == 0 ? "VN" : "RU";
                int max = 1 + rnd.nextInt(3);
                rs.add(new Reviewer(id, group, max, 0));
                r.append(max).append(',').append(CsvTable.quote(id)).append(',').append(group).append('\n');
            }
            List<Demand> ds = new ArrayList<>();
            StringBuilder d = new StringBuilder("proposal_id,group,required\n");
            for (int p = 0; p < proposals; p++) {
                for (String g : new String[] {"VN", "RU", "XX"}) {
                    int required = rnd.nextInt(3);
                    ds.add(new Demand("p" + p, g, required));
                    d.append("p").append(p).append(',').append(g).append(',').append(required).append('\n');
                }
            }
            List<Candidate> cs = new ArrayList<>();
            Set<AssignmentProblem.Pair> conflicts = new HashSet<>();
            StringBuilder a = new StringBuilder("score,reviewer_id,proposal_id\r\n");
            StringBuilder c = new StringBuilder("reviewer_id,proposal_id\n");
            for (int p = proposals; p >= -1; p--) {
                for (Reviewer rv : rs) {
                    if (rnd.nextInt(10) < 3) {
                        continue;
                    }
                    String pid = "p" + p;
                    double s = Math.round(rnd.nextDouble() * 10_000) / 10_000.0;
                    String text = switch (rnd.nextInt(4)) {
                        case 0 -> String.format(Locale.ROOT, "%.4f", s);
                        case 1 -> String.valueOf(s);
                        case 2 -> s + "e0";
                        default -> "+" + s;
                    };
                    cs.add(new Candidate(pid, rv.id(), Double.parseDouble(text), text));
                    a.append(rnd.nextBoolean() ? " " + text + " " : "\"" + text + "\"").append(',')
                            .append(CsvTable.quote(rv.id())).append(',').append(pid).append("\r\n");
                    if (rnd.nextInt(6) == 0) {
                        conflicts.add(new AssignmentProblem.Pair(pid, rv.id()));
                        c.append(CsvTable.quote(rv.id())).append(',').append(pid).append('\n');
                    }
                }
            }
            c.append("ghost,p0\nr1,nobody\n");
            Path rf = Files.writeString(dir.resolve("R" + t + ".csv"), r);
            Path df = Files.writeString(dir.resolve("D" + t + ".csv"), d);
            Path af = Files.writeString(dir.resolve("A" + t + ".csv"), a);
            Path cf = Files.writeString(dir.resolve("C" + t + ".csv"), c);
            Path out = dir.resolve("OUT" + t + ".csv");
            String objective = t % 4 == 0 ? "fair" : "total";
            String summary = run("assign", "--reviewers", rf.toString(), "--demands", df.toString(), "--affinity",
                    af.toString(), "--conflicts", cf.toString(), "--objective", objective, "--out", out.toString());

            AssignmentResult api = Assigner.assign(new AssignmentProblem(rs, ds, cs, conflicts),
                    t % 4 == 0 ? Assigner.Objective.FAIR : Assigner.Objective.TOTAL, 10);
            List<String> want = new ArrayList<>(List.of("proposal_id,reviewer_id,score"));
            api.assigned().forEach(x -> want.add(CsvTable.quote(x.proposalId()) + ',' + CsvTable.quote(x.reviewerId())
                    + ',' + x.scoreText()));
            assertThat(Files.readAllLines(out)).as("instance %d", t).isEqualTo(want);
            assertThat(summary).as("instance %d", t).startsWith(String.format(Locale.ROOT,
                    "{\"assigned\":%d,\"total_affinity\":%.6f,\"min_proposal_affinity\":%.6f,\"unmet\":%d,",
                    api.assigned().size(), api.totalAffinity(), api.minProposalAffinity(), api.unmet().size()));
        }
    }

    @Test
    void aDuplicatePairIsReportedAfterTheWholeFileAsBefore() throws Exception {
        Path r = Files.writeString(dir.resolve("R.csv"), "reviewer_id,group,max_load\nv1,VN,2\nv2,VN,2\n");
        Path d = Files.writeString(dir.resolve("D.csv"), "proposal_id,group,required\nP1,VN,1\nP2,VN,1\n");
        String pairs = "proposal_id,reviewer_id,score\nP1,v2,0.1\nP2,v1,0.2\nP2,v1,0.3\nP1,v2,0.4\n";
        Path a = Files.writeString(dir.resolve("A.csv"), pairs);
        Path a2 = Files.writeString(dir.resolve("A2.csv"), pairs + "P1,v1,x\n");
        Path out = dir.resolve("OUT.csv");
        assertThat(runErr("assign", "--reviewers", r.toString(), "--demands", d.toString(), "--affinity", a.toString(),
                "--out", out.toString())).contains("A.csv:5: reviewer_id: duplicate pair P1,v2");
        assertThat(runErr("assign", "--reviewers", r.toString(), "--demands", d.toString(), "--affinity", a2.toString(),
                "--out", out.toString())).contains("A2.csv:6: score: 'x' is not a number");
        Path dupReviewer = Files.writeString(dir.resolve("R2.csv"), "reviewer_id,group,max_load\nv1,VN,2\n v1 ,RU,1\n");
        assertThat(runErr("assign", "--reviewers", dupReviewer.toString(), "--demands", d.toString(), "--affinity",
                a.toString(), "--out", out.toString())).contains("R2.csv:3: reviewer_id: duplicate reviewer v1");
        assertThat(out).doesNotExist();
    }

    static String runErr(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
            EngineCli.run(args);
            return err.toString();
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }
}
