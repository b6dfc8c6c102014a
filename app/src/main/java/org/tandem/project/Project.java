package org.tandem.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A joint project: the funded proposal's last submitted content, one part per party with the
 * party's own task code, team and budget in its currency.
 */
public record Project(long id, long proposalId, long callId, long programmeId, String acronym, String title,
                      String abstractText, List<String> keywords, Integer durationMonths, String workPlan,
                      String status, LocalDate startDate, LocalDate endDate, Integer trlStart, Integer trlEnd,
                      Instant awardedAt, Instant updatedAt, List<Part> parties) {

    /** One party's side of the project. */
    public record Part(long partyId, String partyCode, int position, String code, String currency,
                       String hostOrganisation, Long piUserId, String piName, String piEmail, List<String> members,
                       List<BudgetItem> budget) {

        public BigDecimal budgetTotal() {
            return budget.stream().map(BudgetItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public List<String> categories() {
            return budget.stream().map(BudgetItem::category).distinct().toList();
        }
    }

    /** Planned spending of one team in one project year and category. */
    public record BudgetItem(int year, String category, BigDecimal amount) {
    }

    public Optional<Part> part(long partyId) {
        return parties.stream().filter(p -> p.partyId() == partyId).findFirst();
    }

    public Optional<Part> partByCode(String partyCode) {
        return parties.stream().filter(p -> p.partyCode().equals(partyCode)).findFirst();
    }

    /** The part whose team this user leads, if any. */
    public Optional<Part> ledBy(long userId) {
        return parties.stream().filter(p -> p.piUserId() != null && p.piUserId() == userId).findFirst();
    }
}
