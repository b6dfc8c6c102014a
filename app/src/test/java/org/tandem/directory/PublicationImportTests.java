package org.tandem.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problem;

class PublicationImportTests {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAnOrcidRecordExport() {
        String json = """
                {"orcid-identifier":{"path":"0000-0002-1825-0097"},
                 "activities-summary":{"works":{"group":[
                   {"work-summary":[{"title":{"title":{"value":"Single-atom catalysts on graphene"}},
                     "publication-date":{"year":{"value":"2023"}},
                     "external-ids":{"external-id":[{"external-id-type":"doi","external-id-value":"https://doi.org/10.1021/ACS.X.1"}]}}]},
                   {"work-summary":[{"title":{"title":{"value":"Hydrogen evolution in alkaline media"}},
                     "publication-date":null}]}]}}}""";
        var list = PublicationImport.read(PublicationImport.Format.ORCID, utf8(json));
        assertThat(list).hasSize(2);
        assertThat(list.get(0).year()).isEqualTo(2023);
        assertThat(list.get(0).doi()).isEqualTo("10.1021/acs.x.1");
        assertThat(list.get(1).year()).isNull();
    }

    @Test
    void readsBibtexWithNestedBracesAndQuotes() {
        String bib = """
                @article{nguyen2024,
                  title = {Deep learning for {M}ekong salinity forecasting},
                  author = {Nguyễn Văn An and Иванов, Сергей},
                  year = 2024,
                  abstract = "We forecast salinity intrusion.",
                  doi = {10.1000/XYZ}
                }
                @inproceedings{second, title={Edge AI}, year={2021}}
                """;
        var list = PublicationImport.read(PublicationImport.Format.BIBTEX, utf8(bib));
        assertThat(list).extracting(PublicationImport.Entry::title)
                .containsExactly("Deep learning for Mekong salinity forecasting", "Edge AI");
        assertThat(list.get(0).year()).isEqualTo(2024);
        assertThat(list.get(0).abstractText()).isEqualTo("We forecast salinity intrusion.");
        assertThat(list.get(0).doi()).isEqualTo("10.1000/xyz");
    }

    @Test
    void readsCsvWithQuotedCommasAndNamesTheBadLines() {
        var list = PublicationImport.read(PublicationImport.Format.CSV,
                utf8("year,title,doi\n2022,\"Catalysis, hydrogen and \"\"green\"\" steel\",10.1/a\n"));
        assertThat(list.get(0).title()).isEqualTo("Catalysis, hydrogen and \"green\" steel");

        assertThatThrownBy(() -> PublicationImport.read(PublicationImport.Format.CSV,
                utf8("title,year\nGood,2020\n,2021\nBad year,20x1\n")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("line 3.title", "line 4.year"));
        assertThatThrownBy(() -> PublicationImport.read(PublicationImport.Format.CSV, utf8("name,year\nX,2020\n")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PublicationImport.read(PublicationImport.Format.ORCID, utf8("not json")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PublicationImport.read(PublicationImport.Format.BIBTEX, utf8("@article{x, year={1999}}")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("import.title.missing"));
    }
}
