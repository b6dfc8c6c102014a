package org.tandem.engine.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the expert reviews of one party's proposals into one score per proposal, the thresholds it
 * failed, and the order in which the committee should look at them.
 *
 * <p>Thresholds are judged on raw scores, as Horizon Europe panels do: a threshold is a promise made in
 * the call text about what the experts wrote, and an applicant must be able to check it against the
 * scores in their evaluation report. Calibration only changes the order, where it corrects for having
 * drawn lenient or harsh reviewers.
 *
 * <p>Deterministic: reviews are put in (proposal, reviewer) order before any sum is taken, so the same
 * reviews in any order give bit-for-bit the same result.
 */
public final class ScoreAggregation {

    // Means of the same scores summed in another order can differ in the last bit; differences below
    // this are not real, neither for a threshold nor for the order.
    private static final double EPSILON = 1e-9;

    private static final Comparator<ReviewScores> REVIEW_ORDER =
            Comparator.comparing(ReviewScores::proposalId).thenComparing(ReviewScores::reviewerId);

    private static final Comparator<ProposalScore> RESULT_ORDER =
            Comparator.comparingDouble((ProposalScore p) -> rounded(p.calibrated())).reversed()
                    .thenComparing(Comparator.comparingDouble((ProposalScore p) -> rounded(p.raw())).reversed())
                    .thenComparing(ProposalScore::proposalId);

    private ScoreAggregation() {
    }

    /**
     * @param calibrate whether to correct each review for its reviewer's bias ({@link #reviewerBias});
     *                  when false, {@code calibrated} equals {@code raw}
     * @return one score per reviewed proposal, by calibrated score descending, then raw descending, then id
     * @throws IllegalArgumentException naming proposal and reviewer of an invalid or duplicated review
     */
    public static List<ProposalScore> aggregate(ReviewForm form, List<ReviewScores> reviews, boolean calibrate) {
        List<ScoredReview> scored = score(form, reviews);
        Map<String, Double> bias = calibrate ? ReviewerCalibration.biases(scored) : Map.of();

        List<ProposalScore> result = new ArrayList<>();
        int from = 0;
        while (from < scored.size()) {
            int to = from;
            while (to < scored.size() && scored.get(to).proposalId().equals(scored.get(from).proposalId())) {
                to++;
            }
            result.add(proposal(form, scored.subList(from, to), bias, calibrate));
            from = to;
        }
        result.sort(RESULT_ORDER);
        return List.copyOf(result);
    }

    /**
     * The estimated bias of each reviewer (positive: scores higher than the proposals deserve), centred
     * so that the review-weighted mean is 0; all 0 when there are fewer than two reviewers.
     *
     * @return reviewer id → bias on the form's scale, sorted by reviewer id
     */
    public static Map<String, Double> reviewerBias(ReviewForm form, List<ReviewScores> reviews) {
        return ReviewerCalibration.biases(score(form, reviews));
    }

    /** Validates the reviews and puts them in (proposal, reviewer) order with their overall scores. */
    private static List<ScoredReview> score(ReviewForm form, List<ReviewScores> reviews) {
        Objects.requireNonNull(form, "form");
        List<ReviewScores> sorted = new ArrayList<>(Objects.requireNonNull(reviews, "reviews"));
        sorted.forEach(r -> Objects.requireNonNull(r, "review"));
        sorted.sort(REVIEW_ORDER);
        List<ScoredReview> scored = new ArrayList<>(sorted.size());
        ReviewScores previous = null;
        for (ReviewScores r : sorted) {
            if (previous != null && REVIEW_ORDER.compare(previous, r) == 0) {
                // Counting one expert twice would double their weight and their bias.
                throw new IllegalArgumentException("proposal " + r.proposalId() + " is reviewed twice by reviewer "
                        + r.reviewerId());
            }
            List<String> problems = form.problems(r.scores());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("review of proposal " + r.proposalId() + " by reviewer "
                        + r.reviewerId() + " is invalid: " + String.join(", ", problems));
            }
            scored.add(new ScoredReview(r, form.overall(r.scores())));
            previous = r;
        }
        return scored;
    }

    private static ProposalScore proposal(ReviewForm form, List<ScoredReview> reviews, Map<String, Double> bias,
                                          boolean calibrate) {
        int n = reviews.size();
        Map<String, Double> means = new LinkedHashMap<>();
        List<ThresholdFailure> failures = new ArrayList<>();
        for (Criterion c : form.criteria()) {
            double sum = 0;
            for (ScoredReview r : reviews) {
                sum += r.review().scores().get(c.code());
            }
            double mean = sum / n;
            means.put(c.code(), mean);
            if (below(mean, c.threshold())) {
                failures.add(new ThresholdFailure(c.code(), mean, c.threshold()));
            }
        }
        double raw = 0;
        double corrected = 0;
        for (ScoredReview r : reviews) {
            raw += r.overall();
            corrected += r.overall() - (calibrate ? bias.get(r.reviewerId()) : 0);
        }
        raw /= n;
        double calibrated = calibrate ? Math.min(form.scaleMax(), Math.max(0, corrected / n)) : raw;
        if (below(raw, form.overallThreshold())) {
            failures.add(new ThresholdFailure(null, raw, form.overallThreshold()));
        }
        return new ProposalScore(reviews.get(0).proposalId(), n, means, raw, calibrated, failures.isEmpty(), failures);
    }

    /** Reaching the threshold exactly passes. */
    private static boolean below(double score, Double threshold) {
        return threshold != null && score < threshold - EPSILON;
    }

    /** Comparison key: equal up to {@link #EPSILON}, and still a total order (unlike comparing with a tolerance). */
    private static double rounded(double score) {
        return Math.rint(score / EPSILON);
    }
}
