package org.tandem.engine.affinity;

/**
 * Postings of document vectors: for each term, the documents containing it (ascending) and the
 * term's weight there. Scoring a query walks only the postings of its own terms, so most of the
 * 100 million (proposal, expert) pairs of a large call are never touched.
 */
final class InvertedIndex {

    private final int[][] docs;
    private final float[][] weights;

    InvertedIndex(SparseVector[] documents, int termCount) {
        int[] df = new int[termCount];
        for (SparseVector d : documents) {
            for (int t : d.terms()) {
                df[t]++;
            }
        }
        docs = new int[termCount][];
        weights = new float[termCount][];
        for (int t = 0; t < termCount; t++) {
            docs[t] = new int[df[t]];
            weights[t] = new float[df[t]];
        }
        int[] fill = new int[termCount];
        for (int d = 0; d < documents.length; d++) {
            SparseVector v = documents[d];
            for (int i = 0; i < v.terms().length; i++) {
                int t = v.terms()[i];
                docs[t][fill[t]] = d;
                weights[t][fill[t]++] = v.weights()[i];
            }
        }
    }

    /** Adds {@code query · document} to {@code acc[document]} for every document sharing a term. */
    void accumulate(SparseVector query, float[] acc) {
        int[] qt = query.terms();
        float[] qw = query.weights();
        for (int i = 0; i < qt.length; i++) {
            int[] d = docs[qt[i]];
            float[] w = weights[qt[i]];
            float q = qw[i];
            for (int j = 0; j < d.length; j++) {
                acc[d[j]] += q * w[j];
            }
        }
    }
}
