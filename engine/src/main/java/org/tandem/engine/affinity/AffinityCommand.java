package org.tandem.engine.affinity;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tandem.engine.cli.EngineCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code affinity}: scores every proposal against every expert and keeps the best K per proposal. */
@Command(name = "affinity", mixinStandardHelpOptions = true,
        description = "Expert-proposal affinity (TF-IDF per publication, keywords, OECD FOS) to CSV.")
public final class AffinityCommand implements Callable<Integer> {

    @Option(names = "--proposals", required = true, description = "Proposals JSONL: id, title, abstract, keywords, fields.")
    Path proposals;

    @Option(names = "--experts", required = true, description = "Experts JSONL: id, keywords, fields, publications[title, abstract, year].")
    Path experts;

    @Option(names = "--top", description = "Keep the K best experts per proposal (default: all).")
    Integer top;

    @Option(names = "--out", required = true, description = "Output CSV: proposal_id,reviewer_id,score.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (top != null && top < 1) {
            err.println("--top: must be a positive integer, got " + top);
            return EngineCli.EXIT_BAD_INPUT;
        }
        List<ProposalText> ps;
        List<ExpertProfile> es;
        try {
            ps = JsonlReader.readProposals(proposals);
            es = JsonlReader.readExperts(experts);
        } catch (InputFormatException e) {
            err.println(e.getMessage());
            return EngineCli.EXIT_BAD_INPUT;
        }
        AffinityModel model = AffinityModel.build(es);
        int k = top == null ? es.size() : Math.min(top, es.size());
        List<List<AffinityScore>> rankings = model.rankAll(ps, k);
        long pairs;
        try {
            pairs = AffinityCsvWriter.write(out, rankings);
        } catch (IOException e) {
            err.println(out + ": cannot write: " + e.getMessage());
            return EngineCli.EXIT_BAD_INPUT;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stdout.printf(Locale.ROOT, "{\"proposals\":%d,\"experts\":%d,\"pairs\":%d,\"seconds\":%.3f}%n",
                ps.size(), es.size(), pairs, seconds);
        stdout.flush();
        return 0;
    }
}
