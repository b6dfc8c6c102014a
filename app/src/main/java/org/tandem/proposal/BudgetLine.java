package org.tandem.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One team's planned spending in one project year and category, in its party's currency. */
@Embeddable
public record BudgetLine(@Column(name = "year") int year,
                         @Column(name = "category") String category,
                         @Column(name = "amount") BigDecimal amount) {
}
