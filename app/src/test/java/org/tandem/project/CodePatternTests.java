package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.platform.validation.InvalidInputException;

class CodePatternTests {

    @Test
    void vietnamsTaskCodeNamesThePartnerTheYearAndASerial() {
        CodePattern p = CodePattern.defaultFor("VN");
        assertThat(p.code("VN", List.of("RU"), 2026, 7)).isEqualTo("NDT/RU/26/07");
        assertThat(p.code("VN", List.of("RU"), 2031, 123)).isEqualTo("NDT/RU/31/123");
        assertThat(p.prefix("VN", List.of("RU"), 2026)).isEqualTo("NDT/RU/26/<serial>");
        assertThat(p.prefix("VN", List.of("RU"), 2027)).isNotEqualTo(p.prefix("VN", List.of("RU"), 2026));
        assertThat(CodePattern.defaultFor("RU").code("RU", List.of("VN", "LA"), 2026, 5)).isEqualTo("RU-VN-LA-2026-005");
    }

    @Test
    void aPatternNeedsExactlyOneSerialAndKnownPlaceholders() {
        assertThat(CodePattern.parse("pattern", " РНФ-<yyyy>-<nnn> ").code("RU", List.of(), 2026, 1)).isEqualTo("РНФ-2026-001");
        for (String bad : List.of("", "NDT/<yy>", "<nn>/<nn>", "NDT/<xx>/<nn>")) {
            assertThatThrownBy(() -> CodePattern.parse("pattern", bad)).as(bad).isInstanceOfSatisfying(
                    InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("pattern"));
        }
    }
}
