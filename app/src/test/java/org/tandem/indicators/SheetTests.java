package org.tandem.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SheetTests {

    @Test
    void columnLettersAsSpreadsheetsName() {
        assertThat(Sheet.letter(0)).isEqualTo("A");
        assertThat(Sheet.letter(25)).isEqualTo("Z");
        assertThat(Sheet.letter(26)).isEqualTo("AA");
        assertThat(Sheet.letter(27)).isEqualTo("AB");
        assertThat(Sheet.letter(701)).isEqualTo("ZZ");
        assertThat(Sheet.letter(702)).isEqualTo("AAA");
    }

    @Test
    void csvWithQuotesBomBlankLinesAndCrLfKeepsTheSpreadsheetRowNumbers() throws Exception {
        String csv = "\uFEFFuCode,uName,x\r\nA,\"Ha Noi, capital\",1\r\n\r\nB,\"say \"\"hi\"\"\",\r\n";
        Sheet s = Sheet.csv("iData", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.header()).containsExactly("uCode", "uName", "x");
        assertThat(s.lines()).hasSize(2);
        assertThat(s.lines().get(0).cells()).containsExactly("A", "Ha Noi, capital", "1");
        assertThat(s.lines().get(1).row()).isEqualTo(4);
        assertThat(s.cell(s.lines().get(1), 1)).isEqualTo("say \"hi\"");
        assertThat(s.cell(s.lines().get(1), 2)).isEmpty();
        assertThat(s.column("UCODE")).isZero();
    }

    @Test
    void pipelineChoicesRoundTripAndProduceTheEnginesSteps() {
        var c = new PipelineChoices(PipelineChoices.Impute.MEDIAN, true, PipelineChoices.Normalise.RANK,
                PipelineChoices.Aggregate.GMEAN, 0.1);
        assertThat(PipelineChoices.decode(c.encode())).isEqualTo(c);
        assertThat(c.toJson()).contains("\"op\":\"impute\",\"method\":\"median\"", "\"op\":\"treat\"",
                "\"method\":\"rank\"", "\"method\":\"gmean\"", "\"weights_noise\":0.1");
        assertThat(PipelineChoices.defaults().toJson()).doesNotContain("impute");
    }

    @Test
    void ranksAreOneForTheBestAndTiesShareTheLowestAgainstBruteForce() {
        assertThat(IndexRuns.ranks(new double[] {75, 0, 75, Double.NaN, 10})).containsExactly(1, 4, 1, 0, 3);
        java.util.SplittableRandom random = new java.util.SplittableRandom(13);
        for (int trial = 0; trial < 200; trial++) {
            double[] x = new double[1 + random.nextInt(12)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(5);
            }
            int[] r = IndexRuns.ranks(x);
            for (int i = 0; i < x.length; i++) {
                int better = 0;
                for (double y : x) {
                    if (!Double.isNaN(y) && y > x[i]) {
                        better++;
                    }
                }
                assertThat(r[i]).isEqualTo(Double.isNaN(x[i]) ? 0 : better + 1);
            }
        }
    }
}
