package org.tandem.engine.score;

/** A validated review with its overall score computed once. */
record ScoredReview(ReviewScores review, double overall) {

    String proposalId() {
        return review.proposalId();
    }

    String reviewerId() {
        return review.reviewerId();
    }
}
