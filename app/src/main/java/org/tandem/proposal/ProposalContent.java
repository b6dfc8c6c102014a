package org.tandem.proposal;

import java.util.List;

/** What the applicants write: the common part in English, optional national versions, and the teams. */
public record ProposalContent(String acronym, String title, String abstractText, List<String> keywords,
                              List<String> fields, Integer durationMonths, String workPlan,
                              String titleVi, String titleRu, String abstractVi, String abstractRu,
                              List<TeamContent> teams) {

    public static ProposalContent start(String acronym, String title, String abstractText) {
        return new ProposalContent(acronym, title, abstractText, List.of(), List.of(), null, null, null, null, null,
                null, null);
    }
}
