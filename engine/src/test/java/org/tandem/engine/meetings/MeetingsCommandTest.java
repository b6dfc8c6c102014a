package org.tandem.engine.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.cli.EngineCli;

class MeetingsCommandTest {

    @TempDir
    Path dir;

    Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    record Run(int code, String out, String err) {
        String json() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
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

    Run meetings(Path p, Path w, Path s, Path out) {
        return run("meetings", "--participants", p.toString(), "--wishes", w.toString(), "--slots", s.toString(),
                "--out", out.toString());
    }

    @Test
    void aMutualWishIsOneMeetingWorthBothPriorities() throws Exception {
        // a and b wish each other (2 + 3 = 5); c wishes a at 3. a may meet once: a-b (5) beats a-c (3),
        // and c's only wish cannot be met.
        Path p = file("P.csv", "participant_id,max_meetings\na,1\nb,2\nc,2\n");
        Path w = file("W.csv", "requester_id,target_id,priority\na,b,2\nb,a,3\nc,a,3\n");
        Path s = file("S.csv", "slot_id,tables\n9:00,5\n9:30,5\n");
        Path out = dir.resolve("OUT.csv");
        Run run = meetings(p, w, s, out);
        assertThat(run.code()).isZero();
        assertThat(run.json()).matches("\\{\"meetings\":1,\"weight\":5,\"upper_bound\":5,\"seconds\":[0-9.]+}");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("slot_id,participant_a,participant_b");
        assertThat(lines.get(1)).matches("9:(00|30),a,b");
    }

    @Test
    void unavailabilityAndTablesDecideTheSlots() throws Exception {
        // One table per slot; b is away at 9:00, so a-b must be at 9:30 and c-d takes 9:00.
        Path p = file("P.csv", "participant_id,max_meetings,unavailable\na,4,\nb,4,9:00\nc,4,\nd,4,9:30 ; 10:00\n");
        Path w = file("W.csv", "requester_id,target_id,priority\na,b,1\nc,d,1\n");
        Path s = file("S.csv", "slot_id,tables\n9:00,1\n9:30,1\n10:00,0\n");
        Path out = dir.resolve("OUT.csv");
        Run run = meetings(p, w, s, out);
        assertThat(run.code()).isZero();
        assertThat(run.json()).startsWith("{\"meetings\":2,\"weight\":2,\"upper_bound\":2,");
        assertThat(Files.readAllLines(out)).containsExactly("slot_id,participant_a,participant_b", "9:00,c,d", "9:30,a,b");
    }

    @Test
    void anEmptyForumIsAnEmptySchedule() throws Exception {
        Path p = file("P.csv", "participant_id,max_meetings\na,3\n");
        Path w = file("W.csv", "requester_id,target_id,priority\n");
        Path s = file("S.csv", "slot_id,tables\nx,2\n");
        Path out = dir.resolve("OUT.csv");
        Run run = meetings(p, w, s, out);
        assertThat(run.code()).isZero();
        assertThat(run.json()).startsWith("{\"meetings\":0,\"weight\":0,\"upper_bound\":0,");
        assertThat(Files.readAllLines(out)).containsExactly("slot_id,participant_a,participant_b");
    }

    @Test
    void badInputNamesFileLineAndFieldAndWritesNothing() throws Exception {
        Path p = file("P.csv", "participant_id,max_meetings,unavailable\na,3,\nb,3,s2\nc,3,\n");
        Path w = file("W.csv", "requester_id,target_id,priority\na,b,1\nb,c,3\n");
        Path s = file("S.csv", "slot_id,tables\ns1,2\ns2,2\n");
        Path out = dir.resolve("OUT.csv");
        assertRefused(p, file("W1.csv", "requester_id,target_id,priority\na,b,1\na,ghost,2\n"), s, out,
                "W1.csv:3: target_id: unknown participant ghost");
        assertRefused(p, file("W2.csv", "requester_id,target_id,priority\na,b,4\n"), s, out,
                "W2.csv:2: priority: must be 1, 2 or 3, got 4");
        assertRefused(p, file("W3.csv", "requester_id,target_id,priority\na,b,0\n"), s, out,
                "W3.csv:2: priority: must be 1, 2 or 3, got 0");
        assertRefused(p, file("W4.csv", "requester_id,target_id,priority\na,b,high\n"), s, out,
                "W4.csv:2: priority: 'high' is not a whole number");
        assertRefused(p, file("W5.csv", "requester_id,target_id,priority\nb,c,1\nc,c,2\n"), s, out,
                "W5.csv:3: target_id: c wishes to meet itself");
        assertRefused(p, file("W6.csv", "requester_id,target_id,priority\na,b,1\nb,a,1\na,b,2\n"), s, out,
                "W6.csv:4: target_id: duplicate wish a -> b (first on line 2)");
        assertRefused(p, file("W7.csv", "requester_id,priority\na,1\n"), s, out,
                "W7.csv:1: target_id: column missing from the header");
        assertRefused(p, w, file("S1.csv", "slot_id,tables\ns1,2\ns2,2.5\n"), out,
                "S1.csv:3: tables: '2.5' is not a whole number");
        assertRefused(p, w, file("S2.csv", "slot_id,tables\ns1,2\ns2,-1\n"), out,
                "S2.csv:3: tables: must not be negative");
        assertRefused(p, w, file("S3.csv", "slot_id,tables\ns1,2\ns1,3\n"), out,
                "S3.csv:3: slot_id: duplicate slot s1");
        assertRefused(file("P1.csv", "participant_id,max_meetings,unavailable\na,3,s1;lunch\nb,3,\n"), w, s, out,
                "P1.csv:2: unavailable: unknown slot lunch");
        assertRefused(file("P2.csv", "participant_id,max_meetings\na,3\nb,3\na,2\n"), w, s, out,
                "P2.csv:4: participant_id: duplicate participant a");
        assertRefused(file("P3.csv", "participant_id,max_meetings\na,3\nb,\n"), w, s, out,
                "P3.csv:3: max_meetings: value is missing");
        assertRefused(p, w, file("S4.csv", "slot_id,tables\ns1,2\n\"a;b\",2\n"), out,
                "S4.csv:3: slot_id: slot id a;b contains ';'");
        assertRefused(p, w, dir.resolve("missing.csv"), out, "missing.csv: file: no such file");
        // A schedule written before stays as it was: nothing is written on bad input.
        Files.writeString(out, "previous\n");
        assertRefused(p, file("W8.csv", "requester_id,target_id,priority\nx,b,1\n"), s, out,
                "W8.csv:2: requester_id: unknown participant x");
        assertThat(Files.readString(out)).isEqualTo("previous\n");
        Files.delete(out);
        assertThat(meetings(p, w, s, out).code()).isZero();
        assertThat(out).exists();
    }

    private void assertRefused(Path p, Path w, Path s, Path out, String message) {
        boolean existed = Files.exists(out);
        Run run = meetings(p, w, s, out);
        assertThat(run.code()).as(message).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
        if (!existed) {
            assertThat(out).doesNotExist();
        }
    }

    private static final Pattern JSON = Pattern.compile(
            "\\{\"meetings\":(\\d+),\"weight\":(\\d+),\"upper_bound\":([0-9.]+),\"seconds\":[0-9.]+}");

    /** Every rule checked on the files themselves, knowing nothing of the solver's data structures. */
    @Test
    void everyScheduleOfGeneratedForumsKeepsEveryRule() throws Exception {
        // Small and large tables, few and many slots, sparse and dense wishes.
        int[][] shapes = {{60, 400, 6, 12}, {120, 1500, 10, 25}, {250, 2500, 16, 40}, {250, 4000, 8, 200},
            {80, 3000, 30, 2}, {300, 200, 3, 50}};
        for (int[] shape : shapes) {
            for (long seed = 11; seed <= 13; seed++) {
                InstanceGenerator.write(shape[0], shape[1], shape[2], shape[3], dir, seed);
                Path out = dir.resolve("OUT.csv");
                // A short limit: small forums short of the bound go to CP-SAT, which would use all the time given.
                Run run = run("meetings", "--participants", dir.resolve("P.csv").toString(), "--wishes",
                        dir.resolve("W.csv").toString(), "--slots", dir.resolve("S.csv").toString(), "--out",
                        out.toString(), "--seconds", "2");
                String what = java.util.Arrays.toString(shape) + " seed " + seed;
                assertThat(run.code()).as(what).isZero();
                Matcher m = JSON.matcher(run.json());
                assertThat(m.matches()).as(what + ": " + run.json()).isTrue();
                long weight = check(dir, out, what);
                assertThat(Long.parseLong(m.group(2))).as(what).isEqualTo(weight);
                assertThat(Long.parseLong(m.group(1))).as(what).isEqualTo(Files.readAllLines(out).size() - 1);
                assertThat(Double.parseDouble(m.group(3))).as(what).isGreaterThanOrEqualTo(weight);
            }
        }
    }

    @Test
    void theSameForumGivesTheSameSchedule() throws Exception {
        InstanceGenerator.write(300, 3000, 12, 60, dir, 5);
        Path first = dir.resolve("OUT1.csv");
        Path second = dir.resolve("OUT2.csv");
        assertThat(meetings(dir.resolve("P.csv"), dir.resolve("W.csv"), dir.resolve("S.csv"), first).code()).isZero();
        assertThat(meetings(dir.resolve("P.csv"), dir.resolve("W.csv"), dir.resolve("S.csv"), second).code()).isZero();
        assertThat(Files.readAllLines(second)).isEqualTo(Files.readAllLines(first));
    }

    /** The weight of OUT.csv after checking it against P, W and S; fails the test on any broken rule. */
    static long check(Path dir, Path out, String what) throws Exception {
        Map<String, Integer> max = new HashMap<>();
        Map<String, Set<String>> away = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("P.csv")).subList(1, Files.readAllLines(dir.resolve("P.csv")).size())) {
            String[] f = line.split(",", -1);
            max.put(f[0], Integer.parseInt(f[1]));
            away.put(f[0], new HashSet<>(List.of(f[2].split(";"))));
        }
        Map<String, Integer> tables = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("S.csv")).subList(1, Files.readAllLines(dir.resolve("S.csv")).size())) {
            String[] f = line.split(",");
            tables.put(f[0], Integer.parseInt(f[1]));
        }
        Map<String, Integer> wished = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("W.csv")).subList(1, Files.readAllLines(dir.resolve("W.csv")).size())) {
            String[] f = line.split(",");
            wished.merge(f[0] + "|" + f[1], Integer.parseInt(f[2]), Integer::sum);
        }
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(0)).isEqualTo("slot_id,participant_a,participant_b");
        Set<String> met = new HashSet<>();
        Set<String> busy = new HashSet<>();
        Map<String, Integer> meetings = new HashMap<>();
        Map<String, Integer> inSlot = new HashMap<>();
        long weight = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            String slot = f[0];
            String a = f[1];
            String b = f[2];
            assertThat(tables).as(what).containsKey(slot);
            assertThat(a).as(what).isNotEqualTo(b);
            int w = wished.getOrDefault(a + "|" + b, 0) + wished.getOrDefault(b + "|" + a, 0);
            assertThat(w).as(what + ": unwished pair " + row).isPositive();
            weight += w;
            String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
            assertThat(met.add(pair)).as(what + ": pair twice " + row).isTrue();
            for (String v : new String[] {a, b}) {
                assertThat(away.get(v)).as(what + ": unavailable " + row).doesNotContain(slot);
                assertThat(busy.add(v + "@" + slot)).as(what + ": twice in a slot " + row).isTrue();
                meetings.merge(v, 1, Integer::sum);
            }
            inSlot.merge(slot, 1, Integer::sum);
        }
        meetings.forEach((v, n) -> assertThat(n).as(what + ": meetings of " + v).isLessThanOrEqualTo(max.get(v)));
        inSlot.forEach((s, n) -> assertThat(n).as(what + ": meetings in " + s).isLessThanOrEqualTo(tables.get(s)));
        return weight;
    }
}
