package org.tandem.engine.score;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One expert's review of one proposal: criterion code → score. Not validated here, because a review
 * is judged against a form ({@link ReviewForm#problems}); a null score is kept so it can be reported as missing.
 */
public record ReviewScores(String proposalId, String reviewerId, Map<String, Double> scores) {

    public ReviewScores {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(reviewerId, "reviewerId");
        // Sorted copy: the order of problems and of sums must not depend on the caller's map.
        scores = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(scores, "scores")));
    }
}
