package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problem;

/** Reading one RIS record, and naming the line of a damaged one. */
class RisTests {

    static final String RIS = """
            TY  - JOUR
            AU  - Nguyen, Van An
            AU  - Petrov, Ivan
            TI  - Flood forecasting for the Red River with sparse sensors
            T2  - Journal of Hydrology
            PY  - 2026/05/02/
            DO  - 10.1016/j.jhydrol.2026.130002
            AB  - We forecast floods.
            ER  - 
            TY  - BOOK
            TI  - A second record, ignored
            ER  - 
            """;

    static void refused(String text, String code, Object... args) {
        assertThatThrownBy(() -> PublicationSources.ris(text)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems()).extracting(Problem::field).containsExactly("ris");
            assertThat(e.problems().get(0).code()).isEqualTo(code);
            assertThat(e.problems().get(0).args()).containsExactly(args);
        });
    }

    @Test
    void aJournalArticleIsReadFieldByField() {
        PublicationSources.Read r = PublicationSources.ris(RIS);
        assertThat(r.title()).isEqualTo("Flood forecasting for the Red River with sparse sensors");
        assertThat(r.authors()).containsExactly("Van An Nguyen", "Ivan Petrov");
        assertThat(r.venue()).isEqualTo("Journal of Hydrology");
        assertThat(r.year()).isEqualTo(2026);
        assertThat(r.doi()).isEqualTo("10.1016/j.jhydrol.2026.130002");
        assertThat(r.coarType()).isEqualTo(PublicationSources.JOURNAL_ARTICLE);
    }

    @Test
    void typesMapToCoarAndWindowsLineEndsAndAByteOrderMarkAreFine() {
        assertThat(PublicationSources.ris("\uFEFFTY  - CONF\r\nT1  - Paper\r\nY1  - 2025\r\nER  -\r\n").coarType())
                .isEqualTo(PublicationSources.CONFERENCE_PAPER);
        assertThat(PublicationSources.ris("TY  - CHAP\nTI  - Chapter\nER  - \n").coarType()).isEqualTo(PublicationSources.BOOK_PART);
        assertThat(PublicationSources.ris("TY  - BOOK\nTI  - Book\nER  - \n").coarType()).isEqualTo(PublicationSources.BOOK);
        PublicationSources.Read other = PublicationSources.ris("\n\nTY  - RPRT\nTI  - Report\nAU  - Smith\nER  - ");
        assertThat(other.coarType()).isEqualTo(PublicationSources.TEXT);
        assertThat(other.authors()).containsExactly("Smith");
        assertThat(other.doi()).isNull();
        assertThat(other.year()).isNull();
    }

    @Test
    void aDamagedRecordIsNamedByItsLine() {
        refused("", "project.output.ris.start", 1);
        refused("@article{x, title={BibTeX}}", "project.output.ris.start", 1);
        refused("TY  - \nTI  - No type\nER  - ", "project.output.ris.start", 1);
        refused("TY  - JOUR\nTI  - Title\nthis line is broken\nER  - ", "project.output.ris.line", 3);
        refused("TY  - JOUR\nTI  - Title\nPY  - next year\nER  - ", "project.output.ris.year", 3, "next year");
        refused("TY  - JOUR\nTI  - Title\n", "project.output.ris.end");
        refused("TY  - JOUR\nAU  - Nguyen, An\nER  - ", "project.output.ris.title");
        assertThat(List.of(RIS.split("\n"))).hasSize(12);
    }
}
