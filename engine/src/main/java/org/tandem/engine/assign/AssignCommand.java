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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tandem.engine.cli.EngineCli;
import org.tandem.engine.io.BadInputException;
import org.tandem.engine.io.CsvTable;
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
    @Option(names = "--fair-seconds", defaultValue = "60", description = "time limit of each fair step, seconds")
    double fairSeconds;
    @Option(names = "--out", required = true, description = "OUT.csv: proposal_id,reviewer_id,score")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        AssignmentProblem problem;
        Assigner.Objective goal;
        try {
            goal = switch (objective.toLowerCase(Locale.ROOT)) {
                case "total" -> Assigner.Objective.TOTAL;
                case "fair" -> Assigner.Objective.FAIR;
                default -> throw new BadInputException(Path.of("--objective"), 0, "objective",
                        "'" + objective + "' is neither total nor fair");
            };
            problem = read();
        } catch (BadInputException e) {
            err.println("bad input: " + e.getMessage());
            err.flush();
            return EngineCli.EXIT_BAD_INPUT;
        }
        long read = System.nanoTime();
        AssignmentResult result = Assigner.assign(problem, goal, fairSeconds);
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
            err.println("note: the fair objective reached its time limit; the result is feasible but not proven optimal");
        }
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "{\"assigned\":%d,\"total_affinity\":%.6f,\"min_proposal_affinity\":%.6f,\"unmet\":%d,"
                        + "\"seconds\":%.3f}%n", result.assigned().size(), result.totalAffinity(),
                result.minProposalAffinity(), result.unmet().size(), (System.nanoTime() - start) / 1e9);
        o.flush();
        return result.unmet().isEmpty() ? 0 : EngineCli.EXIT_PARTIAL;
    }

    private AssignmentProblem read() {
        List<Reviewer> reviewers = new ArrayList<>();
        Set<String> reviewerIds = new HashSet<>();
        CsvTable.read(reviewersFile, List.of("reviewer_id", "group", "max_load"), row -> {
            String id = row.text("reviewer_id");
            if (!reviewerIds.add(id)) {
                throw row.error("reviewer_id", "duplicate reviewer " + id);
            }
            int max = row.nonNegativeInt("max_load");
            int min = row.optional("min_load") == null ? 0 : row.nonNegativeInt("min_load");
            if (min > max) {
                throw row.error("min_load", "min_load " + min + " is above max_load " + max);
            }
            reviewers.add(new Reviewer(id, row.text("group"), max, min));
        });
        List<Demand> demands = new ArrayList<>();
        Set<String> demandKeys = new HashSet<>();
        Set<String> proposals = new HashSet<>();
        CsvTable.read(demandsFile, List.of("proposal_id", "group", "required"), row -> {
            String p = row.text("proposal_id");
            String g = row.text("group");
            if (!demandKeys.add(p + '\u0000' + g)) {
                throw row.error("group", "duplicate demand for proposal " + p + " and group " + g);
            }
            proposals.add(p);
            demands.add(new Demand(p, g, row.nonNegativeInt("required")));
        });
        List<Candidate> candidates = new ArrayList<>();
        // Strings repeat millions of times in a large file: keep one copy of each id, numbered, and
        // find duplicate pairs by sorting numbers rather than hashing millions of pair objects.
        Map<String, Integer> proposalNo = new HashMap<>();
        Map<String, Integer> reviewerNo = new HashMap<>();
        for (Reviewer rv : reviewers) {
            reviewerNo.put(rv.id(), reviewerNo.size());
        }
        List<String> proposalIds = new ArrayList<>();
        long[][] keys = {new long[1 << 16]};
        int[][] lines = {new int[1 << 16]};
        long width = reviewers.size() + 1L;
        CsvTable.read(affinityFile, List.of("proposal_id", "reviewer_id", "score"), row -> {
            String text = row.text("proposal_id");
            Integer pNo = proposalNo.get(text);
            if (pNo == null) {
                pNo = proposalNo.size();
                proposalNo.put(text, pNo);
                proposalIds.add(text);
            }
            Integer rNo = reviewerNo.get(row.text("reviewer_id"));
            if (rNo == null) {
                throw row.error("reviewer_id", "unknown reviewer " + row.text("reviewer_id") + " (not in "
                        + reviewersFile + ")");
            }
            double score = row.decimal("score");
            int n = candidates.size();
            if (n == keys[0].length) {
                keys[0] = Arrays.copyOf(keys[0], n * 2);
                lines[0] = Arrays.copyOf(lines[0], n * 2);
            }
            keys[0][n] = pNo * width + rNo;
            lines[0][n] = row.line();
            candidates.add(new Candidate(proposalIds.get(pNo), reviewers.get(rNo).id(), score, row.text("score")));
        });
        long[] sorted = Arrays.copyOf(keys[0], candidates.size());
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                int second = -1;
                for (int k = 0, seen = 0; k < candidates.size(); k++) {
                    if (keys[0][k] == sorted[i] && ++seen == 2) {
                        second = k;
                        break;
                    }
                }
                Candidate c = candidates.get(second);
                throw new BadInputException(affinityFile, lines[0][second], "reviewer_id",
                        "duplicate pair " + c.proposalId() + "," + c.reviewerId());
            }
        }
        Set<AssignmentProblem.Pair> conflicts = new HashSet<>();
        if (conflictsFile != null) {
            CsvTable.read(conflictsFile, List.of("proposal_id", "reviewer_id"), row ->
                    conflicts.add(new AssignmentProblem.Pair(row.text("proposal_id"), row.text("reviewer_id"))));
        }
        return new AssignmentProblem(reviewers, demands, candidates, conflicts);
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
