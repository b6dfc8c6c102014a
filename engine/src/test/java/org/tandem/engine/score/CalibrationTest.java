package org.tandem.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Calibration against data whose true merits and reviewer biases are known. */
class CalibrationTest {

    static final ReviewForm FORM = new ReviewForm(List.of(
            new Criterion("excellence", 0.5, 3.0),
            new Criterion("impact", 0.3, 3.0),
            new Criterion("implementation", 0.2, null)), 5, 0.5, 3.5);

    /**
     * 60 proposals with merit in [1, 4], 20 reviewers with bias in [−1, 1], 3 distinct random reviewers per
     * proposal; each criterion score is merit + bias + N(0, 0.3), rounded to the half point and kept on the scale.
     */
    record Instance(List<ReviewScores> reviews, double[] merit, double[] bias) {
    }

    static Instance generate(long seed) {
        Random rnd = new Random(seed);
        double[] merit = new double[60];
        double[] bias = new double[20];
        Arrays.setAll(merit, i -> 1 + 3 * rnd.nextDouble());
        Arrays.setAll(bias, j -> -1 + 2 * rnd.nextDouble());
        List<Integer> reviewers = new ArrayList<>();
        for (int j = 0; j < bias.length; j++) {
            reviewers.add(j);
        }
        List<ReviewScores> reviews = new ArrayList<>();
        for (int i = 0; i < merit.length; i++) {
            Collections.shuffle(reviewers, rnd);
            for (int j : reviewers.subList(0, 3)) {
                java.util.Map<String, Double> scores = new java.util.HashMap<>();
                for (Criterion c : FORM.criteria()) {
                    double s = merit[i] + bias[j] + 0.3 * rnd.nextGaussian();
                    scores.put(c.code(), Math.min(5, Math.max(0, Math.rint(s * 2) / 2)));
                }
                reviews.add(new ReviewScores(proposal(i), reviewer(j), scores));
            }
        }
        return new Instance(reviews, merit, bias);
    }

    static String proposal(int i) {
        return String.format("P%02d", i);
    }

    static String reviewer(int j) {
        return String.format("R%02d", j);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void calibrationRecoversReviewerBias(long seed) {
        Instance data = generate(seed);

        Map<String, Double> estimated = ScoreAggregation.reviewerBias(FORM, data.reviews());
        double[] est = new double[data.bias().length];
        for (int j = 0; j < est.length; j++) {
            est[j] = estimated.get(reviewer(j));
        }
        assertThat(pearson(est, data.bias())).isGreaterThan(0.9);

        List<ProposalScore> scores = ScoreAggregation.aggregate(FORM, data.reviews(), true);
        assertThat(scores).hasSize(data.merit().length);
        double[] raw = new double[data.merit().length];
        double[] calibrated = new double[data.merit().length];
        for (ProposalScore s : scores) {
            int i = Integer.parseInt(s.proposalId().substring(1));
            raw[i] = s.raw();
            calibrated[i] = s.calibrated();
        }
        double rawRho = spearman(raw, data.merit());
        double calibratedRho = spearman(calibrated, data.merit());
        assertThat(calibratedRho).as("seed %d: raw ρ = %.3f", seed, rawRho).isGreaterThan(rawRho);
    }

    @Test
    void noBiasAndEveryoneReviewsEverythingChangesNothing() {
        List<ReviewScores> reviews = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double merit = 1 + 0.5 * i;
            for (int j = 0; j < 5; j++) {
                reviews.add(new ReviewScores(proposal(i), reviewer(j),
                        Map.of("excellence", merit, "impact", 5 - merit, "implementation", merit)));
            }
        }
        assertThat(ScoreAggregation.reviewerBias(FORM, reviews)).hasSize(5).allSatisfy((r, b) -> assertThat(b).isZero());
        assertThat(ScoreAggregation.aggregate(FORM, reviews, true))
                .isEqualTo(ScoreAggregation.aggregate(FORM, reviews, false));
    }

    @Test
    void whenEveryoneReviewsEverythingBiasIsSeenButTheScoresDoNotMove() {
        // A bias shared by every proposal changes nobody's position, so there is nothing to correct.
        Random rnd = new Random(7);
        double[] bias = {-1, -0.5, 0, 0.5, 1};
        List<ReviewScores> reviews = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double merit = 1.5 + 0.25 * i;
            for (int j = 0; j < bias.length; j++) {
                Map<String, Double> scores = new java.util.HashMap<>();
                for (Criterion c : FORM.criteria()) {
                    double score = Math.rint(2 * (merit + bias[j] + 0.2 * rnd.nextGaussian())) / 2;
                    scores.put(c.code(), Math.min(5, Math.max(0, score)));
                }
                reviews.add(new ReviewScores(proposal(i), reviewer(j), scores));
            }
        }
        Map<String, Double> estimated = ScoreAggregation.reviewerBias(FORM, reviews);
        double[] est = new double[bias.length];
        for (int j = 0; j < bias.length; j++) {
            est[j] = estimated.get(reviewer(j));
        }
        assertThat(pearson(est, bias)).isGreaterThan(0.95);

        List<ProposalScore> calibrated = ScoreAggregation.aggregate(FORM, reviews, true);
        List<ProposalScore> plain = ScoreAggregation.aggregate(FORM, reviews, false);
        assertThat(calibrated).extracting(ProposalScore::proposalId)
                .containsExactlyElementsOf(plain.stream().map(ProposalScore::proposalId).toList());
        for (ProposalScore s : calibrated) {
            assertThat(s.calibrated()).isCloseTo(s.raw(), within(1e-8));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void sameReviewsInAnotherOrderGiveTheSameResult(long seed) {
        Instance data = generate(seed);
        List<ProposalScore> expected = ScoreAggregation.aggregate(FORM, data.reviews(), true);
        Map<String, Double> expectedBias = ScoreAggregation.reviewerBias(FORM, data.reviews());
        Random rnd = new Random(seed);
        for (int round = 0; round < 5; round++) {
            List<ReviewScores> shuffled = new ArrayList<>(data.reviews());
            Collections.shuffle(shuffled, rnd);
            // Bit-for-bit: records compare their doubles exactly.
            assertThat(ScoreAggregation.aggregate(FORM, shuffled, true)).isEqualTo(expected);
            assertThat(ScoreAggregation.aggregate(FORM, shuffled, false))
                    .isEqualTo(ScoreAggregation.aggregate(FORM, data.reviews(), false));
            assertThat(ScoreAggregation.reviewerBias(FORM, shuffled)).isEqualTo(expectedBias);
        }
    }

    static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Pearson correlation of the ranks, ties sharing their average rank (raw scores tie often). */
    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] rank = new double[v.length];
        int from = 0;
        while (from < v.length) {
            int to = from;
            while (to + 1 < v.length && v[order[to + 1]] == v[order[from]]) {
                to++;
            }
            for (int k = from; k <= to; k++) {
                rank[order[k]] = (from + to) / 2.0;
            }
            from = to + 1;
        }
        return rank;
    }
}
