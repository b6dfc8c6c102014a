package org.tandem.engine.affinity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermAnalyzerTest {

    private final TermAnalyzer analyzer = new TermAnalyzer();

    @Test
    void foldsVietnameseDiacritics() {
        assertThat(analyzer.terms("Hợp tác khoa học công nghệ Việt – Nga"))
                .containsExactly("hop", "tac", "khoa", "hoc", "cong", "nghe", "viet", "nga");
    }

    @Test
    void stemsRussianInflectionsToTheSameTerm() {
        assertThat(analyzer.terms("нейронные сети")).isEqualTo(analyzer.terms("нейронная сеть"));
        assertThat(analyzer.terms("новый материал")).isEqualTo(analyzer.terms("новые материалы"));
    }

    @Test
    void stemsEnglishAndDropsStopWordsAndNumbers() {
        assertThat(analyzer.terms("The catalysts were catalysing reactions in 2024"))
                .containsExactly("catalyst", "were", "catalys", "reaction");
    }

    @Test
    void keepsTheSurfaceWordForExplanations() {
        assertThat(analyzer.tokens("Electrolysers")).singleElement()
                .satisfies(t -> assertThat(t.surface()).isEqualTo("electrolysers"));
    }
}
