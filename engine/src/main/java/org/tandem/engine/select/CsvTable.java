package org.tandem.engine.select;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, forgiving RFC 4180 reader: agencies export from spreadsheets, so we accept a UTF-8 BOM,
 * CRLF or LF, blank lines, spaces around values, quoted values (with "" for a quote, commas and line
 * breaks inside), header names in any case and order; columns we do not know are ignored. It is
 * strict where silence would be dangerous: a missing column or an unterminated quote is an error.
 */
final class CsvTable {

    private final String name;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private CsvTable(String name, Map<String, Integer> columns, List<Row> rows) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
    }

    static CsvTable read(Path path, String... required) throws BadInputException {
        String name = path.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, 0, null, "not valid UTF-8");
        } catch (IOException e) {
            throw new BadInputException(name, 0, null, "cannot read file (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> records = parse(name, text);
        if (records.isEmpty()) {
            throw new BadInputException(name, 1, null, "empty file, a header line is required");
        }
        Row header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < header.values.size(); c++) {
            String column = header.values.get(c).toLowerCase(Locale.ROOT);
            if (!column.isEmpty() && columns.putIfAbsent(column, c) != null) {
                throw new BadInputException(name, header.line, column, "column appears twice in the header");
            }
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                throw new BadInputException(name, header.line, r, "required column missing from the header");
            }
        }
        return new CsvTable(name, columns, records.subList(1, records.size()));
    }

    String name() {
        return name;
    }

    List<Row> rows() {
        return rows;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** Trimmed value of a column; a row too short for it is an error, not an empty value. */
    String get(Row row, String column) throws BadInputException {
        int c = columns.get(column);
        if (c >= row.values.size()) {
            throw new BadInputException(name, row.line, column, "missing value (row has only "
                    + row.values.size() + " columns)");
        }
        return row.values.get(c);
    }

    record Row(int line, List<String> values) {
    }

    private static List<Row> parse(String name, String text) throws BadInputException {
        List<Row> rows = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;       // inside quotes
        boolean wasQuoted = false;    // current cell had quotes: keep its inner spaces
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        int i = 0;
        while (i <= text.length()) {
            char ch = i < text.length() ? text.charAt(i) : '\n';
            boolean end = i == text.length();
            if (quoted) {
                if (end) {
                    throw new BadInputException(name, quoteLine, null, "quote opened here is never closed");
                }
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
                cell.setLength(0);
            } else if (ch == ',') {
                values.add(finish(cell, wasQuoted));
                wasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                values.add(finish(cell, wasQuoted));
                wasQuoted = false;
                boolean blank = values.size() == 1 && values.get(0).isEmpty();
                if (!blank) {
                    rows.add(new Row(rowLine, List.copyOf(values)));
                }
                values.clear();
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                rowLine = line;
            } else {
                cell.append(ch);
            }
            i++;
        }
        return rows;
    }

    /** Identifiers and numbers never carry meaningful outer spaces, quoted or not, so all are stripped. */
    private static String finish(StringBuilder cell, boolean wasQuoted) {
        String v = cell.toString().strip();
        cell.setLength(0);
        return v;
    }
}
