package org.tandem.engine.conflict;

import java.util.List;

/** The people behind a proposal, from all partner countries, with their organisations. */
public record ProposalParties(String proposalId, List<Person> team) {

    public ProposalParties {
        team = List.copyOf(team);
    }
}
