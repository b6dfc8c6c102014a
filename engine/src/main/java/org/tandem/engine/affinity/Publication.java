package org.tandem.engine.affinity;

/**
 * One paper of an expert. Papers are scored one by one because an expert fits a proposal
 * when a single paper is close, even if the rest of their work is elsewhere.
 *
 * @param year publication year, or {@code null} when unknown (then a neutral recency weight applies)
 */
public record Publication(String title, String abstractText, Integer year) {

    public Publication {
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
    }
}
