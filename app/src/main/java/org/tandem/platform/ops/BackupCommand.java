package org.tandem.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.files.FileStore;
import org.tandem.platform.files.FileStores;

/**
 * {@code backup --to DIR}: every table of the database, exported in one REPEATABLE READ
 * snapshot (so the export is consistent although Tandem keeps running: the zonky binaries carry
 * no pg_dump), the sequences, then every stored file, and a MANIFEST of SHA-256 sums in the
 * format of {@code sha256sum} ({@code cd DIR && sha256sum -c MANIFEST} checks it too). The
 * backup is written to a sibling directory and renamed at the end, so a failed backup never
 * looks like a complete one.
 */
final class BackupCommand {

    static final String FORMAT = "tandem-backup-1";

    private BackupCommand() {
    }

    static void backup(TandemSettings settings, Path to, PrintStream out) {
        Path target = to.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new Operations.Refused("The backup target " + target + " exists and is not empty");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(partial.resolve("db"));
            BackupInfo info = new BackupInfo();
            info.created = Instant.now().toString();
            try (OpsDatabase db = OpsDatabase.forReading(settings); Connection c = db.connect()) {
                exportDatabase(c, partial.resolve("db"), info);
            }
            FileStore store = FileStores.fromSettings(settings);
            Path files = Files.createDirectories(partial.resolve("files"));
            int count = 0;
            try (Stream<String> keys = store.keys()) {
                for (String key : (Iterable<String>) keys::iterator) {
                    try (InputStream in = store.get(key)) {
                        Files.copy(in, files.resolve(key));
                    }
                    count++;
                }
            }
            info.files = count;
            info.write(partial.resolve(BackupInfo.FILE_NAME));
            Manifest.write(partial);
            if (Files.exists(target)) {
                Files.delete(target);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            long rows = info.tables.stream().mapToLong(t -> t.rows).sum();
            out.println("Backup written to " + target + ": " + info.tables.size() + " tables, " + rows + " rows, "
                    + count + " files");
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("backup to " + target + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new IllegalStateException("backup to " + target + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private static void exportDatabase(Connection c, Path dir, BackupInfo info) throws SQLException, IOException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            info.versions = strings(c, "select version from flyway_schema_history where success and version is not null"
                    + " order by installed_rank");
            if (info.versions.isEmpty()) {
                throw new Operations.Refused("The database has no Tandem schema to back up");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables(c)) {
                BackupInfo.Table t = new BackupInfo.Table();
                t.name = table;
                t.columns = columns(c, table);
                try (OutputStream o = Files.newOutputStream(dir.resolve(table + ".copy"))) {
                    t.rows = copy.copyOut("copy " + quote(table) + " (" + String.join(", ", quoteAll(t.columns))
                            + ") to stdout", o);
                }
                info.tables.add(t);
            }
            try (var s = c.createStatement();
                 var rs = s.executeQuery("select sequencename, last_value from pg_sequences where schemaname = 'public'"
                         + " order by sequencename")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    long v = rs.getLong(2);
                    info.sequences.put(name, rs.wasNull() ? null : v);
                }
            }
        } finally {
            c.rollback();
        }
    }

    /** The application's tables; Flyway's own history is rebuilt by migrating the target. */
    static List<String> tables(Connection c) throws SQLException {
        return strings(c, "select tablename from pg_tables where schemaname = 'public'"
                + " and tablename <> 'flyway_schema_history' order by tablename");
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select column_name from information_schema.columns
                where table_schema = 'public' and table_name = ? and is_generated = 'NEVER'
                order by ordinal_position""")) {
            ps.setString(1, table);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static List<String> quoteAll(List<String> identifiers) {
        return identifiers.stream().map(BackupCommand::quote).toList();
    }

    static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the partial directory is named as such; an operator can remove it
        }
    }
}
