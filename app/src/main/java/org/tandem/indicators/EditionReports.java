package org.tandem.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.tandem.platform.pdf.PdfDocuments;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotFoundException;

/**
 * An edition's report as a workbook and as a PDF, in the reader's language: the ranking with
 * every aggregate's score, the scores and ranks per level (the workbook also has the normalised
 * indicators), and a summary of every unit's profile (rank, score, rank interval, strengths and
 * weaknesses). Visitors get published editions only, like the results page.
 */
@Service
public class EditionReports {

    private final Indicators indicators;
    private final PdfDocuments pdf;
    private final MessageSource messages;

    EditionReports(Indicators indicators, PdfDocuments pdf, MessageSource messages) {
        this.indicators = indicators;
        this.pdf = pdf;
        this.messages = messages;
    }

    private Indicators.Results results(long editionId, TandemUser reader) {
        Indicators.Results r = indicators.results(editionId, reader);
        if (!r.edition().hasResults()) {
            throw new NotFoundException("results");
        }
        return r;
    }

    public byte[] xlsx(long editionId, TandemUser reader, Locale locale) {
        Indicators.Results r = results(editionId, reader);
        Map<String, Indicators.Profile> profiles = indicators.profiles(r);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet ranking = wb.createSheet(sheetName(text("indicators.results.ranking", locale)));
            List<String> header = new ArrayList<>(List.of(text("indicators.rank", locale), text("indicators.report.code", locale),
                    text("indicators.unit", locale)));
            r.aggregates().forEach(n -> header.add(n.names().in(locale)));
            header(ranking, header, bold);
            int row = 1;
            for (Indicators.UnitResult u : r.units()) {
                Row x = ranking.createRow(row++);
                number(x, 0, u.rank(r.top()));
                x.createCell(1).setCellValue(u.unitCode());
                x.createCell(2).setCellValue(u.names().in(locale));
                int col = 3;
                for (Indicators.Node n : r.aggregates()) {
                    number(x, col++, u.score(n.code()));
                }
            }

            int levels = r.nodes().stream().mapToInt(Indicators.Node::level).max().orElse(0);
            for (int level = levels; level >= 1; level--) {
                List<Indicators.Node> nodes = r.level(level);
                if (nodes.isEmpty()) {
                    continue;
                }
                Sheet s = wb.createSheet(sheetName(text("indicators.report.level", locale, level)));
                List<String> h = new ArrayList<>(List.of(text("indicators.report.code", locale), text("indicators.unit", locale)));
                for (Indicators.Node n : nodes) {
                    h.add(n.names().in(locale));
                    h.add(text("indicators.report.rankOf", locale, n.code()));
                }
                header(s, h, bold);
                int i = 1;
                for (Indicators.UnitResult u : r.units()) {
                    Row x = s.createRow(i++);
                    x.createCell(0).setCellValue(u.unitCode());
                    x.createCell(1).setCellValue(u.names().in(locale));
                    int col = 2;
                    for (Indicators.Node n : nodes) {
                        number(x, col++, u.score(n.code()));
                        number(x, col++, u.rank(n.code()));
                    }
                }
            }

            Sheet p = wb.createSheet(sheetName(text("indicators.report.profiles", locale)));
            header(p, profileHeader(locale), bold);
            int i = 1;
            for (List<String> line : profileRows(r, profiles, locale)) {
                Row x = p.createRow(i++);
                for (int c = 0; c < line.size(); c++) {
                    x.createCell(c).setCellValue(line.get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(long editionId, TandemUser reader, Locale locale) {
        Indicators.Results r = results(editionId, reader);
        Map<String, Indicators.Profile> profiles = indicators.profiles(r);
        NumberFormat f = decimals(locale);
        List<PdfDocuments.Table> tables = new ArrayList<>();

        List<String> header = new ArrayList<>(List.of(text("indicators.rank", locale), text("indicators.unit", locale)));
        r.aggregates().forEach(n -> header.add(n.names().in(locale)));
        List<List<String>> rows = new ArrayList<>();
        for (Indicators.UnitResult u : r.units()) {
            List<String> line = new ArrayList<>(List.of(str(u.rank(r.top())), u.names().in(locale)));
            r.aggregates().forEach(n -> line.add(num(f, u.score(n.code()))));
            rows.add(line);
        }
        tables.add(new PdfDocuments.Table(text("indicators.results.ranking", locale), header, rows));

        // Aggregate levels below the index, each as score (rank); indicators are in the workbook.
        int levels = r.nodes().stream().mapToInt(Indicators.Node::level).max().orElse(0);
        for (int level = levels - 1; level >= 2; level--) {
            List<Indicators.Node> nodes = r.level(level);
            List<String> h = new ArrayList<>(List.of(text("indicators.unit", locale)));
            nodes.forEach(n -> h.add(n.names().in(locale)));
            List<List<String>> body = new ArrayList<>();
            for (Indicators.UnitResult u : r.units()) {
                List<String> line = new ArrayList<>(List.of(u.names().in(locale)));
                for (Indicators.Node n : nodes) {
                    line.add(u.score(n.code()) == null ? "" : text("indicators.compare.scoreRank", locale,
                            num(f, u.score(n.code())), str(u.rank(n.code()))));
                }
                body.add(line);
            }
            tables.add(new PdfDocuments.Table(text("indicators.report.level", locale, level), h, body));
        }
        tables.add(new PdfDocuments.Table(text("indicators.report.profiles", locale), profileHeader(locale),
                profileRows(r, profiles, locale)));

        Indicators.Edition e = r.edition();
        List<String> intro = List.of(e.framework() + " · " + e.year(),
                text("indicators.report.units", locale, r.units().size()),
                text(e.published() ? "indicators.report.published" : "indicators.results.notPublished", locale));
        return pdf.tables(e.titles().in(locale), intro, tables, text("indicators.report.footnote", locale));
    }

    private List<String> profileHeader(Locale locale) {
        return List.of(text("indicators.unit", locale), text("indicators.rank", locale), text("indicators.score", locale),
                text("indicators.uncertainty.interval", locale), text("indicators.profile.strengths", locale),
                text("indicators.profile.weaknesses", locale));
    }

    private List<List<String>> profileRows(Indicators.Results r, Map<String, Indicators.Profile> profiles, Locale locale) {
        NumberFormat f = decimals(locale);
        NumberFormat one = NumberFormat.getNumberInstance(locale);
        one.setMaximumFractionDigits(1);
        List<List<String>> rows = new ArrayList<>();
        for (Indicators.UnitResult u : r.units()) {
            Indicators.Profile p = profiles.get(u.unitCode());
            rows.add(List.of(u.names().in(locale), str(u.rank(r.top())), num(f, u.score(r.top())),
                    p.interval() == null ? "" : one.format(p.interval().q05()) + " – " + one.format(p.interval().q95()),
                    p.strengths().stream().map(s -> s.names().in(locale)).collect(Collectors.joining("; ")),
                    p.weaknesses().stream().map(s -> s.names().in(locale)).collect(Collectors.joining("; "))));
        }
        return rows;
    }

    private static void header(Sheet s, List<String> cells, CellStyle bold) {
        Row h = s.createRow(0);
        for (int c = 0; c < cells.size(); c++) {
            var cell = h.createCell(c);
            cell.setCellValue(cells.get(c));
            cell.setCellStyle(bold);
        }
        s.createFreezePane(0, 1);
    }

    /** Numbers stay numbers in the workbook, so the analyst can sort and chart them; a missing one stays empty. */
    private static void number(Row row, int col, Number v) {
        var cell = row.createCell(col);
        if (v != null) {
            cell.setCellValue(v.doubleValue());
        }
    }

    private static String sheetName(String s) {
        return WorkbookUtil.createSafeSheetName(s.length() > 31 ? s.substring(0, 31) : s);
    }

    private static NumberFormat decimals(Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f;
    }

    private static String num(NumberFormat f, Double v) {
        return v == null ? "" : f.format(v);
    }

    private static String str(Integer v) {
        return v == null ? "" : v.toString();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
