package org.tandem.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoIndicators;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problem;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** The analyst's path through an edition, and what visitors see, on the shared application and database. */
@TandemIntegrationTest
public class IndicatorsTests {

    @LocalServerPort int port;
    @Autowired Indicators indicators;
    @Autowired UserDetailsService users;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;

    TandemUser analyst() {
        return (TandemUser) users.loadUserByUsername("analyst");
    }

    /** Three units, two indicators (one where lower is better), one index: small enough to work out by hand. */
    static final String META = """
            Level,iCode,iName,Direction,Weight,Unit,Source,Parent,Type
            1,i1,Patents,1,1,count,Office,IDX,Indicator
            1,i2,Days to start a firm,-1,1,days,Registry,IDX,Indicator
            2,IDX,Index,,1,,,,Aggregate
            """;
    static final String DATA = """
            uCode,uName,i1,i2
            TA,Test A,0,30
            TB,Test B,5,10
            TC,Test C,10,20
            """;

    public static byte[] workbook(String meta, String data) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(wb.createSheet("iMeta"), meta);
            fill(wb.createSheet("iData"), data);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Numbers go in as numeric cells, text as text, as a spreadsheet would hold them. */
    static void fill(XSSFSheet sheet, String csv) {
        String[] lines = csv.strip().split("\n");
        for (int r = 0; r < lines.length; r++) {
            String[] cells = lines[r].split(",", -1);
            var row = sheet.createRow(r);
            for (int c = 0; c < cells.length; c++) {
                if (cells[c].isEmpty()) {
                    continue;
                }
                try {
                    row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                } catch (NumberFormatException e) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
        }
    }

    Indicators.Run await(long editionId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            var run = indicators.latestRun(editionId).orElseThrow();
            if (run.status().equals("DONE") || run.status().equals("FAILED")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish");
    }

    String text(Problem p, String language) {
        return messages.getMessage(p.code(), p.args().toArray(), Locale.forLanguageTag(language));
    }

    @Test
    void aBadCellIsNamedInTheReadersLanguageAndNothingIsStoredThenTheIndexIsComputedAndPublished() throws Exception {
        TandemUser analyst = analyst();
        var e = indicators.createEdition("TEST-HAND", 2030, new Names("Hand-worked index", null, null), analyst);

        // Row 3 of iData, column D (i2): text where a number belongs.
        byte[] bad = workbook(META, DATA.replace("TB,Test B,5,10", "TB,Test B,5,ten"));
        assertThatThrownBy(() -> indicators.importXlsx(e.id(), new ByteArrayInputStream(bad), analyst))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
                    assertThat(ex.problems()).hasSize(1);
                    Problem p = ex.problems().get(0);
                    assertThat(p.field()).isEqualTo("iData!D3");
                    assertThat(text(p, "ru")).isEqualTo(
                            "Лист iData, строка 3, столбец D (i2): ten — не число (если значения нет, оставьте ячейку пустой).");
                    assertThat(text(p, "en")).startsWith("Sheet iData, row 3, column D (i2): ten is not a number");
                });
        assertThat(indicators.nodes(e.id())).isEmpty();
        assertThat(indicators.edition(e.id(), analyst).importedAt()).isNull();

        // Several mistakes in iMeta are all reported at once, each with its cell.
        String badMeta = META.replace("1,i1,Patents,1,1", "1,i1,Patents,2,x").replace("Parent,Type\n", "Parent,Type\n")
                .replace("2,IDX,Index,,1,,,,Aggregate", "2,IDX,Index,,1,,,,Aggregat");
        assertThatThrownBy(() -> indicators.importXlsx(e.id(), new ByteArrayInputStream(workbook(badMeta, DATA)), analyst))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
                        .extracting(Problem::field, Problem::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("iMeta!E2", "indicators.import.badWeight"),
                                org.assertj.core.groups.Tuple.tuple("iMeta!D2", "indicators.import.badDirection"),
                                org.assertj.core.groups.Tuple.tuple("iMeta!I4", "indicators.import.badType")));
        assertThat(indicators.nodes(e.id())).isEmpty();

        indicators.importXlsx(e.id(), new ByteArrayInputStream(workbook(META, DATA)), analyst);
        assertThat(indicators.nodes(e.id())).extracting(Indicators.Node::code).containsExactly("i1", "i2", "IDX");
        assertThat(indicators.nodes(e.id()).get(1).measure()).isEqualTo("days");
        assertThat(indicators.edition(e.id(), analyst).state()).isEqualTo(EditionWorkflow.DRAFT);

        indicators.configure(e.id(), new PipelineChoices(PipelineChoices.Impute.NONE, false, PipelineChoices.Normalise.MINMAX,
                PipelineChoices.Aggregate.AMEAN, 0.25), analyst);
        indicators.requestCompute(e.id(), analyst);
        assertThat(await(e.id()).status()).isEqualTo("DONE");

        // By hand: i1 → 0, 50, 100; i2 (lower is better) → 0, 100, 50; index = mean → 0, 75, 75; B and C share rank 1.
        var r = indicators.results(e.id(), analyst);
        assertThat(r.edition().state()).isEqualTo(EditionWorkflow.COMPUTED);
        Map<String, Indicators.UnitResult> by = new java.util.HashMap<>();
        r.units().forEach(u -> by.put(u.unitCode(), u));
        assertThat(by.get("TA").score("IDX")).isCloseTo(0, within(1e-9));
        assertThat(by.get("TB").score("IDX")).isCloseTo(75, within(1e-9));
        assertThat(by.get("TC").score("IDX")).isCloseTo(75, within(1e-9));
        assertThat(by.get("TB").score("i2")).isCloseTo(100, within(1e-9));
        assertThat(r.units()).extracting(u -> u.rank("IDX")).containsExactly(1, 1, 3);
        assertThat(by.get("TC").rank("i1")).isEqualTo(1);
        assertThat(by.get("TA").rank("i2")).isEqualTo(3);

        // A draft is the analyst's: visitors and the API do not see it.
        assertThatThrownBy(() -> indicators.results(e.id(), null)).isInstanceOf(NotFoundException.class);
        assertThat(new WebSession(port).get("/api/v1/indicators/editions/" + e.id() + "/results").status()).isEqualTo(404);

        indicators.requestUncertainty(e.id(), 200, 7, analyst);
        assertThat(await(e.id()).status()).isEqualTo("DONE");
        var intervals = indicators.results(e.id(), analyst).intervals();
        assertThat(intervals).hasSize(3).allSatisfy(i -> {
            assertThat(i.q05()).isBetween(1.0, 3.0);
            assertThat(i.q05()).isLessThanOrEqualTo(i.median());
            assertThat(i.median()).isLessThanOrEqualTo(i.q95());
            assertThat(i.q95()).isBetween(1.0, 3.0);
        });
        // TA is last on both indicators: last whatever the weights and methods.
        assertThat(intervals.stream().filter(i -> i.unitCode().equals("TA")).findFirst().orElseThrow().q05()).isEqualTo(3.0);

        indicators.publish(e.id(), analyst);
        assertThat(indicators.results(e.id(), null).edition().published()).isTrue();
        assertThatThrownBy(() -> indicators.importXlsx(e.id(), new ByteArrayInputStream(workbook(META, DATA)), analyst))
                .isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("INDICATORS_PUBLISHED"));

        List<String> audited = jdbc.sql("select action from audit_event where entity_type = 'indicator_edition' and entity_id = ? order by id")
                .param(String.valueOf(e.id())).query(String.class).list();
        assertThat(audited).containsSubsequence("create", "import", "configure", "compute", "uncertainty", "publish");
    }

    @Test
    void csvImportWithAnUnknownColumnAndAMissingIndicatorIsRefusedWhole() throws IOException {
        TandemUser analyst = analyst();
        var e = indicators.createEdition("TEST-CSV", 2030, new Names("CSV", null, null), analyst);
        String data = DATA.replace("uCode,uName,i1,i2", "uCode,uName,i1,i3");
        assertThatThrownBy(() -> indicators.importCsv(e.id(), stream(META), stream(data), analyst))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
                        .extracting(Problem::field, Problem::code)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("iData!D1", "indicators.import.unknownColumn"),
                                org.assertj.core.groups.Tuple.tuple("iData", "indicators.import.missingIndicator")));
        assertThat(indicators.nodes(e.id())).isEmpty();
        indicators.importCsv(e.id(), stream(META), stream(DATA.replace("TC,Test C,10,20", "TC,Test C,,20")), analyst);
        var a = indicators.availability(e.id(), analyst);
        assertThat(a.unitCodes()).containsExactly("TA", "TB", "TC");
        assertThat(a.byUnit()[2]).isCloseTo(0.5, within(1e-12));
        assertThat(a.byIndicator()[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.present().get("TC").get("i1")).isFalse();
    }

    @Test
    void onlyAnalystsChangeIndices() {
        TandemUser applicant = (TandemUser) users.loadUserByUsername("applicant.vn");
        assertThatThrownBy(() -> indicators.createEdition("X", 2030, new Names("x", null, null), applicant))
                .isInstanceOf(NotAllowedException.class);
        long draft = indicators.find(DemoIndicators.FRAMEWORK, DemoIndicators.DRAFT_YEAR).orElseThrow().id();
        assertThatThrownBy(() -> indicators.requestCompute(draft, applicant)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> indicators.publish(draft, applicant)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void theDemoHasAPublishedIndexOf34ProvincesAndADraft() {
        var published = indicators.find(DemoIndicators.FRAMEWORK, DemoIndicators.PUBLISHED_YEAR).orElseThrow();
        var draft = indicators.find(DemoIndicators.FRAMEWORK, DemoIndicators.DRAFT_YEAR).orElseThrow();
        assertThat(published.state()).isEqualTo(EditionWorkflow.PUBLISHED);
        assertThat(draft.state()).isEqualTo(EditionWorkflow.DRAFT);
        var r = indicators.results(published.id(), null);
        assertThat(r.units()).hasSize(34);
        assertThat(r.top()).isEqualTo("PII");
        assertThat(r.level(2)).hasSize(7);
        assertThat(r.level(3)).extracting(Indicators.Node::code).containsExactly("INPUT", "OUTPUT");
        assertThat(r.units()).allSatisfy(u -> assertThat(u.score("PII")).isBetween(0.0, 100.0));
        // Ranks follow the scores: 1 = best, never better than a higher score.
        for (int i = 1; i < r.units().size(); i++) {
            assertThat(r.units().get(i - 1).score("PII")).isGreaterThanOrEqualTo(r.units().get(i).score("PII"));
        }
        assertThat(r.intervals()).hasSize(34);
        var best = r.units().get(0);
        var profile = indicators.profile(published.id(), best.unitCode(), null);
        assertThat(profile.strengths()).isNotEmpty();
        assertThat(indicators.publishedEditions()).extracting(Indicators.Edition::id).contains(published.id())
                .doesNotContain(draft.id());
    }

    @Test
    void aVisitorReadsThePublishedEditionInRussianAndTheApiListsOnlyPublishedOnes() {
        var published = indicators.find(DemoIndicators.FRAMEWORK, DemoIndicators.PUBLISHED_YEAR).orElseThrow();
        var draft = indicators.find(DemoIndicators.FRAMEWORK, DemoIndicators.DRAFT_YEAR).orElseThrow();
        WebSession visitor = new WebSession(port);
        var list = visitor.get("/indices", "ru");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Сводные индексы", "Провинциальный индекс инноваций 2024").doesNotContain("черновик");
        var page = visitor.get("/indices/" + published.id(), "ru");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Рейтинг", "Ханой", "Интервалы рангов", "rank-intervals");
        var unit = visitor.get("/indices/" + published.id() + "/units/HNI", "ru");
        assertThat(unit.status()).isEqualTo(200);
        assertThat(unit.body()).contains("Сильные стороны", "unit-radar", "Институты").doesNotContain("<script>");
        assertThat(visitor.get("/indices/" + draft.id(), "ru").status()).isEqualTo(404);

        var api = visitor.get("/api/v1/indicators/editions");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"id\":" + published.id()).doesNotContain("\"id\":" + draft.id() + ",");
        var results = visitor.get("/api/v1/indicators/editions/" + published.id() + "/results");
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).contains("\"uCode\":\"HNI\"", "\"PII\"", "\"rankIntervals\"");
    }

    @Test
    void theAnalystsPagesShowTheEditionItsProgressAndAvailability() {
        var draft = indicators.find(DemoIndicators.FRAMEWORK, DemoIndicators.DRAFT_YEAR).orElseThrow();
        WebSession analyst = new WebSession(port).signIn("analyst", "demo");
        var list = analyst.get("/analyst/indicators", "vi");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Chỉ số tổng hợp", "Bản nháp");
        var page = analyst.get("/analyst/indicators/editions/" + draft.id(), "en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Import data", "Compute the index", "Institutions");
        var availability = analyst.get("/analyst/indicators/editions/" + draft.id() + "/availability", "en");
        assertThat(availability.status()).isEqualTo(200);
        assertThat(availability.body()).contains("Data availability", "P1.1");
        assertThat(analyst.get("/analyst/indicators/editions/" + draft.id() + "/status", "en").body())
                .contains("\"state\":\"DRAFT\"");
        WebSession applicant = new WebSession(port).signIn("applicant.vn", "demo");
        assertThat(applicant.get("/analyst/indicators", "en").status()).isEqualTo(403);
    }

    static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
