package org.tandem.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.files.FileStore;
import org.tandem.platform.files.FileStores;

/**
 * {@code restore --from DIR}: checks every SHA-256 sum first, refuses a target that holds data
 * (a database with tables, or stored files), builds the schema with this jar's migrations, then
 * loads every table in one transaction and sets the sequences where they were.
 */
final class RestoreCommand {

    private RestoreCommand() {
    }

    static void restore(TandemSettings settings, Path from, PrintStream out) {
        Path source = from.toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            throw new Operations.Refused("The backup " + source + " does not exist");
        }
        try {
            Manifest.verify(source);
            BackupInfo info = BackupInfo.read(source.resolve(BackupInfo.FILE_NAME));
            for (BackupInfo.Table t : info.tables) {
                if (!t.name.matches("[a-z_][a-z0-9_]*") || !Files.isRegularFile(source.resolve("db").resolve(t.name + ".copy"))) {
                    throw new Operations.Refused(source.resolve(BackupInfo.FILE_NAME) + ": table " + t.name
                            + " has no data file db/" + t.name + ".copy");
                }
            }
            FileStore store = FileStores.fromSettings(settings);
            try (Stream<String> keys = store.keys()) {
                if (keys.findAny().isPresent()) {
                    throw new Operations.Refused("The file store of the target already holds files: restore only into"
                            + " an empty data directory or database");
                }
            }
            try (OpsDatabase db = OpsDatabase.forRestore(settings); Connection c = db.connect()) {
                if (!BackupCommand.tables(c).isEmpty()) {
                    throw new Operations.Refused("The target database " + db.url() + " already has tables: restore"
                            + " only into an empty database");
                }
                Flyway flyway = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                        .locations("classpath:db/migration").load();
                Set<String> known = new HashSet<>();
                for (MigrationInfo m : flyway.info().all()) {
                    if (m.getVersion() != null) {
                        known.add(m.getVersion().getVersion());
                    }
                }
                for (String v : info.versions) {
                    if (!known.contains(v)) {
                        throw new Operations.Refused("The backup has schema version " + v
                                + ", which this Tandem does not know: restore with the version that made it or a later one");
                    }
                }
                // Files first: database rows that name a file must find it.
                Path files = source.resolve("files");
                if (Files.isDirectory(files)) {
                    try (Stream<Path> s = Files.list(files)) {
                        for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                            if (!FileStore.isKey(f.getFileName().toString())) {
                                throw new Operations.Refused(f + ": not a file of a Tandem backup");
                            }
                            try (InputStream in = Files.newInputStream(f)) {
                                store.restore(f.getFileName().toString(), in);
                            }
                        }
                    }
                }
                flyway.migrate();
                load(c, source, info);
                long rows = info.tables.stream().mapToLong(t -> t.rows).sum();
                out.println("Restored " + info.tables.size() + " tables, " + rows + " rows and " + info.files
                        + " files from " + source + " (backup of " + info.created + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("restore from " + source + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("restore from " + source + " failed: " + e.getMessage(), e);
        }
    }

    private static void load(Connection c, Path source, BackupInfo info) throws SQLException, IOException {
        c.setAutoCommit(false);
        try {
            List<String> tables = BackupCommand.tables(c);
            if (!tables.isEmpty()) {
                // Migrations may seed rows (the audit chain head, for one): the backup replaces them.
                try (var s = c.createStatement()) {
                    s.execute("truncate " + String.join(", ", BackupCommand.quoteAll(tables)) + " cascade");
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            // Foreign keys are checked at the end of each statement: load referenced tables first.
            for (BackupInfo.Table t : ForeignKeys.order(c, info.tables)) {
                try (InputStream in = Files.newInputStream(source.resolve("db").resolve(t.name + ".copy"))) {
                    long n = copy.copyIn("copy " + BackupCommand.quote(t.name) + " ("
                            + String.join(", ", BackupCommand.quoteAll(t.columns)) + ") from stdin", in);
                    if (n != t.rows) {
                        throw new Operations.Refused("db/" + t.name + ".copy holds " + n + " rows, the backup says " + t.rows);
                    }
                }
            }
            for (var s : info.sequences.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                    ps.setString(1, BackupCommand.quote(s.getKey()));
                    ps.setLong(2, s.getValue() == null ? 1 : s.getValue());
                    ps.setBoolean(3, s.getValue() != null);
                    ps.execute();
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }
}
