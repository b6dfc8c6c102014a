package org.tandem.engine.conflict;

import java.util.List;

/** A reviewer candidate with what can make them conflicted. */
public record Expert(String id, Person person, List<Affiliation> affiliations,
                     List<Publication> publications, List<DeclaredConflict> declared) {

    public Expert {
        affiliations = List.copyOf(affiliations);
        publications = List.copyOf(publications);
        declared = List.copyOf(declared);
    }
}
