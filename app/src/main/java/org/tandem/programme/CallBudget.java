package org.tandem.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One party's money for a call: the total and the cap per project for its own team, in its currency. */
@Embeddable
public record CallBudget(@Column(name = "party_id") Long partyId,
                         @Column(name = "total") BigDecimal total,
                         @Column(name = "project_cap") BigDecimal projectCap,
                         @Column(name = "currency") String currency) {
}
