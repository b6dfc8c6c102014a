package org.tandem.platform.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** {@code backup.properties}: what a backup holds, so a restore can check it fits this version of Tandem. */
final class BackupInfo {

    static final String FILE_NAME = "backup.properties";

    static final class Table {
        String name;
        List<String> columns;
        long rows;
    }

    String created;
    List<String> versions = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();
    final Map<String, Long> sequences = new LinkedHashMap<>();
    int files;

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", BackupCommand.FORMAT);
        p.setProperty("created", created);
        p.setProperty("schema.versions", String.join(",", versions));
        p.setProperty("files", Integer.toString(files));
        p.setProperty("tables", String.join(",", tables.stream().map(t -> t.name).toList()));
        for (Table t : tables) {
            p.setProperty("table." + t.name + ".columns", String.join(",", t.columns));
            p.setProperty("table." + t.name + ".rows", Long.toString(t.rows));
        }
        sequences.forEach((name, value) -> p.setProperty("sequence." + name, value == null ? "" : value.toString()));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "Tandem backup");
        }
    }

    static BackupInfo read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        if (!BackupCommand.FORMAT.equals(p.getProperty("format"))) {
            throw new Operations.Refused(file + ": not a Tandem backup (format " + p.getProperty("format") + ")");
        }
        BackupInfo info = new BackupInfo();
        info.created = p.getProperty("created");
        info.versions = split(p.getProperty("schema.versions", ""));
        info.files = Integer.parseInt(p.getProperty("files", "0"));
        for (String name : split(p.getProperty("tables", ""))) {
            Table t = new Table();
            t.name = name;
            t.columns = split(p.getProperty("table." + name + ".columns", ""));
            t.rows = Long.parseLong(p.getProperty("table." + name + ".rows", "0"));
            info.tables.add(t);
        }
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("sequence.")) {
                String v = p.getProperty(key);
                info.sequences.put(key.substring("sequence.".length()), v.isEmpty() ? null : Long.valueOf(v));
            }
        }
        return info;
    }

    private static List<String> split(String s) {
        return s.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(s.split(",")));
    }
}
