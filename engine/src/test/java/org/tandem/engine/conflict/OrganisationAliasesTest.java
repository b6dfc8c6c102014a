package org.tandem.engine.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrganisationAliasesTest {

    @Test
    void builtInGroups() {
        var a = OrganisationAliases.builtIn();
        assertThat(a.same("Vietnam Academy of Science and Technology", "VAST")).isTrue();
        assertThat(a.same("vast", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam")).isTrue();
        assertThat(a.same("Vien Han lam Khoa hoc va Cong nghe Viet Nam", "VAST")).isTrue();
        assertThat(a.same("Novosibirsk State University", "NSU")).isTrue();
        assertThat(a.same("Новосибирский государственный университет", "N.S.U.")).isFalse();
        assertThat(a.same("Новосибирский государственный университет", "Novosibirsk State University")).isTrue();
        assertThat(a.same("NSU", "VAST")).isFalse();
        assertThat(a.displayName("nsu")).isEqualTo("Novosibirsk State University");
    }

    @Test
    void unknownNamesMatchOnlyThemselvesUpToCaseAndPunctuation() {
        var a = OrganisationAliases.none();
        assertThat(a.same("Hanoi University of Science", "HANOI UNIVERSITY OF SCIENCE.")).isTrue();
        assertThat(a.same("Hanoi University of Science", "Hanoi University of Technology")).isFalse();
    }

    @Test
    void groupsSharingANameMerge() {
        var a = OrganisationAliases.none().add("A Institute", "AI").add("AI", "Институт А");
        assertThat(a.same("A Institute", "Институт А")).isTrue();
    }

    @Test
    void csvLinesWithQuotes() {
        var a = OrganisationAliases.none();
        a.addCsvLine("\"Institute of Physics, Hanoi\",IOP Hanoi", 1);
        a.addCsvLine("# comment", 2);
        assertThat(a.same("Institute of Physics, Hanoi", "IOP Hanoi")).isTrue();
        assertThatThrownBy(() -> a.addCsvLine("\"open", 7)).hasMessageContaining("line 7");
    }
}
