package org.tandem.engine.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A CSV file with a header, read row by row. Columns are found by name (any order, extra
 * columns ignored); BOM, CRLF, surrounding spaces and RFC 4180 quotes are tolerated. Every
 * error names the file, the line and the column, because agencies run this on their own data.
 */
public final class CsvTable {

    /** One data row; {@code line} is the 1-based line number in the file. */
    public final class Row {
        private final String[] values;
        private final int line;

        Row(String[] values, int line) {
            this.values = values;
            this.line = line;
        }

        public int line() {
            return line;
        }

        public String text(String column) {
            Integer i = index.get(column);
            if (i == null || i >= values.length || values[i].isEmpty()) {
                throw new BadInputException(file, line, column, "value is missing");
            }
            return values[i];
        }

        public String optional(String column) {
            Integer i = index.get(column);
            return i == null || i >= values.length || values[i].isEmpty() ? null : values[i];
        }

        public double decimal(String column) {
            String s = text(column);
            try {
                double d = Double.parseDouble(s);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new BadInputException(file, line, column, "'" + s + "' is not a number");
            }
        }

        public int nonNegativeInt(String column) {
            String s = text(column);
            try {
                int v = Integer.parseInt(s);
                if (v < 0) {
                    throw new BadInputException(file, line, column, "must not be negative, got " + v);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new BadInputException(file, line, column, "'" + s + "' is not a whole number");
            }
        }

        public BadInputException error(String column, String message) {
            return new BadInputException(file, line, column, message);
        }
    }

    private final Path file;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvTable(Path file) {
        this.file = file;
    }

    /** Reads the file, checking that the required columns are in its header, and hands each row on. */
    public static void read(Path file, List<String> required, Consumer<Row> rows) {
        CsvTable table = new CsvTable(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new BadInputException(file, 1, "header", "the file is empty");
            }
            if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
                header = header.substring(1);
            }
            String[] names = split(header);
            for (int i = 0; i < names.length; i++) {
                table.index.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
            }
            for (String column : required) {
                if (!table.index.containsKey(column)) {
                    throw new BadInputException(file, 1, column, "column missing from the header");
                }
            }
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                rows.accept(table.new Row(split(line), n));
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, "file", "no such file");
        } catch (IOException e) {
            throw new BadInputException(file, 0, "file", "cannot be read: " + e.getMessage());
        }
    }

    /** The fields of one CSV line (RFC 4180 quotes, surrounding spaces stripped). */
    public static String[] split(String line) {
        if (line.indexOf('"') < 0) {
            String[] parts = line.split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = parts[i].strip();
            }
            return parts;
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out.toArray(new String[0]);
    }

    public static String quote(String value) {
        return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
