package org.tandem.engine.affinity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A vocabulary with corpus IDF, built from the expert side only (the pool is what a proposal is
 * compared against), and the sublinear TF-IDF weighting shared by both sides:
 * {@code w(t) = (1 + ln tf) * idf(t)}, {@code idf(t) = ln((N + 1) / (df + 1)) + 1}, then L2
 * normalisation, so the dot product of two vectors is their cosine, in [0, 1].
 */
final class TermSpace {

    private final Map<String, Integer> ids;
    private final float[] idf;
    private final float unknownIdf;

    private TermSpace(Map<String, Integer> ids, float[] idf, float unknownIdf) {
        this.ids = ids;
        this.idf = idf;
        this.unknownIdf = unknownIdf;
    }

    int size() {
        return idf.length;
    }

    /** Term id, or -1 if the pool never uses it. */
    int id(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    /** Collects term ids and document frequencies document by document. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private int[] df = new int[1024];
        private int documents;

        /** Adds one document's distinct terms; returns their ids in the order given. */
        int[] addDocument(String[] distinctTerms) {
            documents++;
            int[] out = new int[distinctTerms.length];
            for (int i = 0; i < distinctTerms.length; i++) {
                int id = ids.computeIfAbsent(distinctTerms[i], t -> ids.size());
                if (id >= df.length) {
                    df = Arrays.copyOf(df, df.length * 2);
                }
                df[id]++;
                out[i] = id;
            }
            return out;
        }

        TermSpace build() {
            int n = ids.size();
            float[] idf = new float[n];
            for (int t = 0; t < n; t++) {
                idf[t] = (float) (Math.log((documents + 1.0) / (df[t] + 1.0)) + 1.0);
            }
            // A term no expert uses still makes the proposal longer (lowers every cosine alike);
            // it weighs like the rarest possible term.
            float unknown = (float) (Math.log(documents + 1.0) + 1.0);
            return new TermSpace(ids, idf, unknown);
        }
    }

    /** Sublinear TF-IDF vector of already-counted known terms. */
    SparseVector vector(int[] termIds, int[] counts) {
        double norm = 0;
        float[] w = new float[termIds.length];
        for (int i = 0; i < termIds.length; i++) {
            w[i] = (float) ((1 + Math.log(counts[i])) * idf[termIds[i]]);
            norm += (double) w[i] * w[i];
        }
        return normalised(termIds, w, norm);
    }

    /** Vector of a text given as counted terms; unknown terms count in the norm only. */
    SparseVector vector(Map<String, Integer> counts) {
        int[] t = new int[counts.size()];
        float[] w = new float[counts.size()];
        int n = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int id = id(e.getKey());
            double weight = (1 + Math.log(e.getValue())) * (id >= 0 ? idf[id] : unknownIdf);
            norm += weight * weight;
            if (id >= 0) {
                t[n] = id;
                w[n++] = (float) weight;
            }
        }
        return normalised(Arrays.copyOf(t, n), Arrays.copyOf(w, n), norm);
    }

    private static SparseVector normalised(int[] termIds, float[] w, double squaredNorm) {
        if (termIds.length == 0 || squaredNorm == 0) {
            return SparseVector.EMPTY;
        }
        float inv = (float) (1 / Math.sqrt(squaredNorm));
        // Sort by term id so vectors can be merged and postings stay in document order.
        Integer[] order = new Integer[termIds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(termIds[a], termIds[b]));
        int[] st = new int[termIds.length];
        float[] sw = new float[termIds.length];
        for (int i = 0; i < order.length; i++) {
            st[i] = termIds[order[i]];
            sw[i] = w[order[i]] * inv;
        }
        return new SparseVector(st, sw);
    }

    /** Counts of terms, in first-seen order, for building documents and queries. */
    static Map<String, Integer> count(List<String> terms, int times, Map<String, Integer> into) {
        for (String t : terms) {
            into.merge(t, times, Integer::sum);
        }
        return into;
    }
}
