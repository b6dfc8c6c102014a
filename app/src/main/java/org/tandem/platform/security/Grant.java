package org.tandem.platform.security;

/**
 * A role held by an account, possibly limited to one programme and one party of it.
 * A null scope means "any".
 */
public record Grant(long id, Role role, Long programmeId, Long partyId) implements java.io.Serializable {

    public boolean covers(Role wanted, long programme, Long party) {
        return role == wanted
                && (programmeId == null || programmeId == programme)
                && (party == null || partyId == null || partyId.equals(party));
    }
}
