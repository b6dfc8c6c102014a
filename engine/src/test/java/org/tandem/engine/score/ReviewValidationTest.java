package org.tandem.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewValidationTest {

    static final ReviewForm FORM = new ReviewForm(List.of(
            new Criterion("excellence", 2, 3.0),
            new Criterion("impact", 1, 3.0),
            new Criterion("implementation", 1, null)), 5, 0.5, 3.5);

    @Test
    void aValidReviewHasNoProblems() {
        assertThat(FORM.problems(Map.of("excellence", 0.0, "impact", 5.0, "implementation", 2.5))).isEmpty();
    }

    @Test
    void missingCriterion() {
        Map<String, Double> scores = new HashMap<>();
        scores.put("excellence", 4.0);
        scores.put("impact", null);
        assertThat(FORM.problems(scores)).containsExactly("missing:impact", "missing:implementation");
    }

    @Test
    void outOfRange() {
        assertThat(FORM.problems(Map.of("excellence", 5.5, "impact", -0.5, "implementation", Double.NaN)))
                .containsExactly("range:excellence", "range:impact", "range:implementation");
    }

    @Test
    void notAMultipleOfTheStep() {
        assertThat(FORM.problems(Map.of("excellence", 4.2, "impact", 3.0, "implementation", 0.25)))
                .containsExactly("step:excellence", "step:implementation");
    }

    @Test
    void decimalStepsAcceptWhatPeopleType() {
        // 0.3 / 0.1 is 2.9999999999999996 in doubles; it is still three steps.
        ReviewForm tenths = new ReviewForm(List.of(new Criterion("q", 1, null)), 1, 0.1, null);
        assertThat(tenths.problems(Map.of("q", 0.3))).isEmpty();
        assertThat(tenths.problems(Map.of("q", 0.7))).isEmpty();
        assertThat(tenths.problems(Map.of("q", 0.35))).containsExactly("step:q");
    }

    @Test
    void unknownCriterionIsAProblem() {
        assertThat(FORM.problems(Map.of("excellence", 4.0, "impact", 3.0, "implementation", 3.0, "excelence", 4.0)))
                .containsExactly("unknown:excelence");
    }

    @Test
    void overallRefusesAnInvalidReview() {
        assertThatThrownBy(() -> FORM.overall(Map.of("excellence", 4.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing:impact");
    }

    @Test
    void aggregateNamesProposalAndReviewerOfAnInvalidReview() {
        List<ReviewScores> reviews = List.of(
                new ReviewScores("P1", "alice", Map.of("excellence", 4.0, "impact", 3.0, "implementation", 3.0)),
                new ReviewScores("P2", "bob", Map.of("excellence", 4.0, "impact", 3.3, "implementation", 6.0)));
        assertThatThrownBy(() -> ScoreAggregation.aggregate(FORM, reviews, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P2").hasMessageContaining("bob")
                .hasMessageContaining("step:impact").hasMessageContaining("range:implementation");
        assertThatThrownBy(() -> ScoreAggregation.reviewerBias(FORM, reviews))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P2");
    }

    @Test
    void aReviewerCountsOncePerProposal() {
        Map<String, Double> s = Map.of("excellence", 4.0, "impact", 3.0, "implementation", 3.0);
        List<ReviewScores> reviews = List.of(new ReviewScores("P1", "alice", s), new ReviewScores("P1", "alice", s));
        assertThatThrownBy(() -> ScoreAggregation.aggregate(FORM, reviews, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P1").hasMessageContaining("alice").hasMessageContaining("twice");
    }

    @Test
    void noReviewsNoScores() {
        assertThat(ScoreAggregation.aggregate(FORM, List.of(), true)).isEmpty();
        assertThat(ScoreAggregation.reviewerBias(FORM, List.of())).isEmpty();
    }

    @Test
    void formValidationNamesTheProblem() {
        Criterion e = new Criterion("e", 1, null);
        assertThatThrownBy(() -> new ReviewForm(List.of(), 5, 0.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one criterion");
        assertThatThrownBy(() -> new ReviewForm(List.of(e, new Criterion("e", 2, null)), 5, 0.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate criterion code e");
        assertThatThrownBy(() -> new Criterion("e", 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight of criterion e");
        assertThatThrownBy(() -> new Criterion("e", -1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight of criterion e");
        assertThatThrownBy(() -> new Criterion(" ", 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> new ReviewForm(List.of(new Criterion("e", 1, 5.5)), 5, 0.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold of criterion e");
        assertThatThrownBy(() -> new ReviewForm(List.of(new Criterion("e", 1, -1.0)), 5, 0.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold of criterion e");
        assertThatThrownBy(() -> new ReviewForm(List.of(e), 5, 0.5, 6.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overall threshold");
        assertThatThrownBy(() -> new ReviewForm(List.of(e), 0, 0.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale maximum");
        assertThatThrownBy(() -> new ReviewForm(List.of(e), 5, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
        assertThatThrownBy(() -> new ReviewForm(List.of(e), 5, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a multiple of the step");
    }

    @Test
    void onlyWeightRatiosMatter() {
        ReviewForm halves = new ReviewForm(List.of(
                new Criterion("excellence", 0.5, null),
                new Criterion("impact", 0.25, null),
                new Criterion("implementation", 0.25, null)), 5, 0.5, null);
        Map<String, Double> s = Map.of("excellence", 4.5, "impact", 3.0, "implementation", 2.0);
        assertThat(FORM.overall(s)).isEqualTo(3.5).isEqualTo(halves.overall(s));
    }
}
