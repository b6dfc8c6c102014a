package org.tandem.engine.score;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The scoring grid of a call: weighted criteria, each scored in [0, scaleMax] in multiples of
 * {@code step} (Horizon Europe: 0–5 in half points).
 *
 * @param overallThreshold minimum raw overall score (weighted mean, same scale) to be fundable; {@code null} for none
 */
public record ReviewForm(List<Criterion> criteria, double scaleMax, double step, Double overallThreshold) {

    // Scores are typed by people in multiples of 0.5 or 0.1, which are not all exact doubles
    // (0.3 / 0.1 = 2.9999999999999996); anything this close to a multiple is one.
    private static final double STEP_TOLERANCE = 1e-9;

    public ReviewForm {
        Objects.requireNonNull(criteria, "criteria");
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a review form needs at least one criterion");
        }
        if (!(scaleMax > 0) || Double.isInfinite(scaleMax)) {
            throw new IllegalArgumentException("scale maximum must be a positive number, got " + scaleMax);
        }
        if (!(step > 0) || step > scaleMax) {
            throw new IllegalArgumentException("step must be positive and at most the scale maximum, got " + step);
        }
        // Otherwise the top of the scale would not be a valid score.
        if (!isMultiple(scaleMax, step)) {
            throw new IllegalArgumentException("scale maximum " + scaleMax + " is not a multiple of the step " + step);
        }
        Set<String> codes = new HashSet<>();
        for (Criterion c : criteria) {
            if (!codes.add(c.code())) {
                throw new IllegalArgumentException("duplicate criterion code " + c.code());
            }
            if (c.threshold() != null && !withinScale(c.threshold(), scaleMax)) {
                throw new IllegalArgumentException("threshold of criterion " + c.code() + " is outside the scale 0.."
                        + scaleMax + ": " + c.threshold());
            }
        }
        if (overallThreshold != null && !withinScale(overallThreshold, scaleMax)) {
            throw new IllegalArgumentException("overall threshold is outside the scale 0.." + scaleMax + ": "
                    + overallThreshold);
        }
    }

    /**
     * The problems of one review against this form, each as {@code kind:criterion} for the application
     * to translate: {@code missing:<code>} (absent or null), {@code range:<code>} (outside [0, scaleMax] or
     * not a number), {@code step:<code>} (not a multiple of the step), {@code unknown:<key>} (a score for a
     * criterion the form does not have, usually a typo that would otherwise hide behind a "missing").
     * At most one problem per criterion, in form order, then the unknown keys sorted.
     *
     * @return empty when the review is valid
     */
    public List<String> problems(Map<String, Double> scores) {
        Objects.requireNonNull(scores, "scores");
        List<String> problems = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Criterion c : criteria) {
            known.add(c.code());
            Double s = scores.get(c.code());
            if (s == null) {
                problems.add("missing:" + c.code());
            } else if (!withinScale(s, scaleMax)) {
                problems.add("range:" + c.code());
            } else if (!isMultiple(s, step)) {
                problems.add("step:" + c.code());
            }
        }
        scores.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problems.add("unknown:" + k));
        return problems;
    }

    /**
     * The overall score of one review: Σ weight·score / Σ weight, on the same 0..scaleMax scale.
     *
     * @throws IllegalArgumentException listing the {@link #problems} when the review is not valid
     */
    public double overall(Map<String, Double> scores) {
        List<String> problems = problems(scores);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid review: " + String.join(", ", problems));
        }
        double weighted = 0;
        double weights = 0;
        for (Criterion c : criteria) {
            weighted += c.weight() * scores.get(c.code());
            weights += c.weight();
        }
        return weighted / weights;
    }

    private static boolean withinScale(double value, double scaleMax) {
        return value >= 0 && value <= scaleMax; // false for NaN
    }

    private static boolean isMultiple(double value, double step) {
        double q = value / step;
        return Math.abs(q - Math.rint(q)) <= STEP_TOLERANCE * Math.max(1, Math.abs(q));
    }
}
