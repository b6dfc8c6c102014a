package org.tandem.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** What one party plans to spend on new projects in one year, in its own currency. */
@Embeddable
public record PlanBudget(@Column(name = "party_id") Long partyId,
                         @Column(name = "amount") BigDecimal amount,
                         @Column(name = "currency") String currency) {
}
