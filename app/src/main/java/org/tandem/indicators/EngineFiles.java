package org.tandem.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The engine reads COINr's tables as files (the same code path as its command line, so the app
 * and the CLI check and compute identically); these are written to a private temporary folder
 * that is removed afterwards.
 */
final class EngineFiles implements AutoCloseable {

    final Path dir;
    final Path meta;
    final Path data;
    final Path pipeline;

    EngineFiles() {
        try {
            dir = Files.createTempDirectory("tandem-index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        meta = dir.resolve("iMeta.csv");
        data = dir.resolve("iData.csv");
        pipeline = dir.resolve("pipeline.json");
    }

    static void write(Path file, List<String> header, List<List<String>> rows) {
        StringBuilder s = new StringBuilder();
        line(s, header);
        rows.forEach(r -> line(s, r));
        try {
            Files.writeString(file, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder s, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                s.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                s.append(c);
            }
        }
        s.append('\n');
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the system cleans its temp space.
        }
    }
}
