package org.tandem.engine.affinity;

/** An L2-normalised term vector: term ids ascending, with their weights. */
record SparseVector(int[] terms, float[] weights) {

    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    boolean isEmpty() {
        return terms.length == 0;
    }

    /** Weight of {@code term}, 0 when absent. */
    float weight(int term) {
        int i = java.util.Arrays.binarySearch(terms, term);
        return i >= 0 ? weights[i] : 0f;
    }

    double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < terms.length && j < other.terms.length) {
            int a = terms[i];
            int b = other.terms[j];
            if (a == b) {
                sum += (double) weights[i++] * other.weights[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
