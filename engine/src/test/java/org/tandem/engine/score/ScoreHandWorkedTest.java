package org.tandem.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Examples small enough to work by hand. Form: 0–5 in half points, criteria
 * E (excellence, weight 2, threshold 3), I (impact, weight 1, threshold 3), Q (implementation, weight 1,
 * no threshold), overall threshold 3.5. Overall of a review = (2E + I + Q) / 4.
 *
 * <pre>
 * proposal reviewer  E    I    Q    overall
 * P1       alice     4.5  3    4    16/4   = 4
 * P1       bob       4    2.5  5    15.5/4 = 3.875
 * P1       carol     5    3.5  3    16.5/4 = 4.125   raw 12/3 = 4      E 4.5   I 3 (= threshold, passes)  Q 4
 * P2       alice     5    2.5  5    17.5/4 = 4.375
 * P2       dmitri    5    3    4.5  17.5/4 = 4.375   raw 4.375         E 5     I 2.75 &lt; 3                Q 4.75
 * P3       bob       3    3.5  3    12.5/4 = 3.125
 * P3       carol     2.5  4    4    13/4   = 3.25
 * P3       dmitri    3    3.5  2.5  12/4   = 3       raw 9.375/3 = 3.125 E 8.5/3 &lt; 3  I 11/3  Q 9.5/3; overall &lt; 3.5
 * </pre>
 */
class ScoreHandWorkedTest {

    static final ReviewForm FORM = new ReviewForm(List.of(
            new Criterion("E", 2, 3.0),
            new Criterion("I", 1, 3.0),
            new Criterion("Q", 1, null)), 5, 0.5, 3.5);

    static ReviewScores review(String proposal, String reviewer, double e, double i, double q) {
        return new ReviewScores(proposal, reviewer, Map.of("E", e, "I", i, "Q", q));
    }

    static final List<ReviewScores> REVIEWS = List.of(
            review("P1", "alice", 4.5, 3, 4),
            review("P1", "bob", 4, 2.5, 5),
            review("P1", "carol", 5, 3.5, 3),
            review("P2", "alice", 5, 2.5, 5),
            review("P2", "dmitri", 5, 3, 4.5),
            review("P3", "bob", 3, 3.5, 3),
            review("P3", "carol", 2.5, 4, 4),
            review("P3", "dmitri", 3, 3.5, 2.5));

    @Test
    void overallIsTheWeightedMeanOfOneReview() {
        assertThat(FORM.overall(REVIEWS.get(0).scores())).isEqualTo(4.0);
        assertThat(FORM.overall(REVIEWS.get(1).scores())).isEqualTo(3.875);
        assertThat(FORM.overall(REVIEWS.get(7).scores())).isEqualTo(3.0);
    }

    @Test
    void rawScoresCriterionMeansAndThresholds() {
        List<ProposalScore> scores = ScoreAggregation.aggregate(FORM, REVIEWS, false);

        // The best raw score is not fundable; order is still by score, the committee sees why.
        assertThat(scores).extracting(ProposalScore::proposalId).containsExactly("P2", "P1", "P3");

        ProposalScore p2 = scores.get(0);
        assertThat(p2.reviews()).isEqualTo(2);
        assertThat(p2.raw()).isEqualTo(4.375);
        assertThat(p2.calibrated()).isEqualTo(4.375);
        assertThat(p2.criterionMeans()).containsExactly(Map.entry("E", 5.0), Map.entry("I", 2.75), Map.entry("Q", 4.75));
        assertThat(p2.fundable()).isFalse();
        assertThat(p2.failures()).containsExactly(new ThresholdFailure("I", 2.75, 3.0));

        ProposalScore p1 = scores.get(1);
        assertThat(p1.reviews()).isEqualTo(3);
        assertThat(p1.raw()).isEqualTo(4.0);
        assertThat(p1.calibrated()).isEqualTo(4.0);
        assertThat(p1.criterionMeans()).containsExactly(Map.entry("E", 4.5), Map.entry("I", 3.0), Map.entry("Q", 4.0));
        assertThat(p1.fundable()).as("I mean exactly at its threshold passes").isTrue();
        assertThat(p1.failures()).isEmpty();

        ProposalScore p3 = scores.get(2);
        assertThat(p3.reviews()).isEqualTo(3);
        assertThat(p3.raw()).isEqualTo(3.125);
        assertThat(p3.criterionMeans().get("E")).isCloseTo(8.5 / 3, within(1e-12));
        assertThat(p3.criterionMeans().get("I")).isCloseTo(11.0 / 3, within(1e-12));
        assertThat(p3.criterionMeans().get("Q")).isCloseTo(9.5 / 3, within(1e-12));
        assertThat(p3.fundable()).isFalse();
        assertThat(p3.failures()).hasSize(2);
        assertThat(p3.failures().get(0).criterion()).isEqualTo("E");
        assertThat(p3.failures().get(0).score()).isCloseTo(8.5 / 3, within(1e-12));
        assertThat(p3.failures().get(0).threshold()).isEqualTo(3.0);
        assertThat(p3.failures().get(1)).isEqualTo(new ThresholdFailure(null, 3.125, 3.5));
        assertThat(p3.failures().get(1).isOverall()).isTrue();
    }

    @Test
    void thresholdsAreJudgedOnRawScoresEvenWhenCalibrated() {
        List<ProposalScore> plain = ScoreAggregation.aggregate(FORM, REVIEWS, false);
        List<ProposalScore> calibrated = ScoreAggregation.aggregate(FORM, REVIEWS, true);
        for (ProposalScore c : calibrated) {
            ProposalScore p = plain.stream().filter(x -> x.proposalId().equals(c.proposalId())).findFirst().orElseThrow();
            assertThat(c.raw()).isEqualTo(p.raw());
            assertThat(c.criterionMeans()).isEqualTo(p.criterionMeans());
            assertThat(c.fundable()).isEqualTo(p.fundable());
            assertThat(c.failures()).isEqualTo(p.failures());
        }
    }

    @Test
    void overallThresholdReachedExactlyPasses() {
        ReviewForm form = new ReviewForm(List.of(new Criterion("E", 1, null)), 5, 0.5, 3.5);
        List<ProposalScore> scores = ScoreAggregation.aggregate(form, List.of(
                new ReviewScores("A", "r1", Map.of("E", 3.0)),
                new ReviewScores("A", "r2", Map.of("E", 4.0)),
                new ReviewScores("B", "r1", Map.of("E", 3.0)),
                new ReviewScores("B", "r2", Map.of("E", 3.5))), false);
        assertThat(scores).extracting(ProposalScore::proposalId, ProposalScore::fundable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", true), org.assertj.core.groups.Tuple.tuple("B", false));
        assertThat(scores.get(1).failures()).containsExactly(new ThresholdFailure(null, 3.25, 3.5));
    }

    /**
     * The model solved by hand. alice reviews P1 (4) and P2 (3); bob reviews P2 (4).
     * Fixed point of the ridge fit (λ = 1): m1 = 4 − a, m2 = (7 − a − b)/2, a = ((4 − m1) + (3 − m2))/3,
     * b = (4 − m2)/2, so m2 = 3.5, a = −1/4, b = 1/4, m1 = 4.25. Centring weighted by review count
     * (alice 2, bob 1): c = (2·(−1/4) + 1/4)/3 = −1/12, so a = −1/6, b = 1/3, and calibrated
     * P1 = 4 + 1/6 = 25/6, P2 = ((3 + 1/6) + (4 − 1/3))/2 = 41/12. Raw: P1 4, P2 3.5.
     */
    @Test
    void calibrationMatchesTheModelSolvedByHand() {
        ReviewForm form = new ReviewForm(List.of(new Criterion("E", 1, null)), 5, 0.5, null);
        List<ReviewScores> reviews = List.of(
                new ReviewScores("P1", "alice", Map.of("E", 4.0)),
                new ReviewScores("P2", "alice", Map.of("E", 3.0)),
                new ReviewScores("P2", "bob", Map.of("E", 4.0)));

        Map<String, Double> bias = ScoreAggregation.reviewerBias(form, reviews);
        assertThat(bias.keySet()).containsExactly("alice", "bob");
        assertThat(bias.get("alice")).isCloseTo(-1.0 / 6, within(1e-8));
        assertThat(bias.get("bob")).isCloseTo(1.0 / 3, within(1e-8));

        List<ProposalScore> scores = ScoreAggregation.aggregate(form, reviews, true);
        assertThat(scores).extracting(ProposalScore::proposalId).containsExactly("P1", "P2");
        assertThat(scores.get(0).calibrated()).isCloseTo(25.0 / 6, within(1e-8));
        assertThat(scores.get(0).raw()).isEqualTo(4.0);
        assertThat(scores.get(1).calibrated()).isCloseTo(41.0 / 12, within(1e-8));
        assertThat(scores.get(1).raw()).isEqualTo(3.5);
        // The point of the centring: weighted by reviews, the calibrated scale has the raw mean.
        assertThat(1 * scores.get(0).calibrated() + 2 * scores.get(1).calibrated()).isCloseTo(1 * 4.0 + 2 * 3.5, within(1e-8));
    }

    @Test
    void oneReviewerHasNoBiasAndCalibrationChangesNothing() {
        ReviewForm form = new ReviewForm(List.of(new Criterion("E", 1, null)), 5, 0.5, null);
        List<ReviewScores> reviews = List.of(
                new ReviewScores("P1", "alice", Map.of("E", 4.0)),
                new ReviewScores("P2", "alice", Map.of("E", 3.0)));
        assertThat(ScoreAggregation.reviewerBias(form, reviews)).containsExactly(Map.entry("alice", 0.0));
        assertThat(ScoreAggregation.aggregate(form, reviews, true))
                .isEqualTo(ScoreAggregation.aggregate(form, reviews, false));
    }

    @Test
    void calibratedScoresStayOnTheScale() {
        // On shared proposals harsh gives 1 and lenient 5. A 5 from harsh alone would be corrected above 5
        // without the clamp, a 0 from lenient alone below 0.
        ReviewForm form = new ReviewForm(List.of(new Criterion("E", 1, null)), 5, 0.5, null);
        List<ReviewScores> reviews = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reviews.add(new ReviewScores("S" + i, "harsh", Map.of("E", 1.0)));
            reviews.add(new ReviewScores("S" + i, "lenient", Map.of("E", 5.0)));
        }
        reviews.add(new ReviewScores("top", "harsh", Map.of("E", 5.0)));
        reviews.add(new ReviewScores("bottom", "lenient", Map.of("E", 0.0)));
        List<ProposalScore> scores = ScoreAggregation.aggregate(form, reviews, true);
        assertThat(scores).allSatisfy(s -> assertThat(s.calibrated()).isBetween(0.0, 5.0));
        assertThat(scores.get(0).proposalId()).isEqualTo("top");
        assertThat(scores.get(0).calibrated()).isEqualTo(5.0);
        assertThat(scores.get(scores.size() - 1).proposalId()).isEqualTo("bottom");
        assertThat(scores.get(scores.size() - 1).calibrated()).isEqualTo(0.0);
    }
}
