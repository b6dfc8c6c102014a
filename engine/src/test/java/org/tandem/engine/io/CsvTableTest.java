package org.tandem.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block reader against the line-by-line reading it replaced (readLine, BOM, split, blank lines). */
class CsvTableTest {

    @TempDir
    Path dir;

    private static final Path NAME = Path.of("T.csv");

    /**
     * Reference reading: records end at LF, CR or CRLF outside quotes (a quote toggles, so "" inside
     * quotes toggles twice), a record's line is the physical line it starts on, blank records are
     * skipped, each record is split by {@link CsvTable#split}; null when a quote is never closed.
     */
    static List<String> expected(String text, List<String> columns) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (!quoted && (c == '\n' || c == '\r')) {
                records.add(cur.toString());
                lines.add(recordLine);
                cur.setLength(0);
                if (crlf) {
                    i++;
                }
                line++;
                recordLine = line;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' || (c == '\r' && !crlf)) {
                line++;
            }
            cur.append(c);
        }
        if (quoted) {
            return null;
        }
        if (cur.length() > 0) {
            records.add(cur.toString());
            lines.add(recordLine);
        }
        String[] names = CsvTable.split(records.isEmpty() ? "" : records.get(0));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
        }
        List<String> out = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            if (records.get(r).isBlank()) {
                continue;
            }
            String[] values = CsvTable.split(records.get(r));
            StringBuilder row = new StringBuilder().append(lines.get(r));
            for (String c : columns) {
                Integer i = index.get(c);
                row.append('|').append(i == null || i >= values.length || values[i].isEmpty() ? null : values[i]);
            }
            out.add(row.toString());
        }
        return out;
    }

    static List<String> actual(String text, List<String> columns, int block) throws IOException {
        List<String> out = new ArrayList<>();
        CsvTable.read(NAME, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), block, List.of(), row -> {
            StringBuilder s = new StringBuilder().append(row.line());
            for (String c : columns) {
                s.append('|').append(row.optional(c));
            }
            out.add(s.toString());
        });
        return out;
    }

    @Test
    void readsExactlyWhatLineByLineReadingRead() throws IOException {
        Random rnd = new Random(3);
        String[] alphabet = {"a", "b", ",", ",", ",", "\"", "\"", " ", " ", "\t", "\r", "\n", "\n", "\r\n", "x", "1", ".",
            "\u00e9", "\u2003", "\u00a0", "\uFEFF", "\u0000", ";", "\u4e2d", "\uD83D\uDE00"};
        for (int t = 0; t < 400; t++) {
            int width = 1 + rnd.nextInt(4);
            List<String> columns = new ArrayList<>();
            StringBuilder text = new StringBuilder(rnd.nextBoolean() ? "\uFEFF" : "");
            for (int c = 0; c < width; c++) {
                String name = "C" + rnd.nextInt(3);
                columns.add(name.toLowerCase(Locale.ROOT));
                text.append(c > 0 ? "," : "").append(rnd.nextBoolean() ? " " + name : "\"" + name + "\"");
            }
            columns.add("absent");
            text.append(rnd.nextBoolean() ? "\r\n" : "\n");
            int length = rnd.nextInt(t % 10 == 0 ? 3000 : 200);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            List<String> want = expected(text.toString(), columns);
            for (int block : new int[] {1, 2, 3, 4, 5, 7, 64, 1 << 16}) {
                if (want == null) {
                    int b = block;
                    assertThatThrownBy(() -> actual(text.toString(), columns, b)).as("case %d, block %d", t, block)
                            .isInstanceOf(BadInputException.class).hasMessageContaining("never closed");
                } else {
                    assertThat(actual(text.toString(), columns, block)).as("case %d, block %d", t, block).isEqualTo(want);
                }
            }
        }
    }

    @Test
    void quotedValuesMayHoldLineBreaksAndAnUnclosedQuoteIsRefused() throws IOException {
        String text = "id,note\r\n1,\"two\r\nlines\"\r\n2,\"three\nshort\rlines\"\n3,plain\n";
        for (int block : new int[] {1, 2, 3, 16, 1 << 16}) {
            assertThat(actual(text, List.of("id", "note"), block)).as("block %d", block)
                    .containsExactly("2|1|two\r\nlines", "4|2|three\nshort\rlines", "7|3|plain");
        }
        Path f = Files.writeString(dir.resolve("Q.csv"), "id,note\n1,ok\n2,\"never\n3,closed\n");
        assertThatThrownBy(() -> CsvTable.read(f, List.of("id"), row -> { }))
                .isInstanceOf(BadInputException.class)
                .hasMessage(f + ":3: quote: a quote opened on this line is never closed");
    }

    @Test
    void longLinesAndEveryLineEnd() throws IOException {
        String longValue = "v".repeat(100_000);
        String text = "a,b\r\n1," + longValue + "\r2,x\n\n  \r\n3,\"q,\"\"uo\"\"te\"\r\n4,  last  ";
        List<String> columns = List.of("a", "b");
        assertThat(actual(text, columns, 16)).isEqualTo(expected(text, columns))
                .containsExactly("2|1|" + longValue, "3|2|x", "6|3|q,\"uo\"te", "7|4|last");
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        Path empty = Files.writeString(dir.resolve("E.csv"), "");
        assertThatThrownBy(() -> CsvTable.read(empty, List.of("a"), row -> { }))
                .hasMessage(empty + ":1: header: the file is empty");
        Path f = Files.writeString(dir.resolve("F.csv"), "A,b\n1,\n 2 ,x\n");
        assertThatThrownBy(() -> CsvTable.read(f, List.of("a", "c"), row -> { }))
                .hasMessage(f + ":1: c: column missing from the header");
        assertThatThrownBy(() -> CsvTable.read(f, List.of("a"), row -> row.text("b")))
                .hasMessage(f + ":2: b: value is missing");
        assertThatThrownBy(() -> CsvTable.read(f, List.of("a"), row -> row.decimal("b")))
                .hasMessage(f + ":2: b: value is missing");
        assertThatThrownBy(() -> CsvTable.read(f, List.of("a"), row -> {
            if (row.line() == 3) {
                row.decimal("b");
            }
        })).hasMessage(f + ":3: b: 'x' is not a number");
        assertThatThrownBy(() -> CsvTable.read(f, List.of("a"), row -> row.id("zzz", new IdTable())))
                .hasMessage(f + ":2: zzz: value is missing");
        Path bad = Files.write(dir.resolve("B.csv"), new byte[] {'a', '\n', (byte) 0xC3, '\n'});
        assertThatThrownBy(() -> CsvTable.read(bad, List.of("a"), row -> { }))
                .hasMessageStartingWith(bad + ": file: cannot be read: ");
        for (byte[] broken : new byte[][] {{'a', '\n', 'x', (byte) 0xE4, (byte) 0xB8}, {'a', '\n', (byte) 0xFF, 'b', '\n'}}) {
            for (int block : new int[] {1, 2, 5, 1 << 16}) {
                assertThatThrownBy(() -> CsvTable.read(NAME, new ByteArrayInputStream(broken), block, List.of(), row -> { }))
                        .isInstanceOf(java.nio.charset.MalformedInputException.class);
            }
        }
        assertThatThrownBy(() -> CsvTable.read(dir.resolve("none.csv"), List.of("a"), row -> { }))
                .hasMessage(dir.resolve("none.csv") + ": file: no such file");
    }

    @Test
    void valuesAsNumbersIdsAndKeptTexts() throws IOException {
        Path f = Files.writeString(dir.resolve("V.csv"),
                "id,score\n p1 , 0.25 \n\"p2\",\"1e-3\"\np1,-0\np\u00e9,+.5\n\u4e2d,7.\n", StandardCharsets.UTF_8);
        IdTable ids = new IdTable();
        TextPool texts = new TextPool();
        List<Double> scores = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        CsvTable.read(f, List.of("id", "score"), row -> {
            numbers.add(row.id("id", ids));
            scores.add(row.decimal("score"));
            row.keep("score", texts);
            row.keep("id", texts);
        });
        assertThat(numbers).containsExactly(0, 1, 0, 2, 3);
        assertThat(scores).containsExactly(0.25, 1e-3, -0.0, 0.5, 7.0);
        assertThat(ids.find("p\u00e9")).isEqualTo(2);
        assertThat(ids.find("p3")).isEqualTo(-1);
        assertThat(ids.name(3)).isEqualTo("\u4e2d");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            kept.add(texts.get(i));
        }
        assertThat(kept).containsExactly("0.25", "p1", "1e-3", "p2", "-0", "p1", "+.5", "p\u00e9", "7.", "\u4e2d");
    }

    @Test
    void plainDecimalsAreParsedExactlyAsParseDoubleDoes() {
        Random rnd = new Random(5);
        int fast = 0;
        for (int t = 0; t < 300_000; t++) {
            StringBuilder s = new StringBuilder();
            if (rnd.nextInt(4) == 0) {
                s.append(rnd.nextBoolean() ? '-' : '+');
            }
            int digits = rnd.nextInt(21);
            int point = rnd.nextInt(digits + 2) - 1;
            for (int i = 0; i < digits; i++) {
                if (i == point) {
                    s.append('.');
                }
                s.append(rnd.nextInt(10) == 0 ? '0' : (char) ('0' + rnd.nextInt(10)));
            }
            if (point == digits || rnd.nextInt(50) == 0) {
                s.append(rnd.nextBoolean() ? "." : "e2");
            }
            char[] a = s.toString().toCharArray();
            double got = CsvTable.plainDecimal(a, 0, a.length);
            if (Double.isNaN(got)) {
                continue;
            }
            fast++;
            assertThat(Double.doubleToRawLongBits(got)).as(s.toString())
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s.toString())));
        }
        assertThat(fast).isGreaterThan(100_000);
        for (String notPlain : new String[] {"", "-", ".", "1.2.3", "1e5", "0x1p3", "1d", "NaN", "Infinity", "1 2",
            "1234567890123456789", "9007199254740993"}) {
            char[] a = notPlain.toCharArray();
            assertThat(CsvTable.plainDecimal(a, 0, a.length)).as(notPlain).isNaN();
        }
    }

    @Test
    void idTableNumbersInOrderOfFirstSight() {
        Random rnd = new Random(9);
        IdTable ids = new IdTable();
        Map<String, Integer> reference = new HashMap<>();
        for (int t = 0; t < 50_000; t++) {
            String s = Integer.toString(rnd.nextInt(20_000), 36) + (rnd.nextInt(10) == 0 ? "\u00e9" : "");
            char[] a = ("<" + s + ">").toCharArray();
            assertThat(ids.find(a, 1, a.length - 1)).isEqualTo(reference.getOrDefault(s, -1));
            int want = reference.computeIfAbsent(s, k -> reference.size());
            assertThat(ids.add(a, 1, a.length - 1)).isEqualTo(want);
            assertThat(ids.name(want)).isEqualTo(s);
        }
        assertThat(ids.size()).isEqualTo(reference.size());
    }
}
