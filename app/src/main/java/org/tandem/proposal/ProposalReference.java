package org.tandem.proposal;

import org.tandem.programme.Call;
import org.tandem.programme.Programme;

/**
 * The reference people quote for a proposal on the phone and in letters: programme, call year
 * and a zero-padded serial ("VN-RU-2026-C2026-00042"), instead of a bare database number that
 * says nothing about where it belongs.
 */
public final class ProposalReference {

    private ProposalReference() {
    }

    public static String of(Programme programme, Call call, long proposalId) {
        return programme.getCode() + "-C" + call.getYear() + "-" + String.format(java.util.Locale.ROOT, "%05d", proposalId);
    }
}
