package org.tandem.indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.tandem.platform.validation.InvalidInputException;

/**
 * One table of an upload (a CSV file or a sheet of a workbook) as text cells, each row with the
 * number the analyst sees in their spreadsheet, so every message can point at sheet, row and column.
 */
record Sheet(String name, List<String> header, List<Line> lines) {

    record Line(int row, List<String> cells) {
    }

    /** Column position by case-insensitive name, or -1. */
    int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    String cell(Line line, int column) {
        return column < 0 || column >= line.cells().size() ? "" : line.cells().get(column).strip();
    }

    /** Spreadsheet column letters (A, B, …, AA) for a 0-based position. */
    static String letter(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    static Sheet csv(String name, InputStream in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder all = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                all.append(buf, 0, n);
            }
            String text = all.length() > 0 && all.charAt(0) == '\uFEFF' ? all.substring(1) : all.toString();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
        }
        return of(name, rows, 1);
    }

    /** Every sheet of a workbook by lower-case name. */
    static Map<String, Sheet> xlsx(InputStream in) {
        Map<String, Sheet> sheets = new HashMap<>();
        DataFormatter text = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(in)) {
            for (org.apache.poi.ss.usermodel.Sheet s : wb) {
                List<List<String>> rows = new ArrayList<>();
                int first = -1;
                for (int r = 0; r <= s.getLastRowNum(); r++) {
                    Row row = s.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            cells.add(cellText(row.getCell(c), text));
                        }
                    }
                    if (first < 0) {
                        if (cells.stream().allMatch(String::isBlank)) {
                            continue;
                        }
                        first = r;
                    }
                    rows.add(cells);
                }
                sheets.put(s.getSheetName().toLowerCase(Locale.ROOT), of(s.getSheetName(), rows, Math.max(first, 0) + 1));
            }
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("file", "indicators.import.notWorkbook");
        }
        return sheets;
    }

    /** Numbers at full precision (not as the cell happens to be formatted), formulas by their value. */
    private static String cellText(Cell cell, DataFormatter text) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell) ? text.formatCellValue(cell)
                    : number(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Sheet of(String name, List<List<String>> rows, int firstRow) {
        if (rows.isEmpty()) {
            return new Sheet(name, List.of(), List.of());
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add(new Line(firstRow + i, rows.get(i)));
        }
        return new Sheet(name, header, lines);
    }
}
