package org.tandem.engine.score;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregated score of one proposal.
 *
 * @param reviews        number of reviews it received (at least 1)
 * @param criterionMeans criterion code → mean of the raw scores, in the form's criterion order
 * @param raw            mean over its reviews of each review's overall score
 * @param calibrated     the same after removing each reviewer's estimated bias; equals {@code raw} when
 *                       calibration is off. Only used for ordering.
 * @param fundable       no threshold failed; thresholds are judged on raw scores, never on calibrated ones
 * @param failures       the failed thresholds: criteria in form order, then the overall one
 */
public record ProposalScore(String proposalId, int reviews, Map<String, Double> criterionMeans, double raw,
                            double calibrated, boolean fundable, List<ThresholdFailure> failures) {

    public ProposalScore {
        criterionMeans = Collections.unmodifiableMap(new LinkedHashMap<>(criterionMeans));
        failures = List.copyOf(failures);
    }
}
