package org.tandem.engine.affinity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Expert–proposal affinity over a fixed pool of experts. Build once per call (the pool's
 * vocabulary and IDF), then rank any number of proposals and explain any pair.
 *
 * <pre>
 * s_i   = cos(tfidf(proposal title*2 + abstract + keywords*2), tfidf(paper_i title*2 + abstract))
 * v_i   = s_i * recency(year_i)                       recency in [0.8, 1]
 * text  = 0.7 * v_(1) + 0.3 * (v_(1) + v_(2) + v_(3)) / 3   (v sorted descending)
 * kw    = cos(tfidf(proposal keywords, or title if none), tfidf(expert keywords))
 * field = mean over proposal FOS codes of agreement (1 same code, 0.5 same major field)
 * score = (0.75 text + 0.15 kw + 0.10 field) / (sum of the weights the proposal can use)
 * </pre>
 * A component the proposal gives nothing for (no fields, no keywords and no title) is left out
 * and the others re-weighted, so such a proposal still ranks on a [0, 1] scale; a component the
 * expert lacks counts as 0 for that expert. All weights are in {@link AffinityParameters}.
 */
public final class AffinityModel {

    private final AffinityParameters params;
    private final TermAnalyzer analyzer = new TermAnalyzer();
    private final List<ExpertProfile> experts;
    private final Map<String, Integer> expertIndex = new HashMap<>();

    // Text: one document per publication; publications of expert e are pubStart[e]..pubStart[e+1].
    private final TermSpace textSpace;
    private final SparseVector[] pubVectors;
    private final InvertedIndex pubIndex;
    private final int[] pubStart;
    private final float[] pubRecency;

    // Keywords: one document per expert.
    private final TermSpace keywordSpace;
    private final SparseVector[] expertKeywords;
    private final InvertedIndex keywordIndex;

    // Fields: experts per exact code and per major field.
    private final List<List<String>> expertFields = new ArrayList<>();
    private final Map<String, int[]> expertsByField;
    private final Map<String, int[]> expertsByMajor;

    // Hybrid: sentence embeddings of the publications, and the share of the embedding cosine in
    // each paper's similarity (0 = TF-IDF only, and then no vectors are held).
    private final TextVectors textVectors;
    private final PaperMatrix paperMatrix;
    private final double embeddingWeight;

    private final ThreadLocal<Scratch> scratch;

    private AffinityModel(List<ExpertProfile> pool, AffinityParameters params, TextVectors vectors, Double weight) {
        this.params = params;
        this.experts = List.copyOf(pool);
        for (int e = 0; e < experts.size(); e++) {
            if (expertIndex.putIfAbsent(experts.get(e).id(), e) != null) {
                throw new IllegalArgumentException("duplicate expert id " + experts.get(e).id());
            }
        }
        int e = experts.size();
        pubStart = new int[e + 1];
        List<Publication> pubs = new ArrayList<>();
        for (int i = 0; i < e; i++) {
            pubStart[i] = pubs.size();
            pubs.addAll(experts.get(i).publications());
        }
        pubStart[e] = pubs.size();

        int refYear = params.referenceYear();
        if (refYear == 0) {
            refYear = pubs.stream().filter(p -> p.year() != null).mapToInt(Publication::year).max().orElse(0);
        }
        pubRecency = new float[pubs.size()];
        for (int i = 0; i < pubs.size(); i++) {
            pubRecency[i] = (float) params.recency(pubs.get(i).year(), refYear);
        }

        TermSpace.Builder text = new TermSpace.Builder();
        Counts[] pubTerms = countAll(pubs.size(), i -> {
            Publication p = pubs.get(i);
            Map<String, Integer> c = new LinkedHashMap<>();
            TermSpace.count(analyzer.terms(p.title()), params.titleBoost(), c);
            return TermSpace.count(analyzer.terms(p.abstractText()), 1, c);
        }, text);
        textSpace = text.build();
        pubVectors = vectors(pubTerms, textSpace);
        pubIndex = new InvertedIndex(pubVectors, textSpace.size());

        TermSpace.Builder kw = new TermSpace.Builder();
        Counts[] kwTerms = countAll(e, i -> keywordCounts(experts.get(i).keywords()), kw);
        keywordSpace = kw.build();
        expertKeywords = vectors(kwTerms, keywordSpace);
        keywordIndex = new InvertedIndex(expertKeywords, keywordSpace.size());

        Map<String, List<Integer>> byField = new HashMap<>();
        Map<String, List<Integer>> byMajor = new HashMap<>();
        for (int i = 0; i < e; i++) {
            List<String> codes = FieldsOfScience.normalise(experts.get(i).fields());
            expertFields.add(codes);
            for (String c : codes) {
                byField.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
                List<Integer> m = byMajor.computeIfAbsent(FieldsOfScience.major(c), k -> new ArrayList<>());
                if (m.isEmpty() || m.get(m.size() - 1) != i) {
                    m.add(i);
                }
            }
        }
        expertsByField = toArrays(byField);
        expertsByMajor = toArrays(byMajor);
        textVectors = vectors;
        if (vectors == null) {
            paperMatrix = null;
            embeddingWeight = 0;
        } else {
            float[][] pv = vectors.vectors(pubs.stream().map(p -> Embeddings.document(p.title(), p.abstractText())).toList());
            paperMatrix = new PaperMatrix(pv);
            embeddingWeight = weight != null ? weight : equalSpreadWeight(pubVectors, pv);
        }
        int pubCount = pubs.size();
        int padded = paperMatrix == null ? 0 : paperMatrix.paddedLength();
        scratch = ThreadLocal.withInitial(() -> new Scratch(pubCount, e, params.topPapers(), padded));
    }

    /** Papers compared pairwise when choosing the embedding weight (about 180,000 pairs at most). */
    private static final int SPREAD_SAMPLE = 600;

    /**
     * The weight that gives both similarities the same spread over the pool: the standard
     * deviation of the paper-to-paper TF-IDF cosine and of the (non-negative) embedding cosine
     * over pairs of the pool's own papers, and {@code w = sd_tfidf / (sd_tfidf + sd_embedding)},
     * so that {@code w * embedding} and {@code (1 - w) * tfidf} vary equally. This is score fusion
     * by standardisation (CombSUM of equally scaled scores): it needs no relevance labels, adapts
     * to how dense the pool's vocabulary is, and is deterministic (evenly spaced sample).
     */
    static double equalSpreadWeight(SparseVector[] tfidf, float[][] embedding) {
        int n = tfidf.length;
        int m = Math.min(n, SPREAD_SAMPLE);
        if (m < 3) {
            return 0.5;
        }
        int[] sample = new int[m];
        for (int i = 0; i < m; i++) {
            sample[i] = (int) ((long) i * n / m);
        }
        double[] sums = IntStream.range(0, m).parallel().mapToObj(i -> {
            double[] acc = new double[5]; // count, sum t, sum t^2, sum e, sum e^2
            for (int j = i + 1; j < m; j++) {
                double t = tfidf[sample[i]].dot(tfidf[sample[j]]);
                double e = Math.max(0, dot(embedding[sample[i]], embedding[sample[j]]));
                acc[0]++;
                acc[1] += t;
                acc[2] += t * t;
                acc[3] += e;
                acc[4] += e * e;
            }
            return acc;
        }).reduce(new double[5], (a, b) -> {
            double[] c = new double[5];
            for (int k = 0; k < 5; k++) {
                c[k] = a[k] + b[k];
            }
            return c;
        });
        double sdT = Math.sqrt(Math.max(0, sums[2] / sums[0] - Math.pow(sums[1] / sums[0], 2)));
        double sdE = Math.sqrt(Math.max(0, sums[4] / sums[0] - Math.pow(sums[3] / sums[0], 2)));
        return sdT + sdE == 0 ? 0.5 : sdT / (sdT + sdE);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Builds the model of an expert pool (analyses every publication once, on all cores). */
    public static AffinityModel build(List<ExpertProfile> experts, AffinityParameters params) {
        return new AffinityModel(experts, params, null, null);
    }

    /**
     * The hybrid model: each paper's similarity is {@code (1 - w) * tfidf + w * max(0, embedding
     * cosine)}, aggregated, weighted and combined exactly as in the TF-IDF model. The weight
     * {@code w} is chosen from the pool itself ({@link #equalSpreadWeight}); vectors of the
     * publications are fetched once, here, and of the proposals once per ranking call.
     */
    public static AffinityModel hybrid(List<ExpertProfile> experts, AffinityParameters params, TextVectors vectors) {
        return new AffinityModel(experts, params, java.util.Objects.requireNonNull(vectors), null);
    }

    /** {@link #hybrid(List, AffinityParameters, TextVectors)} with a given embedding weight in [0, 1]. */
    public static AffinityModel hybrid(List<ExpertProfile> experts, AffinityParameters params, TextVectors vectors,
                                       double embeddingWeight) {
        if (!(embeddingWeight >= 0 && embeddingWeight <= 1)) {
            throw new IllegalArgumentException("embedding weight must be in [0, 1], got " + embeddingWeight);
        }
        return new AffinityModel(experts, params, java.util.Objects.requireNonNull(vectors), embeddingWeight);
    }

    /** Share of the embedding cosine in a paper's similarity; 0 for the TF-IDF model. */
    public double embeddingWeight() {
        return embeddingWeight;
    }

    public static AffinityModel build(List<ExpertProfile> experts) {
        return build(experts, AffinityParameters.defaults());
    }

    public int expertCount() {
        return experts.size();
    }

    /** The {@code k} best experts for a proposal, best first; ties go to the earlier expert. */
    public List<AffinityScore> rank(ProposalText proposal, int k) {
        return scores(proposal, rankIndices(proposal, k));
    }

    private List<AffinityScore> scores(ProposalText proposal, Ranked r) {
        List<AffinityScore> out = new ArrayList<>(r.experts.length);
        for (int i = 0; i < r.experts.length; i++) {
            out.add(new AffinityScore(proposal.id(), experts.get(r.experts[i]).id(), r.scores[i]));
        }
        return out;
    }

    /** {@link #rank} for many proposals, in parallel; the result is in proposal order. */
    public List<List<AffinityScore>> rankAll(List<ProposalText> proposals, int k) {
        @SuppressWarnings("unchecked")
        List<AffinityScore>[] out = new List[proposals.size()];
        if (paperMatrix == null) {
            IntStream.range(0, proposals.size()).parallel().forEach(i -> out[i] = rank(proposals.get(i), k));
            return Arrays.asList(out);
        }
        float[][] vectors = proposalVectors(proposals);
        int block = PaperMatrix.BLOCK;
        IntStream.range(0, (proposals.size() + block - 1) / block).parallel().forEach(b -> {
            int from = b * block;
            int to = Math.min(proposals.size(), from + block);
            float[][] sims = Arrays.copyOf(scratch.get().embedding, to - from);
            paperMatrix.similarities(Arrays.copyOfRange(vectors, from, to), sims);
            for (int i = from; i < to; i++) {
                out[i] = scores(proposals.get(i), rankIndices(proposals.get(i), k, sims[i - from]));
            }
        });
        return Arrays.asList(out);
    }

    private float[][] proposalVectors(List<ProposalText> proposals) {
        return textVectors.vectors(proposals.stream().map(AffinityModel::embeddingText).toList());
    }

    /** Title and abstract; the keywords when the proposal gives neither. */
    static String embeddingText(ProposalText p) {
        String text = Embeddings.document(p.title(), p.abstractText());
        return text.isEmpty() ? String.join(", ", p.keywords()) : text;
    }

    /** The score of one pair, exactly as {@link #rank} computes it. */
    public double score(ProposalText proposal, String expertId) {
        return explain(proposal, expertId).score();
    }

    /** Experts ranked by index, best first, with their scores. */
    record Ranked(int[] experts, double[] scores) {
    }

    Ranked rankIndices(ProposalText proposal, int k) {
        float[] sims = null;
        if (paperMatrix != null) {
            float[][] out = {scratch.get().embedding[0]};
            paperMatrix.similarities(new float[][] {proposalVectors(List.of(proposal))[0]}, out);
            sims = out[0];
        }
        return rankIndices(proposal, k, sims);
    }

    /** {@code embedding}: the proposal's embedding cosine with every paper, or null for TF-IDF only. */
    private Ranked rankIndices(ProposalText proposal, int k, float[] embedding) {
        Query q = query(proposal);
        Scratch s = scratch.get();
        int n = experts.size();
        int limit = Math.min(Math.max(k, 0), n);
        s.heap.reset(limit);
        if (limit == 0) {
            return new Ranked(new int[0], new double[0]);
        }
        pubIndex.accumulate(q.text, s.pubAcc);
        if (embedding != null) {
            mix(s.pubAcc, embedding);
        }
        keywordIndex.accumulate(q.keywords, s.keywordAcc);
        accumulateFields(q.fields, s);
        for (int e = 0; e < n; e++) {
            double text = textScore(s.pubAcc, pubStart[e], pubStart[e + 1], s.top);
            Arrays.fill(s.pubAcc, pubStart[e], pubStart[e + 1], 0f);
            double score = q.combine(text, s.keywordAcc[e], q.fields.isEmpty() ? 0 : s.fieldAcc[e] / q.fields.size());
            s.keywordAcc[e] = 0f;
            s.fieldAcc[e] = 0f;
            s.heap.offer(e, score);
        }
        return s.heap.drainBestFirst();
    }

    /** Per paper: {@code (1 - w) * tfidf + w * max(0, embedding)}, in place in {@code tfidf}. */
    private void mix(float[] tfidf, float[] embedding) {
        float w = (float) embeddingWeight;
        float rest = 1 - w;
        for (int i = 0; i < tfidf.length; i++) {
            tfidf[i] = rest * tfidf[i] + w * Math.max(0f, embedding[i]);
        }
    }

    /** Per-paper similarities aggregated so that one close paper is enough (see class comment). */
    private double textScore(float[] sims, int from, int to, double[] top) {
        int m = params.topPapers();
        Arrays.fill(top, 0, m, 0);
        for (int i = from; i < to; i++) {
            double v = sims[i] * pubRecency[i];
            if (v > top[m - 1]) {
                int j = m - 1;
                while (j > 0 && top[j - 1] < v) {
                    top[j] = top[j - 1];
                    j--;
                }
                top[j] = v;
            }
        }
        double sum = 0;
        for (int j = 0; j < m; j++) {
            sum += top[j];
        }
        return params.bestPaperWeight() * top[0] + (1 - params.bestPaperWeight()) * sum / m;
    }

    private void accumulateFields(List<String> fields, Scratch s) {
        for (String f : fields) {
            int[] major = expertsByMajor.getOrDefault(FieldsOfScience.major(f), new int[0]);
            int[] exact = expertsByField.getOrDefault(f, new int[0]);
            float majorValue = FieldsOfScience.isMajorOnly(f) ? 1f : (float) FieldsOfScience.SAME_MAJOR;
            for (int e : major) {
                s.fieldTmp[e] = majorValue;
            }
            for (int e : exact) {
                s.fieldTmp[e] = 1f;
            }
            for (int e : major) { // every exact match is also a major-field match
                s.fieldAcc[e] += s.fieldTmp[e];
                s.fieldTmp[e] = 0f;
            }
        }
    }

    /** Explains one pair; its {@code score} equals the ranked score up to float rounding. */
    public Explanation explain(ProposalText proposal, String expertId) {
        Integer e = expertIndex.get(expertId);
        if (e == null) {
            throw new IllegalArgumentException("unknown expert " + expertId);
        }
        Query q = query(proposal);
        int from = pubStart[e];
        int to = pubStart[e + 1];
        Integer[] order = new Integer[to - from];
        double[] v = new double[to - from];
        double[] sim = new double[to - from];
        float[] pv = paperMatrix == null ? null : proposalVectors(List.of(proposal))[0];
        float rest = (float) (1 - embeddingWeight);
        for (int i = from; i < to; i++) {
            order[i - from] = i - from;
            float s = (float) q.text.dot(pubVectors[i]);
            if (pv != null) {
                s = rest * s + (float) embeddingWeight * Math.max(0f, (float) dot(pv, paperMatrix.vector(i)));
            }
            sim[i - from] = s;
            v[i - from] = s * pubRecency[i];
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -v[i]));
        // Split the text score into per-term shares: paper of rank r contributes alpha_r * recency * q_t * p_t.
        Map<Integer, Double> share = new HashMap<>();
        int m = params.topPapers();
        double text = 0;
        for (int r = 0; r < Math.min(m, order.length); r++) {
            double alpha = (1 - params.bestPaperWeight()) / m + (r == 0 ? params.bestPaperWeight() : 0);
            int pub = from + order[r];
            text += alpha * v[order[r]];
            for (int i = 0; i < q.text.terms().length; i++) {
                int t = q.text.terms()[i];
                double c = alpha * rest * pubRecency[pub] * q.text.weights()[i] * pubVectors[pub].weight(t);
                if (c > 0) {
                    share.merge(t, c, Double::sum);
                }
            }
        }
        List<Explanation.SharedTerm> terms = new ArrayList<>();
        share.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .limit(10)
                .forEach(en -> terms.add(new Explanation.SharedTerm(q.textSurface.get(en.getKey()), en.getValue())));

        double keyword = q.keywords.dot(expertKeywords[e]);
        List<String> sharedKeywords = new ArrayList<>();
        for (int t : q.keywords.terms()) {
            if (expertKeywords[e].weight(t) > 0) {
                sharedKeywords.add(q.keywordSurface.get(t));
            }
        }
        double field = 0;
        List<String> sharedFields = new ArrayList<>();
        for (String f : q.fields) {
            double a = FieldsOfScience.agreement(f, expertFields.get(e));
            field += a;
            if (a > 0) {
                sharedFields.add(a == 1 ? f : f + " (same major field " + FieldsOfScience.major(f) + ")");
            }
        }
        field = q.fields.isEmpty() ? 0 : field / q.fields.size();
        Publication closest = order.length == 0 || v[order[0]] <= 0 ? null
                : experts.get(e).publications().get(order[0]);
        double closestSim = closest == null ? 0 : sim[order[0]];
        return new Explanation(proposal.id(), expertId, q.combine(text, keyword, field),
                text, keyword, field, q.textWeight, q.keywordWeight, q.fieldWeight,
                terms, sharedKeywords, sharedFields, closest, closestSim);
    }

    // ---------------------------------------------------------------------------------------

    /** A proposal turned into vectors of the pool's spaces, with the weights it can use. */
    private final class Query {
        final SparseVector text;
        final SparseVector keywords;
        final List<String> fields;
        final Map<Integer, String> textSurface = new HashMap<>();
        final Map<Integer, String> keywordSurface = new HashMap<>();
        final double textWeight;
        final double keywordWeight;
        final double fieldWeight;

        Query(ProposalText p) {
            List<TermAnalyzer.Token> title = analyzer.tokens(p.title());
            List<TermAnalyzer.Token> body = analyzer.tokens(p.abstractText());
            List<TermAnalyzer.Token> kw = new ArrayList<>();
            for (String k : p.keywords()) {
                kw.addAll(analyzer.tokens(k));
            }
            Map<String, Integer> c = new LinkedHashMap<>();
            add(title, params.titleBoost(), c, textSpace, textSurface);
            add(body, 1, c, textSpace, textSurface);
            add(kw, params.titleBoost(), c, textSpace, textSurface);
            text = textSpace.vector(c);
            // The title stands in for keywords the applicant did not give.
            List<TermAnalyzer.Token> kwOrTitle = kw.isEmpty() ? title : kw;
            Map<String, Integer> kc = new LinkedHashMap<>();
            add(kwOrTitle, 1, kc, keywordSpace, keywordSurface);
            keywords = keywordSpace.vector(kc);
            fields = FieldsOfScience.normalise(p.fields());
            double tw = c.isEmpty() ? 0 : params.textWeight();
            double kwW = kc.isEmpty() ? 0 : params.keywordWeight();
            double fw = fields.isEmpty() ? 0 : params.fieldWeight();
            double sum = tw + kwW + fw;
            textWeight = sum == 0 ? 0 : tw / sum;
            keywordWeight = sum == 0 ? 0 : kwW / sum;
            fieldWeight = sum == 0 ? 0 : fw / sum;
        }

        private void add(List<TermAnalyzer.Token> tokens, int times, Map<String, Integer> counts,
                         TermSpace space, Map<Integer, String> surface) {
            for (TermAnalyzer.Token t : tokens) {
                counts.merge(t.term(), times, Integer::sum);
                int id = space.id(t.term());
                if (id >= 0) {
                    surface.putIfAbsent(id, t.surface());
                }
            }
        }

        double combine(double text, double keyword, double field) {
            double s = textWeight * text + keywordWeight * keyword + fieldWeight * field;
            return Math.max(0, Math.min(1, s)); // cosines may overshoot 1 by a rounding error
        }
    }

    private Query query(ProposalText p) {
        return new Query(p);
    }

    /** Per-thread buffers, so scoring allocates almost nothing per proposal. */
    private static final class Scratch {
        final float[] pubAcc;
        final float[] keywordAcc;
        final float[] fieldAcc;
        final float[] fieldTmp;
        final double[] top;
        final TopK heap = new TopK();
        final float[][] embedding;

        Scratch(int pubs, int experts, int topPapers, int paddedPubs) {
            embedding = new float[paddedPubs == 0 ? 0 : PaperMatrix.BLOCK][paddedPubs];
            top = new double[topPapers];
            pubAcc = new float[pubs];
            keywordAcc = new float[experts];
            fieldAcc = new float[experts];
            fieldTmp = new float[experts];
        }
    }

    /** Bounded min-heap of (expert, score): keeps the best k without storing every pair. */
    private static final class TopK {
        private int[] ids = new int[16];
        private double[] scores = new double[16];
        private int size;
        private int capacity;

        void reset(int k) {
            capacity = k;
            size = 0;
            if (ids.length < k) {
                ids = new int[k];
                scores = new double[k];
            }
        }

        /** True if (a, sa) ranks below (b, sb): lower score, or equal score and later expert. */
        private static boolean worse(double sa, int a, double sb, int b) {
            return sa < sb || (sa == sb && a > b);
        }

        void offer(int id, double score) {
            if (size < capacity) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (!worse(score, id, scores[parent], ids[parent])) {
                        break;
                    }
                    ids[i] = ids[parent];
                    scores[i] = scores[parent];
                    i = parent;
                }
                ids[i] = id;
                scores[i] = score;
            } else if (worse(scores[0], ids[0], score, id)) {
                siftDown(id, score);
            }
        }

        private void siftDown(int id, double score) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && worse(scores[child + 1], ids[child + 1], scores[child], ids[child])) {
                    child++;
                }
                if (!worse(scores[child], ids[child], score, id)) {
                    break;
                }
                ids[i] = ids[child];
                scores[i] = scores[child];
                i = child;
            }
            ids[i] = id;
            scores[i] = score;
        }

        Ranked drainBestFirst() {
            int n = size;
            int[] outIds = new int[n];
            double[] outScores = new double[n];
            for (int i = n - 1; i >= 0; i--) { // pop the worst first, fill from the end
                outIds[i] = ids[0];
                outScores[i] = scores[0];
                size--;
                if (size > 0) {
                    siftDown(ids[size], scores[size]);
                }
            }
            return new Ranked(outIds, outScores);
        }
    }

    // ---------------------------------------------------------------------------------------

    /** A document's term ids and how often each occurs. */
    private record Counts(int[] ids, int[] counts) {
    }

    private interface Counter {
        Map<String, Integer> count(int doc);
    }

    /**
     * Analyses documents in parallel but assigns term ids sequentially, in document order, so
     * ids (and thus float summation order and tie-breaks) are the same on every run. Chunks keep
     * the analysed-but-not-yet-interned strings from piling up.
     */
    private static Counts[] countAll(int n, Counter counter, TermSpace.Builder space) {
        Counts[] out = new Counts[n];
        int chunk = 4096;
        Map<?, ?>[] pending = new Map<?, ?>[chunk];
        for (int start = 0; start < n; start += chunk) {
            int end = Math.min(n, start + chunk);
            int base = start;
            IntStream.range(start, end).parallel().forEach(i -> pending[i - base] = counter.count(i));
            for (int i = start; i < end; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Integer> c = (Map<String, Integer>) pending[i - start];
                String[] terms = c.keySet().toArray(new String[0]);
                int[] counts = new int[terms.length];
                for (int j = 0; j < terms.length; j++) {
                    counts[j] = c.get(terms[j]);
                }
                out[i] = new Counts(space.addDocument(terms), counts);
                pending[i - start] = null;
            }
        }
        return out;
    }

    private static SparseVector[] vectors(Counts[] counted, TermSpace space) {
        SparseVector[] out = new SparseVector[counted.length];
        IntStream.range(0, counted.length).parallel()
                .forEach(i -> out[i] = space.vector(counted[i].ids(), counted[i].counts()));
        return out;
    }

    private Map<String, Integer> keywordCounts(List<String> keywords) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String k : keywords) {
            TermSpace.count(analyzer.terms(k), 1, c);
        }
        return c;
    }

    private static Map<String, int[]> toArrays(Map<String, List<Integer>> lists) {
        Map<String, int[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }
}
