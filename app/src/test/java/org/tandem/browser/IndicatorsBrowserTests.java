package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.indicators.Indicators;
import org.tandem.support.TandemIntegrationTest;

/**
 * Issue 13 end to end: the analyst imports a workbook (first with one bad cell: a precise
 * message and nothing stored), computes the index while the progress bar runs, reads the ranks
 * and a unit profile with its radar chart, runs the uncertainty analysis, publishes; a visitor
 * reads the published edition in Russian.
 */
@TandemIntegrationTest
class IndicatorsBrowserTests extends BrowserTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired Indicators indicators;

    static final String META = """
            Level,iCode,iName,Direction,Weight,Unit,Source,Parent,Type
            1,r1,Research staff,1,1,FTE,Statistics office,P1,Indicator
            1,r2,R&D spending,1,1,%,Statistics office,P1,Indicator
            1,o1,Patents,1,1,count,IP office,P2,Indicator
            1,o2,Start-ups,1,1,count,Registry,P2,Indicator
            2,P1,Inputs,,1,,,IDX,Aggregate
            2,P2,Outputs,,1,,,IDX,Aggregate
            3,IDX,Browser index,,1,,,,Aggregate
            """;

    static String data(String badCell) {
        StringBuilder s = new StringBuilder("uCode,uName,r1,r2,o1,o2\n");
        for (int u = 0; u < 12; u++) {
            s.append("BR").append(u).append(",Browser unit ").append(u).append(',')
                    .append(u == 4 && badCell != null ? badCell : String.valueOf(10 + u * 3 % 7)).append(',')
                    .append(5 + u).append(',').append(20 - u).append(',').append((u * 5) % 11).append('\n');
        }
        return s.toString();
    }

    @Test
    void theAnalystImportsComputesStudiesUncertaintyAndPublishesAndAVisitorReadsItInRussian() throws Exception {
        List<String> consoleErrors = new ArrayList<>();
        Page page = signedIn("analyst", "Asia/Ho_Chi_Minh");
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text());
            }
        });
        page.navigate(url("/analyst/indicators?lang=en"));
        page.fill("input[name=framework]", "BROWSER");
        page.fill("input[name=year]", "2031");
        page.fill("input[name=titleEn]", "Browser index 2031");
        page.fill("input[name=titleRu]", "Браузерный индекс 2031");
        page.click("#create-edition");
        assertThat(page.locator("h1")).hasText("Browser index 2031");
        long id = indicators.find("BROWSER", 2031).orElseThrow().id();

        // One bad cell: iData row 6 (unit BR4), column C (r1).
        page.setInputFiles("input[name=workbook]", new FilePayload("pii.xlsx", XLSX,
                org.tandem.indicators.IndicatorsTests.workbook(META, data("n/a?"))));
        page.click("#import-submit");
        assertThat(page.locator("ul.errors")).containsText("Sheet iData, row 6, column C (r1): n/a? is not a number");
        org.assertj.core.api.Assertions.assertThat(indicators.nodes(id)).isEmpty();

        page.setInputFiles("input[name=workbook]", new FilePayload("pii.xlsx", XLSX,
                org.tandem.indicators.IndicatorsTests.workbook(META, data(null))));
        page.click("#import-submit");
        assertThat(page.locator(".notice")).containsText("The data was imported");

        page.click("#compute");
        assertThat(page.locator("#run-progress")).isVisible();
        // The page polls the run and reloads itself when it is done.
        assertThat(page.locator("#edition-state")).containsText("Computed",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));

        page.navigate(url("/indices/" + id + "?lang=en"));
        assertThat(page.locator("table.ranking tbody tr")).hasCount(12);
        assertThat(page.locator("table.ranking tbody tr").first().locator("td").first()).hasText("1");
        page.locator("table.ranking tbody tr").first().locator("a").click();
        assertThat(page.locator("h1")).containsText("Browser unit");
        assertThat(page.locator("#unit-radar")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => !!Chart.getChart(document.getElementById('unit-radar'))"))
                .isEqualTo(true);

        // The statistical audit: the heat map as a table with numbers, the consistency chart, and nothing axe objects to.
        page.navigate(url("/indices/" + id + "?lang=en"));
        page.click("#open-audit");
        assertThat(page.locator("h1")).hasText("Statistical audit");
        assertThat(page.locator("table.heatmap")).hasCount(4);
        assertThat(page.locator("#audit-lineage tbody tr")).hasCount(4);
        assertThat(page.locator("table.heatmap td.heat").first()).containsText("1");
        assertThat(page.locator("#audit-group-table tbody tr")).hasCount(3);
        page.waitForFunction("() => typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('audit-groups'))");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page)).isEmpty();

        // The programme's scoreboard: tables and the per-call chart, accessible too.
        page.navigate(url("/analyst/indicators?lang=vi"));
        page.click("#open-scoreboard");
        assertThat(page.locator("h1")).hasText("Bảng chỉ tiêu của chương trình");
        assertThat(page.locator("#sb-parties tbody tr")).hasCount(2);
        // Scripts run after the page is shown; on a loaded machine the chart may come a moment later.
        page.waitForFunction("() => typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('scoreboard-calls'))");
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page)).isEmpty();

        page.navigate(url("/analyst/indicators/editions/" + id + "?lang=en"));
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page)).isEmpty();
        page.fill("input[name=replications]", "300");
        page.click("#run-uncertainty");
        assertThat(page.locator("#run-status")).containsText("Done",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        page.navigate(url("/indices/" + id + "?lang=en"));
        assertThat(page.locator("#rank-intervals")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => !!Chart.getChart(document.getElementById('rank-intervals'))"))
                .isEqualTo(true);

        page.navigate(url("/analyst/indicators/editions/" + id + "?lang=en"));
        page.click("#publish");
        assertThat(page.locator("#edition-state")).containsText("Published");

        Page visitor = newPage("Europe/Moscow");
        visitor.navigate(url("/indices?lang=ru"));
        visitor.locator("a", new Page.LocatorOptions().setHasText("Браузерный индекс 2031")).click();
        assertThat(visitor.locator("h2").first()).hasText("Рейтинг");
        assertThat(visitor.locator("table.ranking tbody tr")).hasCount(12);
        assertThat(visitor.locator("#rank-intervals")).isVisible();
        visitor.click("#open-compare");
        assertThat(visitor.locator("#rank-changes tbody tr")).hasCount(12);
        org.assertj.core.api.Assertions.assertThat(accessibilityViolations(visitor)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(consoleErrors).isEmpty();
    }
}
