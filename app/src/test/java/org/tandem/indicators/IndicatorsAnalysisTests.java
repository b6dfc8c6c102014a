package org.tandem.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoIndicators;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** The audit of an edition and the comparison of a framework's editions, worked by hand on tiny indices. */
@TandemIntegrationTest
class IndicatorsAnalysisTests {

    @LocalServerPort int port;
    @Autowired Indicators indicators;
    @Autowired IndexRuns runs;
    @Autowired EditionAudits audits;
    @Autowired EditionComparisons comparisons;
    @Autowired UserDetailsService users;

    TandemUser analyst() {
        return (TandemUser) users.loadUserByUsername("analyst");
    }

    /** i3 repeats i1, so the two are perfectly collinear; i2 (lower is better) correlates 0.5 with both. */
    static final String META = """
            Level,iCode,iName,Direction,Weight,Unit,Source,Parent,Type
            1,i1,Patents,1,1,count,Office,IDX,Indicator
            1,i2,Days to start a firm,-1,1,days,Registry,IDX,Indicator
            1,i3,Patent families,1,1,count,Office,IDX,Indicator
            2,IDX,Index,,1,,,,Aggregate
            """;
    static final String DATA = """
            uCode,uName,i1,i2,i3
            TA,Test A,0,30,0
            TB,Test B,5,10,5
            TC,Test C,10,20,10
            """;

    long computed(String framework, int year, String data) throws Exception {
        TandemUser analyst = analyst();
        var e = indicators.createEdition(framework, year, new Names(framework + " " + year, null, null), analyst);
        indicators.importCsv(e.id(), stream(META), stream(data), analyst);
        indicators.configure(e.id(), new PipelineChoices(PipelineChoices.Impute.NONE, false, PipelineChoices.Normalise.MINMAX,
                PipelineChoices.Aggregate.AMEAN, 0.25), analyst);
        assertThat(runs.computeNow(e.id(), analyst).status()).isEqualTo("DONE");
        return e.id();
    }

    @Test
    void theAuditShowsHandWorkedCorrelationsAlphaAndFirstComponentWithTheEnginesFlags() throws Exception {
        long id = computed("TEST-AUDIT", 2030, DATA);
        var a = audits.audit(id, analyst());
        assertThat(a.units()).isEqualTo(3);
        assertThat(a.blocks()).hasSize(1);
        var b = a.blocks().get(0);
        assertThat(b.aggregate().code()).isEqualTo("IDX");
        assertThat(b.members()).extracting(Indicators.Node::code).containsExactly("i1", "i2", "i3");
        // Normalised: i1 = i3 = 0, 50, 100; i2 = 0, 100, 50 → r(i1, i2) = 2500 / 5000 = 0.5, r(i1, i3) = 1.
        assertThat(b.within().get(0).get(1).r()).isCloseTo(0.5, within(1e-12));
        assertThat(b.within().get(1).get(0).r()).isCloseTo(0.5, within(1e-12));
        assertThat(b.within().get(0).get(2).r()).isCloseTo(1, within(1e-12));
        assertThat(b.within().get(0).get(2).flag()).isEqualTo("collinear");
        assertThat(b.within().get(0).get(2).band()).isEqualTo("corr-p3");
        assertThat(b.within().get(0).get(1).band()).isEqualTo("corr-p1");
        assertThat(b.within().get(1).get(1).r()).isEqualTo(1);
        // Index = 0, 66.67, 83.33: r(i1, IDX) = 4166.7 / √(5000 · 3888.9) = 5/√28; r(i2, IDX) = 3333.3 / … = √(4/7).
        assertThat(b.withAggregate().get(0).r()).isCloseTo(5 / Math.sqrt(28), within(1e-9));
        assertThat(b.withAggregate().get(1).r()).isCloseTo(Math.sqrt(4.0 / 7), within(1e-9));
        assertThat(b.withAggregate().get(1).flag()).isEmpty();
        // Covariances 2500 on the diagonal, 1250, 2500, 1250 off it: α = 9 · 1666.7 / 17500 = 6/7.
        var g = a.groups().get(0);
        assertThat(g.alpha()).isCloseTo(6.0 / 7, within(1e-9));
        // Correlation matrix [[1, .5, 1], [.5, 1, .5], [1, .5, 1]]: largest eigenvalue 1.5 + √3/2, of 3.
        assertThat(g.pcaShare()).isCloseTo(0.5 + Math.sqrt(3) / 6, within(1e-9));
        assertThat(g.completeCases()).isEqualTo(3);
        assertThat(a.treatment()).isEmpty();
        // Against every level above: here only the index, so the same figures as the last column.
        assertThat(a.ancestorLevels()).containsExactly(2);
        assertThat(a.lineage()).hasSize(3);
        assertThat(a.lineage().get(1).ancestors().get(0).node().code()).isEqualTo("IDX");
        assertThat(a.lineage().get(1).ancestors().get(0).cell().r()).isCloseTo(Math.sqrt(4.0 / 7), within(1e-9));
        assertThat(a.flagged()).extracting(EditionAudits.Flagged::flag).containsExactly("collinear");

        // A draft's audit is the analyst's; visitors do not learn it exists.
        assertThatThrownBy(() -> audits.audit(id, null)).isInstanceOf(NotFoundException.class);
        assertThat(new WebSession(port).get("/indices/" + id + "/audit").status()).isEqualTo(404);
        var page = new WebSession(port).signIn("analyst", "demo").get("/indices/" + id + "/audit", "vi");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Kiểm định thống kê", "Hệ số alpha Cronbach", "corr-p3", "đa cộng tuyến")
                .doesNotContain("style=");
    }

    @Test
    void theComparisonShowsRanksPerEditionAndHowTheyMoved() throws Exception {
        long first = computed("TEST-CMP", 2030, DATA);
        // A year later TA leads on every indicator: from third to first.
        long second = computed("TEST-CMP", 2031, """
                uCode,uName,i1,i2,i3
                TA,Test A,20,5,20
                TB,Test B,5,10,5
                TC,Test C,10,20,10
                """);
        var c = comparisons.compare("TEST-CMP", "TA", analyst());
        assertThat(c.years()).containsExactly(2030, 2031);
        var ta = c.rows().stream().filter(r -> r.unitCode().equals("TA")).findFirst().orElseThrow();
        assertThat(ta.ranks()).containsExactly(3, 1);
        assertThat(ta.change()).isEqualTo(2);
        assertThat(c.rows().get(0).unitCode()).isEqualTo("TA");
        assertThat(c.unit().lines()).hasSize(1);
        assertThat(c.unit().lines().get(0).scores().get(0)).isCloseTo(0, within(1e-9));
        assertThat(c.unit().lines().get(0).scores().get(1)).isCloseTo(100, within(1e-9));
        assertThat(c.unit().lines().get(0).ranks()).containsExactly(3, 1);

        // Visitors compare published editions only: none yet, then the first one.
        assertThatThrownBy(() -> comparisons.compare("TEST-CMP", null, null)).isInstanceOf(NotFoundException.class);
        indicators.publish(first, analyst());
        assertThat(comparisons.compare("TEST-CMP", null, null).editions()).extracting(Indicators.Edition::id)
                .containsExactly(first).doesNotContain(second);
        assertThatThrownBy(() -> comparisons.compare("TEST-CMP", "NOPE", analyst())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aVisitorComparesTheDemosPublishedEditionsAndReadsTheAuditInRussian() {
        var published = indicators.find(DemoIndicators.FRAMEWORK, DemoIndicators.PUBLISHED_YEAR).orElseThrow();
        WebSession visitor = new WebSession(port);
        var audit = visitor.get("/indices/" + published.id() + "/audit", "ru");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("Статистический аудит", "Альфа Кронбаха", "Тепловая карта корреляций", "Институты",
                "audit-groups", "Обработка выбросов");
        // Four levels: every indicator against its pillar, its sub-index and the index.
        var demoAudit = audits.audit(published.id(), null);
        assertThat(demoAudit.ancestorLevels()).containsExactly(2, 3, 4);
        assertThat(demoAudit.lineage()).hasSize(DemoIndicators.indicatorCodes().size())
                .allSatisfy(l -> assertThat(l.ancestors()).extracting(x -> x.node().level()).containsExactly(2, 3, 4));
        assertThat(demoAudit.lineage().get(0).ancestors()).extracting(x -> x.node().code()).containsExactly("P1", "INPUT", "PII");
                // The demo computes with the GII's treatment: every indicator is tested, each with its outcome.
        assertThat(audits.audit(published.id(), null).treatment()).hasSize(DemoIndicators.indicatorCodes().size())
                .allSatisfy(t -> assertThat(t.outcome()).isIn("PASSED", "WINSORISED", "LOG", "UNTREATED_NA"));
        var compare = visitor.get("/indices/frameworks/" + DemoIndicators.FRAMEWORK + "?unit=HNI", "ru");
        assertThat(compare.status()).isEqualTo(200);
        assertThat(compare.body()).contains("сравнение выпусков", "Ханой по выпускам", "unit-history", "2023", "2024")
                .doesNotContain("2025");
        assertThat(comparisons.compare(DemoIndicators.FRAMEWORK, "HNI", null).rows()).hasSize(34)
                .allSatisfy(r -> assertThat(r.ranks()).hasSize(2).doesNotContainNull());
    }

    @Test
    void theReportOfAnEditionIsAWorkbookAndAPdfWithHeadersInTheReadersLanguage() throws Exception {
        var published = indicators.find(DemoIndicators.FRAMEWORK, DemoIndicators.PUBLISHED_YEAR).orElseThrow();
        var results = indicators.results(published.id(), null);
        byte[] xlsx = new WebSession(port).getBytes("/indices/" + published.id() + "/report.xlsx?lang=ru");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var ranking = wb.getSheet("Рейтинг");
            assertThat(ranking).isNotNull();
            assertThat(ranking.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Место");
            assertThat(ranking.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Провинциальный индекс инноваций");
            assertThat(ranking.getLastRowNum()).isEqualTo(34);
            var best = results.units().get(0);
            assertThat(ranking.getRow(1).getCell(1).getStringCellValue()).isEqualTo(best.unitCode());
            assertThat(ranking.getRow(1).getCell(3).getNumericCellValue()).isCloseTo(best.score("PII"), within(1e-9));
            // One sheet per level (4: the index … 1: the normalised indicators), then the profiles.
            assertThat(wb.getSheet("Оценки, уровень 1").getRow(0).getCell(2).getStringCellValue())
                    .isEqualTo(results.level(1).get(0).names().ru());
            var profiles = wb.getSheet("Профили единиц");
            assertThat(profiles.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Сильные стороны");
            assertThat(profiles.getRow(1).getCell(4).getStringCellValue()).isNotBlank();
        }
        byte[] pdf = new WebSession(port).getBytes("/indices/" + published.id() + "/report.pdf?lang=vi");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        var reader = new com.lowagie.text.pdf.PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isGreaterThan(1);
        String first = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(first).contains("Hạng", "Chỉ số Đổi mới sáng tạo cấp tỉnh 2024");
        reader.close();

        // A draft's report is the analyst's only.
        var draft = indicators.find(DemoIndicators.FRAMEWORK, DemoIndicators.DRAFT_YEAR).orElseThrow();
        assertThat(new WebSession(port).get("/indices/" + draft.id() + "/report.pdf").status()).isEqualTo(404);
    }

    @Test
    void thePipelineChoicesAreCheckedFieldByFieldAndReachTheEngine() throws Exception {
        TandemUser analyst = analyst();
        var e = indicators.createEdition("TEST-PIPELINE", 2030, new Names("Pipeline", null, null), analyst);
        indicators.importCsv(e.id(), stream(META), stream(DATA), analyst);
        var bad = new PipelineChoices(PipelineChoices.Impute.NONE, true, PipelineChoices.Normalise.MINMAX,
                PipelineChoices.Aggregate.GMEAN, 2, 0.0, 0, -1, 3.5, 0, 100);
        assertThatThrownBy(() -> indicators.configure(e.id(), bad, analyst))
                .isInstanceOfSatisfying(org.tandem.platform.validation.InvalidInputException.class, ex -> assertThat(ex.problems())
                        .extracting(org.tandem.platform.validation.Problem::field)
                        .containsExactlyInAnyOrder("weightsNoise", "screen", "maxPoints", "maxSkew", "rangeLow"));
        assertThat(indicators.edition(e.id(), analyst).choices()).isEqualTo(PipelineChoices.defaults());

        // Through the form: an unreadable number is named on its field, in the reader's language, and nothing changes.
        WebSession web = new WebSession(port).signIn("analyst", "demo");
        web.get("/analyst/indicators/editions/" + e.id(), "ru");
        var posted = web.post("/analyst/indicators/editions/" + e.id() + "/pipeline", java.util.Map.of("impute", "NONE",
                "normalise", "MINMAX", "aggregate", "AMEAN", "maxPoints", "пять", "rangeLow", "10", "rangeHigh", "5"), "ru");
        assertThat(posted.status()).isEqualTo(302);
        var page = web.get("/analyst/indicators/editions/" + e.id(), "ru");
        assertThat(page.body()).contains("Число винзоризируемых точек должно быть целым числом от 1 до 50.",
                "Для диапазона нормировки нужны два числа, первое меньше второго.");
        assertThat(indicators.edition(e.id(), analyst).choices()).isEqualTo(PipelineChoices.defaults());

        web.post("/analyst/indicators/editions/" + e.id() + "/pipeline", form("impute", "MEAN", "treat", "true",
                "normalise", "MINMAX", "aggregate", "GMEAN", "weightsNoise", "0.1", "screen", "50",
                "maxPoints", "3", "maxSkew", "2.5", "maxKurtosis", "4", "rangeLow", "1", "rangeHigh", "100"), "en");
        var saved = indicators.edition(e.id(), analyst).choices();
        assertThat(saved).isEqualTo(new PipelineChoices(PipelineChoices.Impute.MEAN, true, PipelineChoices.Normalise.MINMAX,
                PipelineChoices.Aggregate.GMEAN, 0.1, 0.5, 3, 2.5, 4, 1, 100));
        assertThat(PipelineChoices.decode(saved.encode())).isEqualTo(saved);
        assertThat(saved.toJson()).contains("{\"op\":\"screen\",\"min_data_availability\":0.5}", "\"max_points\":3",
                "\"range\":[1.0,100.0]", "\"method\":\"gmean\"");
        assertThat(runs.computeNow(e.id(), analyst).status()).isEqualTo("DONE");
        // Geometric mean of 1–100 min-max scores: TA is 1 on every indicator, so its index is 1.
        var ta = indicators.results(e.id(), analyst).units().stream().filter(u -> u.unitCode().equals("TA")).findFirst()
                .orElseThrow();
        assertThat(ta.score("IDX")).isCloseTo(1, within(1e-9));
        // Editions saved before the thresholds existed read with the defaults.
        assertThat(PipelineChoices.decode("NONE|true|MINMAX|AMEAN|0.25")).isEqualTo(PipelineChoices.defaults());
    }

    static java.util.Map<String, String> form(String... pairs) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
