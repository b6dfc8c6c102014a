package org.tandem.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file with a header, read row by row: the one CSV reader of the engine. Columns are found
 * by name (any case and order, extra columns ignored); BOM, CRLF, blank lines, surrounding spaces
 * and RFC 4180 quotes (with commas and line breaks inside) are tolerated; of two same-named columns
 * the first counts. A missing column and a quote never closed are refused. Every error is a {@link BadInputException} naming
 * the file, the line and the column, because agencies run this on their own data; a row's line is
 * the physical line it starts on.
 *
 * <p>Files of millions of lines are read in large blocks of characters and split in place: a
 * field becomes a {@code String} only when asked for as text, numbers are parsed from the
 * characters and ids can be numbered through an {@link IdTable} without a string per row.
 */
public final class CsvTable {

    private static final int BLOCK = 1 << 16;

    /**
     * The current data row. The same object is handed on for every row of a file and its fields
     * change with it, so keep values, not the row. {@link #line()} is the 1-based line number.
     */
    public final class Row {
        private char[] chars;
        private int[] start = new int[8];
        private int[] end = new int[8];
        private int count;
        private int line;
        /** Column names already asked for, compared by identity first: callers pass constants. */
        private final String[] askedNames = new String[8];
        private final int[] askedIndex = new int[8];
        private int asked;

        private Row() {
        }

        public int line() {
            return line;
        }

        public String text(String column) {
            int i = required(column);
            return new String(chars, start[i], end[i] - start[i]);
        }

        public String optional(String column) {
            int i = field(column);
            return i < 0 ? null : new String(chars, start[i], end[i] - start[i]);
        }

        public double decimal(String column) {
            int i = required(column);
            double fast = plainDecimal(chars, start[i], end[i]);
            if (!Double.isNaN(fast)) {
                return fast;
            }
            String s = new String(chars, start[i], end[i] - start[i]);
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

        /** The number of the value in {@code ids}, adding it when new; missing values are refused as by {@link #text}. */
        public int id(String column, IdTable ids) {
            int i = required(column);
            return ids.add(chars, start[i], end[i]);
        }

        /** The number of the value in {@code ids}, or -1 when it is not there; missing values are refused as by {@link #text}. */
        public int find(String column, IdTable ids) {
            int i = required(column);
            return ids.find(chars, start[i], end[i]);
        }

        /** Keeps the value as given in {@code texts} and returns its number; missing values are refused as by {@link #text}. */
        public int keep(String column, TextPool texts) {
            int i = required(column);
            return texts.add(chars, start[i], end[i]);
        }

        public BadInputException error(String column, String message) {
            return new BadInputException(file, line, column, message);
        }

        private int column(String column) {
            for (int k = 0; k < asked; k++) {
                if (askedNames[k] == column) {
                    return askedIndex[k];
                }
            }
            Integer i = index.get(column);
            int c = i == null ? -1 : i;
            if (asked < askedNames.length) {
                askedNames[asked] = column;
                askedIndex[asked++] = c;
            }
            return c;
        }

        /** The field of a non-empty value of the column in this row, or -1. */
        private int field(String column) {
            int i = column(column);
            return i < 0 || i >= count || start[i] == end[i] ? -1 : i;
        }

        private int required(String column) {
            int i = field(column);
            if (i < 0) {
                throw new BadInputException(file, line, column, "value is missing");
            }
            return i;
        }

        /** Adds the field {@code [s, e)} of {@code chars} with surrounding white space removed (as {@link String#strip()}). */
        private void add(int s, int e) {
            while (s < e && space(chars[s])) {
                s++;
            }
            while (e > s && space(chars[e - 1])) {
                e--;
            }
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            start[count] = s;
            end[count++] = e;
        }

        /**
         * Splits {@code buf[from, to)} as {@link CsvTable#split} does; a line with quotes is unquoted
         * into {@code scratch}. Returns false for a blank line.
         */
        private boolean split(Lines line) {
            char[] buf = line.buf;
            int from = line.from;
            if (line.quote) {
                splitQuoted(buf, from, line.to);
                return true;
            }
            count = 0;
            chars = buf;
            int s = from;
            int[] comma = line.comma;
            for (int k = 0; k < line.commas; k++) {
                int i = from + comma[k];
                add(s, i);
                s = i + 1;
            }
            add(s, line.to);
            return count > 1 || start[0] < end[0];
        }

        private void splitQuoted(char[] buf, int from, int to) {
            count = 0;
            if (scratch.length < to - from) {
                scratch = new char[Math.max(to - from, scratch.length * 2)];
            }
            char[] out = scratch;
            chars = out;
            int o = 0;
            int s = 0;
            boolean quoted = false;
            for (int i = from; i < to; i++) {
                char c = buf[i];
                if (quoted) {
                    if (c == '"' && i + 1 < to && buf[i + 1] == '"') {
                        out[o++] = '"';
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        out[o++] = c;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    add(s, o);
                    s = o;
                } else {
                    out[o++] = c;
                }
            }
            add(s, o);
        }

        private String name(int i) {
            return new String(chars, start[i], end[i] - start[i]);
        }
    }

    private final Path file;
    private final Map<String, Integer> index = new HashMap<>();
    private char[] scratch = new char[256];

    private CsvTable(Path file) {
        this.file = file;
    }

    /** What is done with each row; not a generic Consumer, so an implementing class has no bridge method to compile too. */
    @FunctionalInterface
    public interface Rows {
        void accept(Row row);
    }

    /** Reads the file, checking that the required columns are in its header, and hands each row on. */
    public static void read(Path file, List<String> required, Rows rows) {
        try (InputStream in = Files.newInputStream(file)) {
            read(file, in, BLOCK, required, rows);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, "file", "no such file");
        } catch (IOException e) {
            throw new BadInputException(file, 0, "file", "cannot be read: " + e.getMessage());
        }
    }

    /** {@link #read(Path, List, Rows)} from a stream, {@code block} bytes at a time (tests use tiny blocks). */
    static void read(Path file, InputStream in, int block, List<String> required, Rows rows) throws IOException {
        new CsvTable(file).read(new Lines(in, block), required, rows);
    }

    private void read(Lines in, List<String> required, Rows rows) throws IOException {
        Row row = new Row();
        if (!in.next()) {
            throw new BadInputException(file, 1, "header", "the file is empty");
        }
        if (in.from < in.to && in.buf[in.from] == '\uFEFF') {
            // Not part of the first name; the commas stay where they are.
            in.from++;
            for (int k = 0; k < in.commas; k++) {
                in.comma[k]--;
            }
        }
        unclosedQuote(in, 1);
        row.split(in);
        for (int i = 0; i < row.count; i++) {
            index.putIfAbsent(row.name(i).toLowerCase(Locale.ROOT), i);
        }
        for (String column : required) {
            if (!index.containsKey(column)) {
                throw new BadInputException(file, 1, column, "column missing from the header");
            }
        }
        int n = 1 + in.breaks;
        while (in.next()) {
            n++;
            unclosedQuote(in, n);
            if (row.split(in)) {
                row.line = n;
                rows.accept(row);
            }
            n += in.breaks;
        }
    }

    private void unclosedQuote(Lines in, int line) {
        if (in.unclosed) {
            throw new BadInputException(file, line, "quote", "a quote opened on this line is never closed");
        }
    }

    /**
     * The lines of UTF-8 bytes as {@link java.io.BufferedReader#readLine()} finds them (ends: LF, CR
     * or CRLF), decoded in place: ASCII bytes are widened directly, anything else goes through a
     * decoder that refuses malformed input as the reader did.
     */
    private static final class Lines {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        private byte[] bytes;
        private int bytePos;
        private int byteLimit;
        private boolean inputEnded;
        char[] buf;
        /** The current line is {@code buf[from, to)}; its commas are at {@code from + comma[0 .. commas)}. */
        int from;
        int to;
        int[] comma = new int[16];
        int commas;
        /** Whether the current line has a quote; then its commas are not all separators. */
        boolean quote;
        /** Line breaks inside quotes in the current record (spreadsheets write them for multi-line cells). */
        int breaks;
        /** The input ended inside quotes: the record's quote is never closed. */
        boolean unclosed;
        private boolean inQuotes;
        private int pos;
        private int limit;
        private boolean eof;
        private boolean skipLf;

        Lines(InputStream in, int block) {
            this.in = in;
            this.bytes = new byte[Math.max(block, 4)];
            this.buf = new char[Math.max(block, 2)];
        }

        boolean next() throws IOException {
            int scanned = 0;
            while (true) {
                if (skipLf) {
                    if (pos == limit && !eof) {
                        fill();
                        continue;
                    }
                    if (pos < limit && buf[pos] == '\n') {
                        pos++;
                    }
                    skipLf = false;
                }
                if (scanned == 0) {
                    commas = 0;
                    quote = false;
                    breaks = 0;
                    inQuotes = false;
                }
                int i = pos + scanned;
                char[] b = buf;
                int lim = limit;
                while (i < lim) {
                    char c = b[i];
                    if (c <= ',') {
                        if (c == ',') {
                            if (commas == comma.length) {
                                comma = Arrays.copyOf(comma, commas * 2);
                            }
                            comma[commas++] = i - pos;
                        } else if ((c == '\n' || c == '\r') && inQuotes) {
                            // a break inside a quoted value; CRLF counts once (the record so far stays in buf)
                            if (c == '\r' || i == pos || b[i - 1] != '\r') {
                                breaks++;
                            }
                        } else if (c == '\n' || c == '\r') {
                            from = pos;
                            to = i;
                            pos = i + 1;
                            skipLf = c == '\r';
                            return true;
                        } else if (c == '"') {
                            quote = true;
                            inQuotes = !inQuotes; // "" inside quotes toggles twice
                        }
                    }
                    i++;
                }
                if (eof) {
                    unclosed = inQuotes;
                    if (pos < limit) {
                        from = pos;
                        to = limit;
                        pos = limit;
                        return true;
                    }
                    return false;
                }
                scanned = limit - pos;
                fill();
            }
        }

        /** Moves the unread part to the front (growing the buffer for a long line) and decodes more. */
        private void fill() throws IOException {
            int left = limit - pos;
            System.arraycopy(buf, pos, buf, 0, left);
            if (buf.length - left < 2) {
                // Room for at least one character, even one of two chars.
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            pos = 0;
            limit = left;
            while (limit == left && !eof) {
                decode();
            }
        }

        /** Decodes bytes into {@code buf[limit, ...)}, reading more when none or only part of a character is left. */
        private void decode() throws IOException {
            if (bytePos == byteLimit && !readBytes()) {
                return;
            }
            byte[] by = bytes;
            char[] b = buf;
            int n = Math.min(byteLimit - bytePos, b.length - limit);
            int k = 0;
            while (k < n && by[bytePos + k] >= 0) {
                b[limit + k] = (char) by[bytePos + k];
                k++;
            }
            bytePos += k;
            limit += k;
            if (k < n) {
                ByteBuffer source = ByteBuffer.wrap(by, bytePos, byteLimit - bytePos);
                CharBuffer target = CharBuffer.wrap(b, limit, b.length - limit);
                CoderResult result = decoder.decode(source, target, false);
                if (result.isError()) {
                    result.throwException();
                }
                boolean stuck = k == 0 && source.position() == bytePos;
                bytePos = source.position();
                limit = target.position();
                if (stuck && result.isUnderflow()) {
                    // Only the start of a character is left: it needs the next bytes.
                    readBytes();
                }
            }
        }

        /**
         * Keeps the undecoded bytes (the start of a character cut by the block end) and reads more;
         * false at the end of the input, when the rest must decode on its own.
         */
        private boolean readBytes() throws IOException {
            int left = byteLimit - bytePos;
            System.arraycopy(bytes, bytePos, bytes, 0, left);
            bytePos = 0;
            byteLimit = left;
            int got = inputEnded ? -1 : in.read(bytes, left, bytes.length - left);
            if (got > 0) {
                byteLimit += got;
                return true;
            }
            if (got == 0) {
                return true;
            }
            inputEnded = true;
            ByteBuffer source = ByteBuffer.wrap(bytes, 0, left);
            CharBuffer target = CharBuffer.wrap(buf, limit, buf.length - limit);
            CoderResult result = decoder.decode(source, target, true);
            if (result.isError()) {
                result.throwException();
            }
            decoder.flush(target);
            limit = target.position();
            bytePos = byteLimit = 0;
            eof = true;
            return false;
        }
    }

    /** {@link Character#isWhitespace(char)}, without asking for the printable ASCII characters. */
    private static boolean space(char c) {
        return (c <= ' ' || c >= 0x80) && Character.isWhitespace(c);
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * A plain decimal ({@code [+-]digits[.digits]}, at most 18 digits) parsed from characters, or NaN
     * for anything else. Exact: the digits form an integer of at most 2^53 and the divisor a power of
     * ten up to 10^18, both exact doubles, and one division rounds correctly, so the result is the
     * one {@link Double#parseDouble} gives.
     */
    static double plainDecimal(char[] a, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (a[i] == '-' || a[i] == '+')) {
            negative = a[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < to; i++) {
            char c = a[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return Double.NaN;
                }
                m = m * 10 + (c - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || m > (1L << 53)) {
            return Double.NaN;
        }
        double d = decimals > 0 ? m / POWERS_OF_TEN[decimals] : m;
        return negative ? -d : d;
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
        return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
