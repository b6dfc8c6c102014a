package org.tandem.engine.affinity;

import org.tandem.engine.io.BadInputException;
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
        description = "Expert-proposal affinity (TF-IDF and sentence embeddings per publication, keywords, OECD FOS) to CSV.")
public final class AffinityCommand implements Callable<Integer> {

    /** Which per-paper similarity: word overlap only, or word overlap and sentence embeddings. */
    public enum Model { tfidf, hybrid }

    @Option(names = "--proposals", required = true, description = "Proposals JSONL: id, title, abstract, keywords, fields.")
    Path proposals;

    @Option(names = "--experts", required = true, description = "Experts JSONL: id, keywords, fields, publications[title, abstract, year].")
    Path experts;

    @Option(names = "--top", description = "Keep the K best experts per proposal (default: all).")
    Integer top;

    @Option(names = "--model", defaultValue = "hybrid",
            description = "tfidf or hybrid (TF-IDF plus all-MiniLM-L6-v2 sentence embeddings; default ${DEFAULT-VALUE}).")
    Model model;

    @Option(names = "--vectors", description = "Directory keeping the sentence embeddings between runs (hybrid only); "
            + "texts already embedded there are not embedded again.")
    Path vectors;

    @Option(names = "--embedding-weight", description = "Share of the embedding cosine in each paper's similarity, "
            + "0 to 1 (hybrid; default: chosen from the pool so both similarities have the same spread).")
    Double embeddingWeight;

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
        if (embeddingWeight != null && !(embeddingWeight >= 0 && embeddingWeight <= 1)) {
            err.println("--embedding-weight: must be between 0 and 1, got " + embeddingWeight);
            return EngineCli.EXIT_BAD_INPUT;
        }
        if (model == Model.tfidf && (vectors != null || embeddingWeight != null)) {
            err.println((vectors != null ? "--vectors" : "--embedding-weight") + ": only with --model hybrid");
            return EngineCli.EXIT_BAD_INPUT;
        }
        List<ProposalText> ps;
        List<ExpertProfile> es;
        TextVectors source = TextVectors.COMPUTED;
        try {
            ps = JsonlReader.readProposals(proposals);
            es = JsonlReader.readExperts(experts);
            if (vectors != null) {
                source = VectorCache.open(vectors);
            }
        } catch (BadInputException e) {
            err.println("bad input: " + e.getMessage());
            return EngineCli.EXIT_BAD_INPUT;
        }
        AffinityModel model;
        List<List<AffinityScore>> rankings;
        try {
            model = switch (this.model) {
                case tfidf -> AffinityModel.build(es);
                case hybrid -> embeddingWeight == null
                        ? AffinityModel.hybrid(es, AffinityParameters.defaults(), source)
                        : AffinityModel.hybrid(es, AffinityParameters.defaults(), source, embeddingWeight);
            };
            rankings = model.rankAll(ps, top == null ? es.size() : Math.min(top, es.size()));
        } catch (java.io.UncheckedIOException e) { // the vector cache could not be written
            err.println(e.getMessage() + ": " + e.getCause().getMessage());
            return EngineCli.EXIT_BAD_INPUT;
        }
        long pairs;
        try {
            pairs = AffinityCsvWriter.write(out, rankings);
        } catch (IOException e) {
            err.println(out + ": cannot write: " + e.getMessage());
            return EngineCli.EXIT_BAD_INPUT;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String cache = source instanceof VectorCache c
                ? String.format(Locale.ROOT, ",\"vectors_cached\":%d,\"vectors_computed\":%d", c.hits(), c.computed()) : "";
        stdout.printf(Locale.ROOT, "{\"proposals\":%d,\"experts\":%d,\"pairs\":%d,\"model\":\"%s\",\"embedding_weight\":%.4f%s,\"seconds\":%.3f}%n",
                ps.size(), es.size(), pairs, this.model, model.embeddingWeight(), cache, seconds);
        stdout.flush();
        return 0;
    }
}
