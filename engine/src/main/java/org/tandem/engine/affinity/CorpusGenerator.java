package org.tandem.engine.affinity;

import org.tandem.engine.io.BadInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic but statistically realistic affinity instance for benchmarks:
 * {@code proposals.jsonl} and {@code experts.jsonl}. Words follow a Zipf law over a large
 * vocabulary (a few very common words with huge posting lists, a long tail of rare ones), mixed
 * with topic-specific Zipf vocabularies so that there is real signal to rank. Each expert has
 * about 5 publications of ~150 words (title + abstract); deterministic for a given seed.
 *
 * <p>Usage: {@code CorpusGenerator --proposals N --experts M --out DIR [--seed S] [--timing-vectors VDIR]}
 *
 * <p>{@code --timing-vectors} fills a {@link VectorCache} in VDIR with random unit vectors under the
 * hashes of every generated text. The texts are made-up words, so their real embeddings mean
 * nothing, and embedding 60,000 of them takes most of an hour on two cores; the cost of a run with
 * cached vectors does not depend on their values, so this times {@code affinity --vectors VDIR}
 * at scale. Never use such a directory for real data.
 */
public final class CorpusGenerator {

    private static final String[] SYLLABLES = {"ba", "ko", "ri", "tel", "mon", "sa", "ver", "lu",
        "ne", "dor", "pha", "gen", "tri", "mal", "zo", "cy", "nan", "the", "pol", "qua", "stra", "fi",
        "lec", "ton", "mer", "di", "ox", "hy", "em", "ul", "ar", "pre", "vo", "kin", "sul", "ga"};
    private static final String[] FOS = {"1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.1", "2.2",
        "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "3.1", "3.2", "3.3", "3.4",
        "3.5", "4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7",
        "5.8", "5.9", "6.1", "6.2", "6.3", "6.4", "6.5"};

    private static final int VOCABULARY = 40_000;
    private static final int TOPICS = 300;
    private static final int TOPIC_WORDS = 1_500;
    private static final double TOPIC_SHARE = 0.4;

    private final Random random;
    private final String[] words;
    private final Zipf background;
    private final Zipf topical;
    private final int[][] topicWords;

    CorpusGenerator(long seed) {
        random = new Random(seed);
        Set<String> vocab = new LinkedHashSet<>();
        while (vocab.size() < VOCABULARY) {
            int n = 2 + random.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < n; i++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            vocab.add(w.toString());
        }
        words = vocab.toArray(new String[0]);
        background = new Zipf(VOCABULARY, 1.0);
        topical = new Zipf(TOPIC_WORDS, 0.9);
        topicWords = new int[TOPICS][TOPIC_WORDS];
        for (int t = 0; t < TOPICS; t++) {
            for (int i = 0; i < TOPIC_WORDS; i++) {
                // Topic words avoid the most common background words, as jargon does.
                topicWords[t][i] = 500 + random.nextInt(VOCABULARY - 500);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int proposals = 1000;
        int experts = 1000;
        long seed = 42;
        Path out = Path.of(".");
        Path timingVectors = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--proposals" -> proposals = Integer.parseInt(args[i + 1]);
                case "--experts" -> experts = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--timing-vectors" -> timingVectors = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        new CorpusGenerator(seed).write(proposals, experts, out);
        if (timingVectors != null) {
            fillWithRandomVectors(out, timingVectors, seed);
        }
    }

    private static void fillWithRandomVectors(Path corpus, Path vectors, long seed) throws IOException {
        try {
            List<String> texts = new ArrayList<>();
            for (ProposalText p : JsonlReader.readProposals(corpus.resolve("proposals.jsonl"))) {
                texts.add(AffinityModel.embeddingText(p));
            }
            for (ExpertProfile e : JsonlReader.readExperts(corpus.resolve("experts.jsonl"))) {
                for (Publication p : e.publications()) {
                    texts.add(Embeddings.document(p.title(), p.abstractText()));
                }
            }
            Random r = new Random(seed);
            VectorCache.open(vectors, batch -> {
                float[][] out = new float[batch.size()][Embeddings.DIMENSION];
                for (float[] v : out) {
                    double norm = 0;
                    for (int d = 0; d < v.length; d++) {
                        v[d] = (float) r.nextGaussian();
                        norm += v[d] * v[d];
                    }
                    for (int d = 0; d < v.length; d++) {
                        v[d] /= (float) Math.sqrt(norm);
                    }
                }
                return out;
            }).vectors(texts);
        } catch (BadInputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    void write(int proposals, int experts, Path dir) throws IOException {
        try (Writer w = writer(dir.resolve("experts.jsonl"))) {
            for (int e = 0; e < experts; e++) {
                int[] topics = random.nextInt(3) == 0
                        ? new int[] {random.nextInt(TOPICS), random.nextInt(TOPICS)}
                        : new int[] {random.nextInt(TOPICS)};
                StringBuilder b = new StringBuilder("{\"id\":\"E").append(e).append("\",\"keywords\":");
                keywords(b, topics[0]);
                b.append(",\"fields\":[\"").append(FOS[topics[0] % FOS.length]).append("\"],\"publications\":[");
                int pubs = 3 + random.nextInt(5); // 3..7, mean 5
                for (int p = 0; p < pubs; p++) {
                    int topic = topics[random.nextInt(topics.length)];
                    b.append(p == 0 ? "" : ",").append("{\"title\":\"").append(text(topic, 8 + random.nextInt(8)))
                            .append("\",\"abstract\":\"").append(text(topic, 120 + random.nextInt(60)))
                            .append("\",\"year\":").append(2000 + random.nextInt(26)).append('}');
                }
                w.append(b.append("]}\n"));
            }
        }
        try (Writer w = writer(dir.resolve("proposals.jsonl"))) {
            for (int p = 0; p < proposals; p++) {
                int topic = random.nextInt(TOPICS);
                StringBuilder b = new StringBuilder("{\"id\":").append(p)
                        .append(",\"title\":\"").append(text(topic, 8 + random.nextInt(8)))
                        .append("\",\"abstract\":\"").append(text(topic, 130 + random.nextInt(60)))
                        .append("\",\"keywords\":");
                keywords(b, topic);
                w.append(b.append(",\"fields\":[\"").append(FOS[topic % FOS.length]).append("\"]}\n"));
            }
        }
    }

    private String text(int topic, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int word = random.nextDouble() < TOPIC_SHARE
                    ? topicWords[topic][topical.sample(random)] : background.sample(random);
            if (i > 0) {
                b.append(i % 15 == 0 ? ". " : " ");
            }
            b.append(words[word]);
        }
        return b.toString();
    }

    private void keywords(StringBuilder b, int topic) {
        List<String> kw = new ArrayList<>();
        int n = 3 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            kw.add(words[topicWords[topic][random.nextInt(30)]] + (random.nextBoolean()
                    ? " " + words[topicWords[topic][random.nextInt(100)]] : ""));
        }
        b.append('[');
        for (int i = 0; i < kw.size(); i++) {
            b.append(i == 0 ? "\"" : ",\"").append(kw.get(i)).append('"');
        }
        b.append(']');
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Zipf(s) over ranks 0..n-1 by inverse CDF. */
    private static final class Zipf {
        private final double[] cdf;

        Zipf(int n, double s) {
            cdf = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cdf[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cdf[i] /= sum;
            }
        }

        int sample(Random r) {
            int i = java.util.Arrays.binarySearch(cdf, r.nextDouble());
            return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
        }
    }
}
