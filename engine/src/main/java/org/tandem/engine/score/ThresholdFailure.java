package org.tandem.engine.score;

/**
 * A threshold a proposal did not reach, which makes it not fundable.
 *
 * @param criterion the criterion code, or {@code null} for the overall threshold
 * @param score     the proposal's raw mean score on that criterion (or overall)
 * @param threshold the form's threshold it fell below
 */
public record ThresholdFailure(String criterion, double score, double threshold) {

    public boolean isOverall() {
        return criterion == null;
    }
}
