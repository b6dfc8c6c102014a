package org.tandem.innovation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An expression of interest in a profile and, once the owner accepts it, the deal it grows into.
 * {@link #party} (who expressed interest) is null for the owner until they accepted; the profile's
 * owner is null for the interested party until then too: both learn of each other at the same moment.
 */
public record Deal(long id, long profileId, String profileTitle, Profile.ProfileType profileType, String stage,
                   String message, Party party, Party owner, String agreementType, BigDecimal value, String currency,
                   Instant acceptedAt, Instant createdAt, List<Stage> history) {

    public record Party(String name, String organisation, String email) {
    }

    public record Stage(String stage, LocalDate on, String by, String note, String document, BigDecimal value,
                        String currency, Instant at) {
    }

    public enum AgreementType { LICENCE, TRANSFER, JOINT_VENTURE, RESEARCH_CONTRACT, INVESTMENT }
}
