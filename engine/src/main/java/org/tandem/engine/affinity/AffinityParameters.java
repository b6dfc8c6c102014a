package org.tandem.engine.affinity;

/**
 * The tunable constants of the affinity formula, in one place so the application can show and
 * the tests can pin them. Defaults follow what works on expert self-ratings (Stelmakh et al.
 * 2023): similarity per paper, dominated by the single closest paper.
 *
 * @param textWeight      weight of the publication-text component
 * @param keywordWeight   weight of declared keywords (proposal keywords vs expert keywords)
 * @param fieldWeight     weight of OECD Fields of Science agreement
 * @param bestPaperWeight share of the text score given to the closest paper alone; the rest is the
 *                        mean of the {@code topPapers} closest papers, so breadth breaks ties
 * @param topPapers       papers in that mean (divided by this number even if the expert has fewer)
 * @param titleBoost      a title word counts as this many abstract words
 * @param recencyFloor    weight of a very old paper (a paper of the reference year weighs 1)
 * @param recencyYears    e-folding time, in years, of the recency decay
 * @param referenceYear   year of "now" for recency; 0 means the latest year seen in the pool
 *                        (deterministic, unlike the wall clock)
 */
public record AffinityParameters(double textWeight, double keywordWeight, double fieldWeight,
                                 double bestPaperWeight, int topPapers, int titleBoost,
                                 double recencyFloor, double recencyYears, int referenceYear) {

    public AffinityParameters {
        if (textWeight < 0 || keywordWeight < 0 || fieldWeight < 0
                || textWeight + keywordWeight + fieldWeight <= 0) {
            throw new IllegalArgumentException("component weights must be non-negative, not all zero");
        }
        if (bestPaperWeight < 0 || bestPaperWeight > 1 || topPapers < 1 || titleBoost < 1
                || recencyFloor < 0 || recencyFloor > 1 || recencyYears <= 0) {
            throw new IllegalArgumentException("affinity parameters out of range");
        }
    }

    public static AffinityParameters defaults() {
        return new AffinityParameters(0.75, 0.15, 0.10, 0.7, 3, 2, 0.8, 10.0, 0);
    }

    /** Mild recency: 1 for a paper of the reference year, decaying towards {@code recencyFloor}. */
    double recency(Integer year, int refYear) {
        if (year == null || refYear == 0) {
            return (1 + recencyFloor) / 2;
        }
        int age = Math.max(0, refYear - year);
        return recencyFloor + (1 - recencyFloor) * Math.exp(-age / recencyYears);
    }
}
