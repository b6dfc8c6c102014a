package org.tandem.proposal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A proposal as the API shows it; PUT accepts the same shape (read-only parts are ignored).
 * A team's {@code internalNotes} appear only to that team and to its party's officers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProposalJson(Long id, Long callId, Long version, String status, String acronym, String title,
                    @JsonProperty("abstract") String abstractText, List<String> keywords, List<String> fields,
                    Integer durationMonths, String workPlan, String titleVi, String titleRu, String abstractVi,
                    String abstractRu, List<TeamJson> teams, List<Receipt> submissions, List<String> actions) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TeamJson(String party, String currency, String hostOrganisation, String piName, String piEmail,
                    Boolean piAccepted, List<String> members, List<BudgetLine> budget, BigDecimal budgetTotal,
                    String internalNotes) {
    }

    ProposalContent content() {
        return new ProposalContent(acronym, title, abstractText, keywords, fields, durationMonths, workPlan,
                titleVi, titleRu, abstractVi, abstractRu, teams == null ? null : teams.stream()
                .map(t -> new TeamContent(t.party(), t.hostOrganisation(), t.piName(), t.piEmail(), t.members(),
                        t.budget(), t.internalNotes())).toList());
    }

    record CheckJson(String rule, String party, boolean passed, String message, String overrideReason) {
    }

    record Created(long id, long version) {
    }

    record ReceiptJson(Receipt receipt) {
    }

    record EligibilityJson(boolean eligible, List<CheckJson> checks) {
    }

    record NotEligible(String code, String message, List<CheckJson> checks) {
    }

    record Invitation(String party, String email) {
    }

    record Override(String rule, String party, String reason) {
    }

    record Summary(long id, String acronym, String title, String status, long version, boolean eligible,
                   Instant updatedAt, List<TeamJson> teams) {
    }
}
