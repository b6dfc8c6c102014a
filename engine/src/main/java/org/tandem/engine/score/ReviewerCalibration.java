package org.tandem.engine.score;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Estimates each reviewer's bias (a lenient or a harsh hand) from who reviewed what, with the additive
 * model {@code overall_ij = merit_i + bias_j + noise}.
 *
 * <p>Fitted by alternating least squares with ridge shrinkage of the biases towards 0: minimise
 * Σ (s_ij − merit_i − bias_j)² + λ Σ bias_j². Without the penalty a reviewer seen once would absorb all
 * of that proposal's deviation and the model would have a free constant; with it, a bias needs several
 * reviews to grow ({@code bias_j = Σ_i (s_ij − merit_i) / (n_j + λ)}, λ = 1 halves a single review's pull).
 * The objective is a strictly convex quadratic and each half-step minimises it exactly in one block of
 * variables, so the iteration converges whatever the review graph looks like.
 *
 * <p>The biases are centred afterwards (mean 0 weighted by review count): that moves every merit by the
 * same constant, so the order is unchanged, and it makes the review-weighted mean of calibrated scores
 * equal that of raw scores, so the two scales stay comparable.
 */
final class ReviewerCalibration {

    static final double LAMBDA = 1.0;
    // Three reviews per proposal need about 150 iterations to settle below the tolerance (the fit
    // converges linearly, slower when few reviewers share proposals); an iteration is one pass over
    // the reviews, so the cap is generous and only guards against a pathological review graph.
    static final int MAX_ITERATIONS = 1000;
    static final double TOLERANCE = 1e-9;

    private ReviewerCalibration() {
    }

    /**
     * @param reviews valid reviews sorted by proposal then reviewer, no duplicate pair
     * @return reviewer id → centred bias, sorted by reviewer id; all 0 with fewer than two reviewers
     *         (one reviewer's bias cannot be told apart from the merits)
     */
    static Map<String, Double> biases(List<ScoredReview> reviews) {
        TreeMap<String, Integer> reviewerIndex = new TreeMap<>();
        TreeMap<String, Integer> proposalIndex = new TreeMap<>();
        for (ScoredReview r : reviews) {
            reviewerIndex.putIfAbsent(r.reviewerId(), 0);
            proposalIndex.putIfAbsent(r.proposalId(), 0);
        }
        Map<String, Double> result = new TreeMap<>();
        if (reviewerIndex.size() < 2) {
            reviewerIndex.keySet().forEach(id -> result.put(id, 0.0));
            return Collections.unmodifiableMap(result);
        }
        number(reviewerIndex);
        number(proposalIndex);

        int n = reviews.size();
        int[] prop = new int[n];
        int[] rev = new int[n];
        double[] s = new double[n];
        int[] perProposal = new int[proposalIndex.size()];
        int[] perReviewer = new int[reviewerIndex.size()];
        for (int k = 0; k < n; k++) {
            ScoredReview r = reviews.get(k);
            prop[k] = proposalIndex.get(r.proposalId());
            rev[k] = reviewerIndex.get(r.reviewerId());
            s[k] = r.overall();
            perProposal[prop[k]]++;
            perReviewer[rev[k]]++;
        }

        double[] merit = new double[perProposal.length];
        double[] bias = new double[perReviewer.length];
        updateMerits(merit, bias, prop, rev, s, perProposal); // start from raw means, biases 0
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double change = updateBiases(merit, bias, prop, rev, s, perReviewer);
            change = Math.max(change, updateMerits(merit, bias, prop, rev, s, perProposal));
            if (change < TOLERANCE) {
                break;
            }
        }

        double weighted = 0;
        for (int j = 0; j < bias.length; j++) {
            weighted += perReviewer[j] * bias[j];
        }
        double centre = weighted / n;
        for (Map.Entry<String, Integer> e : reviewerIndex.entrySet()) {
            result.put(e.getKey(), bias[e.getValue()] - centre);
        }
        return Collections.unmodifiableMap(result);
    }

    /** Ridge step: each bias is the shrunk mean deviation of its reviews from the current merits. */
    private static double updateBiases(double[] merit, double[] bias, int[] prop, int[] rev, double[] s, int[] count) {
        double[] sum = new double[bias.length];
        for (int k = 0; k < s.length; k++) {
            sum[rev[k]] += s[k] - merit[prop[k]];
        }
        double change = 0;
        for (int j = 0; j < bias.length; j++) {
            double next = sum[j] / (count[j] + LAMBDA);
            change = Math.max(change, Math.abs(next - bias[j]));
            bias[j] = next;
        }
        return change;
    }

    /** Merit step: each merit is the mean of its reviews with the current biases removed. */
    private static double updateMerits(double[] merit, double[] bias, int[] prop, int[] rev, double[] s, int[] count) {
        double[] sum = new double[merit.length];
        for (int k = 0; k < s.length; k++) {
            sum[prop[k]] += s[k] - bias[rev[k]];
        }
        double change = 0;
        for (int i = 0; i < merit.length; i++) {
            double next = sum[i] / count[i];
            change = Math.max(change, Math.abs(next - merit[i]));
            merit[i] = next;
        }
        return change;
    }

    private static void number(TreeMap<String, Integer> index) {
        int i = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(i++);
        }
    }
}
