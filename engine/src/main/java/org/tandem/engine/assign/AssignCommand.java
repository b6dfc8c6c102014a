package org.tandem.engine.assign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tandem.engine.cli.EngineCli;
import org.tandem.engine.io.BadInputException;
import org.tandem.engine.io.CsvTable;
import org.tandem.engine.io.IdTable;
import org.tandem.engine.io.TextPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assign}: the reviewer-assignment contract on CSV files (see the project README). */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = "Assign reviewers to proposals: most pairs first, then the best affinity (total or fair).")
public final class AssignCommand implements Callable<Integer> {

    @Option(names = "--reviewers", required = true, description = "reviewer_id,group,max_load[,min_load]")
    Path reviewersFile;
    @Option(names = "--demands", required = true, description = "proposal_id,group,required")
    Path demandsFile;
    @Option(names = "--affinity", required = true, description = "proposal_id,reviewer_id,score (the candidate pairs)")
    Path affinityFile;
    @Option(names = "--conflicts", description = "proposal_id,reviewer_id (forbidden pairs)")
    Path conflictsFile;
    @Option(names = "--objective", defaultValue = "total", description = "total (default) or fair")
    String objective;
    @Option(names = "--fair-seconds", defaultValue = "60", description = "time limit of the fair phase as a whole, seconds")
    double fairSeconds;
    @Option(names = "--out", required = true, description = "OUT.csv: proposal_id,reviewer_id,score")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Thread natives = org.tandem.engine.io.OrTools.loadInBackground();
        PrintWriter err = spec.commandLine().getErr();
        Input input;
        Assigner.Objective goal;
        try {
            goal = switch (objective.toLowerCase(Locale.ROOT)) {
                case "total" -> Assigner.Objective.TOTAL;
                case "fair" -> Assigner.Objective.FAIR;
                default -> throw new BadInputException(Path.of("--objective"), 0, "objective",
                        "'" + objective + "' is neither total nor fair");
            };
            input = read();
        } catch (BadInputException e) {
            err.println("bad input: " + e.getMessage());
            err.flush();
            // Let the unpacking finish, so that its temporary files are removed when the JVM exits.
            join(natives);
            return EngineCli.EXIT_BAD_INPUT;
        }
        long read = System.nanoTime();
        join(natives);
        AssignmentResult result = Assigner.assign(input.reviewers(), input.demands(), input.candidates(), goal,
                fairSeconds);
        long solved = System.nanoTime();
        try {
            write(result.assigned());
        } catch (IOException e) {
            err.println("cannot write " + out + ": " + e.getMessage());
            err.flush();
            return EngineCli.EXIT_BAD_INPUT;
        }
        for (UnmetDemand u : result.unmet()) {
            err.printf("unmet: proposal %s group %s missing %d: %s%n", u.proposalId(), u.group(), u.missing(),
                    u.reason().text());
        }
        if (Boolean.getBoolean("tandem.timings")) {
            err.printf(Locale.ROOT, "timings: read %.2f s, solve %.2f s, write %.2f s%n", (read - start) / 1e9,
                    (solved - read) / 1e9, (System.nanoTime() - solved) / 1e9);
        }
        if (!result.optimal()) {
            err.println("note: the fair result is feasible but not proven optimal (its minimum is below min_bound, or the"
                    + " total under that minimum is not proven)");
        }
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        // min_bound only for fair: total does not compute one, and an absent field is clearer than a NaN.
        String bound = Double.isNaN(result.minBound()) ? ""
                : String.format(Locale.ROOT, "\"min_bound\":%.6f,", result.minBound());
        // Fields only ever added at the end (before seconds), so readers of the older line still match.
        o.printf(Locale.ROOT, "{\"assigned\":%d,\"total_affinity\":%.6f,\"min_proposal_affinity\":%.6f,\"unmet\":%d,"
                        + "%s\"seconds\":%.3f}%n", result.assigned().size(), result.totalAffinity(),
                result.minProposalAffinity(), result.unmet().size(), bound, (System.nanoTime() - start) / 1e9);
        o.flush();
        return result.unmet().isEmpty() ? 0 : EngineCli.EXIT_PARTIAL;
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

    /** The files as the solver takes them. */
    private record Input(List<Reviewer> reviewers, List<Demand> demands, CandidateArrays candidates) {
    }

    private Input read() {
        List<Reviewer> reviewers = new ArrayList<>();
        IdTable reviewerIds = new IdTable();
        CsvTable.read(reviewersFile, List.of("reviewer_id", "group", "max_load"), row -> {
            String id = row.text("reviewer_id");
            if (reviewerIds.find(id) >= 0) {
                throw row.error("reviewer_id", "duplicate reviewer " + id);
            }
            reviewerIds.add(id);
            int max = row.nonNegativeInt("max_load");
            int min = row.optional("min_load") == null ? 0 : row.nonNegativeInt("min_load");
            if (min > max) {
                throw row.error("min_load", "min_load " + min + " is above max_load " + max);
            }
            reviewers.add(new Reviewer(id, row.text("group"), max, min));
        });
        List<Demand> demands = new ArrayList<>();
        Set<String> demandKeys = new HashSet<>();
        CsvTable.read(demandsFile, List.of("proposal_id", "group", "required"), row -> {
            String p = row.text("proposal_id");
            String g = row.text("group");
            if (!demandKeys.add(p + '\u0000' + g)) {
                throw row.error("group", "duplicate demand for proposal " + p + " and group " + g);
            }
            demands.add(new Demand(p, g, row.nonNegativeInt("required")));
        });
        // The affinity file has a line per candidate pair, millions of them: ids are numbered as they
        // are read and a candidate is a few array entries, not objects and strings.
        Candidates affinity = new Candidates(reviewerIds);
        CsvTable.read(affinityFile, List.of("proposal_id", "reviewer_id", "score"), affinity);
        IdTable proposalIds = affinity.proposalIds;
        int n = affinity.size;
        int[] proposal = affinity.proposal;
        int[] reviewer = affinity.reviewer;
        checkNoDuplicatePair(affinity, proposalIds, reviewers);
        LongIntMap conflicts = new LongIntMap();
        if (conflictsFile != null) {
            CsvTable.read(conflictsFile, List.of("proposal_id", "reviewer_id"), row -> {
                int p = row.find("proposal_id", proposalIds);
                int r = row.find("reviewer_id", reviewerIds);
                if (p >= 0 && r >= 0) {
                    conflicts.put(pair(p, r), 1);
                }
            });
        }
        // The demand a candidate would serve: by (proposal, group of the reviewer).
        IdTable groupIds = new IdTable();
        int[] groupOf = new int[reviewers.size()];
        for (int r = 0; r < reviewers.size(); r++) {
            groupOf[r] = groupIds.add(reviewers.get(r).group());
        }
        LongIntMap demandOf = new LongIntMap();
        for (int d = 0; d < demands.size(); d++) {
            int p = proposalIds.find(demands.get(d).proposalId());
            int g = groupIds.find(demands.get(d).group());
            if (p >= 0 && g >= 0) {
                demandOf.put(pair(p, g), d);
            }
        }
        int[] demand = new int[n];
        boolean[] conflicted = new boolean[n];
        boolean anyConflict = !conflicts.isEmpty();
        for (int i = 0; i < n; i++) {
            demand[i] = demandOf.get(pair(proposal[i], groupOf[reviewer[i]]));
            conflicted[i] = anyConflict && conflicts.get(pair(proposal[i], reviewer[i])) >= 0;
        }
        double[] score = affinity.score;
        TextPool texts = affinity.scoreTexts;
        return new Input(reviewers, demands, new CandidateArrays(n, reviewer, demand, conflicted, score,
                i -> new Candidate(proposalIds.name(proposal[i]), reviewers.get(reviewer[i]).id(), score[i],
                        texts.get(i))));
    }

    private static long pair(int a, int b) {
        return (long) a << 32 | b;
    }

    /**
     * The affinity file's candidates as read, in growing arrays. They start small on purpose (as do
     * those of IdTable and TextPool): growing a few times among the first rows, while the JIT profiles
     * them, the compiled reading code expects growth instead of being thrown away and compiled
     * again the first time it happens.
     */
    private final class Candidates implements CsvTable.Rows {
        final IdTable proposalIds = new IdTable();
        final IdTable reviewerIds;
        int size;
        int[] proposal = new int[1 << 10];
        int[] reviewer = new int[1 << 10];
        double[] score = new double[1 << 10];
        int[] line = new int[1 << 10];
        final TextPool scoreTexts = new TextPool();

        Candidates(IdTable reviewerIds) {
            this.reviewerIds = reviewerIds;
        }

        /** One line of the affinity file (a class rather than a lambda: the JIT compiles this body once). */
        @Override
        public void accept(CsvTable.Row row) {
            int p = row.id("proposal_id", proposalIds);
            int r = row.find("reviewer_id", reviewerIds);
            if (r < 0) {
                throw row.error("reviewer_id", "unknown reviewer " + row.text("reviewer_id") + " (not in "
                        + reviewersFile + ")");
            }
            double s = row.decimal("score");
            if (size == proposal.length) {
                proposal = Arrays.copyOf(proposal, size * 2);
                reviewer = Arrays.copyOf(reviewer, size * 2);
                score = Arrays.copyOf(score, size * 2);
                line = Arrays.copyOf(line, size * 2);
            }
            proposal[size] = p;
            reviewer[size] = r;
            score[size] = s;
            line[size++] = row.line();
            row.keep("score", scoreTexts);
        }
    }

    /**
     * Refuses a pair named twice. Candidates are bucketed by proposal and each bucket's reviewers
     * are marked, in linear time; when there is a duplicate, the one reported is found as before:
     * the second line of the smallest duplicated (proposal number, reviewer number) key.
     */
    private void checkNoDuplicatePair(Candidates affinity, IdTable proposalIds, List<Reviewer> reviewers) {
        int n = affinity.size;
        int proposals = proposalIds.size();
        int[] first = new int[proposals + 1];
        for (int i = 0; i < n; i++) {
            first[affinity.proposal[i] + 1]++;
        }
        for (int p = 0; p < proposals; p++) {
            first[p + 1] += first[p];
        }
        int[] next = first.clone();
        int[] byProposal = new int[n];
        for (int i = 0; i < n; i++) {
            byProposal[next[affinity.proposal[i]]++] = affinity.reviewer[i];
        }
        int[] seenFor = new int[reviewers.size()];
        Arrays.fill(seenFor, -1);
        boolean duplicate = false;
        for (int p = 0; p < proposals && !duplicate; p++) {
            for (int k = first[p]; k < first[p + 1]; k++) {
                int r = byProposal[k];
                if (seenFor[r] == p) {
                    duplicate = true;
                    break;
                }
                seenFor[r] = p;
            }
        }
        if (!duplicate) {
            return;
        }
        long width = reviewers.size() + 1L;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = affinity.proposal[i] * width + affinity.reviewer[i];
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                int second = -1;
                for (int k = 0, seen = 0; k < n; k++) {
                    if (keys[k] == sorted[i] && ++seen == 2) {
                        second = k;
                        break;
                    }
                }
                throw new BadInputException(affinityFile, affinity.line[second], "reviewer_id", "duplicate pair "
                        + proposalIds.name(affinity.proposal[second]) + "," + reviewers.get(affinity.reviewer[second]).id());
            }
        }
    }

    /** Written to a temporary file and moved into place, so OUT.csv is either whole or absent. */
    private void write(List<Candidate> assigned) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".assign", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("proposal_id,reviewer_id,score\n");
            for (Candidate c : assigned) {
                w.write(CsvTable.quote(c.proposalId()) + ',' + CsvTable.quote(c.reviewerId()) + ',' + c.scoreText() + '\n');
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
