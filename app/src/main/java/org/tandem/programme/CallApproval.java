package org.tandem.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** An officer's approval of a call on behalf of their party. */
@Embeddable
public record CallApproval(@Column(name = "party_id") Long partyId,
                           @Column(name = "approved_by") String approvedBy,
                           @Column(name = "approved_at") Instant approvedAt) {
}
