package org.tandem.engine.affinity;

import java.util.List;

/**
 * The English text of a proposal that experts are matched against. Any part may be empty:
 * a proposal without text simply scores 0 against everyone.
 *
 * @param fields OECD Fields of Science 2007 codes such as {@code "1.2"} or {@code "2.5"}
 */
public record ProposalText(String id, String title, String abstractText, List<String> keywords,
                           List<String> fields) {

    public ProposalText {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("proposal id is required");
        }
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
