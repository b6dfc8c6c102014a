package org.tandem.engine.score;

import java.util.Objects;

/**
 * One criterion of a review form, such as "excellence".
 *
 * @param code      stable identifier, the key of a review's scores and of the application's messages
 * @param weight    relative weight in the overall score; only ratios matter, so 2/1/1 and 0.5/0.25/0.25 agree
 * @param threshold minimum mean score a proposal needs on this criterion to be fundable; {@code null} for none.
 *                  Checked against the scale by {@link ReviewForm}, which knows it.
 */
public record Criterion(String code, double weight, Double threshold) {

    public Criterion {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("criterion code must not be blank");
        }
        // Written so that NaN fails too.
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight of criterion " + code + " must be a positive number, got " + weight);
        }
    }
}
