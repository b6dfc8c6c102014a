package org.tandem.engine.assign;

import java.util.function.IntFunction;

/**
 * The candidate pairs as the solver needs them, one array entry per candidate in input order:
 * the reviewer's number, the demand it would serve (-1 when its proposal does not demand the
 * reviewer's group or the reviewer is unknown), whether the pair is conflicted, and the score.
 * {@code candidate} makes the {@link Candidate} of a chosen pair, so millions of candidates need
 * no object each.
 */
record CandidateArrays(int size, int[] reviewer, int[] demand, boolean[] conflicted, double[] score,
                       IntFunction<Candidate> candidate) {
}
