package org.tandem.engine.meetings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tandem.engine.cli.EngineCli;
import org.tandem.engine.io.BadInputException;
import org.tandem.engine.io.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meetings}: one-to-one meetings of a forum in time slots, the heaviest wishes first (docs/engine/meetings.md). */
@Command(name = "meetings", mixinStandardHelpOptions = true,
        description = "Schedule B2B meetings of a forum into slots, maximising the total priority of the wishes met.")
public final class MeetingsCommand implements Callable<Integer> {

    @Option(names = "--participants", required = true, description = "participant_id,max_meetings[,unavailable] (slot ids separated by ;)")
    Path participantsFile;
    @Option(names = "--wishes", required = true, description = "requester_id,target_id,priority (1-3)")
    Path wishesFile;
    @Option(names = "--slots", required = true, description = "slot_id,tables")
    Path slotsFile;
    @Option(names = "--out", required = true, description = "OUT.csv: slot_id,participant_a,participant_b")
    Path out;
    // Counted from the command's start, not from the end of reading: on a shared machine loading the
    // native libraries can take seconds, and the whole run is what has to stay under 10 s.
    @Option(names = "--seconds", defaultValue = "7", description = "time limit of the whole run, seconds (default 7); the search stops early at the bound")
    double seconds;
    @Option(names = "--baseline", description = "also schedule greedily (heaviest wish first, first free slot) and report it on stderr")
    boolean baseline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Thread natives = org.tandem.engine.io.OrTools.loadInBackground();
        PrintWriter err = spec.commandLine().getErr();
        Forum forum;
        try {
            if (!(seconds > 0)) {
                throw new BadInputException(Path.of("--seconds"), 0, "seconds", "must be positive, got " + seconds);
            }
            forum = ForumFiles.read(participantsFile, wishesFile, slotsFile);
        } catch (BadInputException e) {
            err.println("bad input: " + e.getMessage());
            err.flush();
            join(natives);
            return EngineCli.EXIT_BAD_INPUT;
        }
        long deadline = start + (long) (seconds * 1e9);
        long read = System.nanoTime();
        join(natives);
        long loaded = System.nanoTime();
        Solution solution = solve(forum, deadline);
        if (baseline) {
            Schedule greedy = Scheduler.greedy(forum);
            err.printf(Locale.ROOT, "baseline greedy: meetings %d, weight %d, ratio to bound %.4f%n", greedy.meetings,
                    greedy.weight, solution.boundHalves == 0 ? 1.0 : 2.0 * greedy.weight / solution.boundHalves);
        }
        try {
            write(forum, solution.slotOf);
        } catch (IOException e) {
            err.println("cannot write " + out + ": " + e);
            err.flush();
            return EngineCli.EXIT_BAD_INPUT;
        }
        if (Boolean.getBoolean("tandem.timings")) {
            err.printf(Locale.ROOT, "timings: read %.3f s, natives wait %.3f s, solve and write %.3f s%n",
                    (read - start) / 1e9, (loaded - read) / 1e9, (System.nanoTime() - loaded) / 1e9);
        }
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "{\"meetings\":%d,\"weight\":%d,\"upper_bound\":%s,\"seconds\":%.3f}%n", solution.meetings,
                solution.weight, halves(solution.boundHalves), (System.nanoTime() - start) / 1e9);
        o.flush();
        return 0;
    }

    /** A schedule with its weight and a proven bound (in halves). */
    record Solution(int[] slotOf, int meetings, long weight, long boundHalves) {
    }

    /** Bound, heuristic and, on small forums, the exact model; the schedule is checked before it is returned. */
    static Solution solve(Forum forum, long deadline) {
        long t0 = System.nanoTime();
        UpperBound bound = UpperBound.of(forum);
        if (Boolean.getBoolean("tandem.timings")) {
            System.err.printf(Locale.ROOT, "bound: %.3f s, %.1f%n", (System.nanoTime() - t0) / 1e9, bound.halves / 2.0);
        }
        Schedule schedule = Scheduler.optimise(forum, bound, deadline);
        String broken = schedule.violation();
        if (broken != null) {
            throw new IllegalStateException("the scheduler broke a rule: " + broken);
        }
        int[] slotOf = schedule.slotOf;
        long weight = schedule.weight;
        int meetings = schedule.meetings;
        // The optimum is a whole number, so it is at most the bound's integer part.
        long boundHalves = bound.halves / 2 * 2;
        if (2 * weight > boundHalves) {
            // Never raise the bound to fit: a schedule above a proven bound means one of them is wrong.
            throw new IllegalStateException("schedule weight " + weight + " above the bound " + halves(boundHalves));
        }
        double left = (deadline - System.nanoTime()) / 1e9;
        if (2 * weight < boundHalves && left > 0.05 && ExactSolver.variables(forum) <= ExactSolver.MAX_VARIABLES) {
            ExactSolver.Result exact = ExactSolver.solve(forum, schedule, left);
            if (exact != null) {
                Schedule check = new Schedule(forum);
                for (int p = 0; p < forum.pairs(); p++) {
                    if (exact.slotOf()[p] >= 0) {
                        check.place(p, exact.slotOf()[p]);
                    }
                }
                if (check.violation() == null && check.weight >= weight) {
                    slotOf = check.slotOf;
                    weight = check.weight;
                    meetings = check.meetings;
                }
                boundHalves = Math.max(Math.min(boundHalves, exact.boundHalves()), 2 * weight);
            }
        }
        return new Solution(slotOf, meetings, weight, boundHalves);
    }

    static String halves(long h) {
        return h % 2 == 0 ? Long.toString(h / 2) : (h / 2) + ".5";
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Written to a temporary file and moved into place, so OUT.csv is either whole or absent. */
    private void write(Forum forum, int[] slotOf) throws IOException {
        List<Integer> meetings = new ArrayList<>();
        for (int p = 0; p < slotOf.length; p++) {
            if (slotOf[p] >= 0) {
                meetings.add(p);
            }
        }
        long[] keys = new long[meetings.size()];
        for (int i = 0; i < keys.length; i++) {
            int p = meetings.get(i);
            keys[i] = (long) slotOf[p] << 42 | (long) forum.first[p] << 21 | forum.second[p];
        }
        // Sorted by slot, then by participant number; the pair is found back from its key.
        Map<Long, Integer> byKey = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            byKey.put(keys[i], meetings.get(i));
        }
        Arrays.sort(keys);
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".meetings", ".csv");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("slot_id,participant_a,participant_b\n");
                for (long k : keys) {
                    int p = byKey.get(k);
                    w.write(CsvTable.quote(forum.slotIds[slotOf[p]]) + ',' + CsvTable.quote(forum.participantIds[forum.first[p]])
                            + ',' + CsvTable.quote(forum.participantIds[forum.second[p]]) + '\n');
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
