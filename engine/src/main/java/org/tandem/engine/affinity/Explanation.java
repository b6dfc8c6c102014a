package org.tandem.engine.affinity;

import java.util.List;

/**
 * Why an expert got their score, for a programme officer who must trust or overrule it.
 * {@code score = textWeight*textScore + keywordWeight*keywordScore + fieldWeight*fieldScore}
 * with the weights actually applied to this proposal (see {@link AffinityParameters}).
 *
 * @param sharedTerms  terms of the proposal found in the expert's papers, largest contribution first
 *                     (as written in the proposal)
 * @param sharedKeywords proposal keyword terms that the expert also declared
 * @param sharedFields  proposal FOS codes matched by the expert, exactly or by major field ("1.*")
 * @param closestPublication the expert's paper most similar to the proposal, or {@code null}
 */
public record Explanation(String proposalId, String expertId, double score,
                          double textScore, double keywordScore, double fieldScore,
                          double textWeight, double keywordWeight, double fieldWeight,
                          List<SharedTerm> sharedTerms, List<String> sharedKeywords,
                          List<String> sharedFields, Publication closestPublication,
                          double closestPublicationSimilarity) {

    /** A term and its share of the text score (the shares of all terms sum to {@code textScore}). */
    public record SharedTerm(String term, double contribution) {
    }

    public List<String> sharedTermNames() {
        return sharedTerms.stream().map(SharedTerm::term).toList();
    }
}
