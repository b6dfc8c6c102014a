package org.tandem.engine.conflict;

import java.util.List;

/** A work the expert co-authored; only the year and the other authors matter for conflicts. */
public record Publication(String title, int year, List<Person> coauthors) {

    public Publication {
        coauthors = List.copyOf(coauthors);
    }
}
