package org.tandem.engine.affinity;

import java.util.List;

/**
 * What the pool knows about an expert's competence: their papers, self-declared keywords and
 * OECD Fields of Science codes.
 */
public record ExpertProfile(String id, List<String> keywords, List<String> fields,
                            List<Publication> publications) {

    public ExpertProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("expert id is required");
        }
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        fields = fields == null ? List.of() : List.copyOf(fields);
        publications = publications == null ? List.of() : List.copyOf(publications);
    }
}
