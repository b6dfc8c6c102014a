package org.tandem.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded database is durable, survives a kill -9 of Tandem, and refuses a second live owner. */
class EmbeddedDatabaseTests {

    private static Process startChild(Path dataDir, String receipt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingTandem.class.getName(), dataDir.toString(), receipt)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY")) {
                // Keep draining so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (java.io.IOException closed) {
                        // the child was killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return p;
            }
            seen.add(line);
        }
        throw new AssertionError("child did not start: " + String.join("\n", seen));
    }

    private static List<String> receipts(EmbeddedDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
             var rs = c.createStatement().executeQuery("select id from receipt order by id")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static String show(EmbeddedDatabase db, String setting) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
             var rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void runsDurably() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "durable-");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, null, false)) {
            assertThat(show(db, "fsync")).isEqualTo("on");
            assertThat(show(db, "synchronous_commit")).isEqualTo("on");
            assertThat(show(db, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void afterAKillTheNextStartStopsTheOrphanAndFindsTheData() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "crash-").toAbsolutePath();
        Process child = startChild(dir, "R-1");
        long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // The crash left PostgreSQL running without its owner: the situation that used to block restarts.
        assertThat(EmbeddedDatabase.isRunning(orphanPid)).isTrue();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, null, false)) {
            assertThat(receipts(db)).containsExactly("R-1");
            assertThat(EmbeddedDatabase.isRunning(orphanPid)).isFalse();
        }
        // A second crash on the same directory recovers just as well.
        Process again = startChild(dir, "R-2");
        again.destroyForcibly();
        again.waitFor(30, TimeUnit.SECONDS);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, null, false)) {
            assertThat(receipts(db)).containsExactly("R-1", "R-2");
        }
    }

    @Test
    void aDirectoryOfALiveTandemIsRefusedWithAClearMessage() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "live-").toAbsolutePath();
        Process child = startChild(dir, "R-1");
        try {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, null, false))
                    .isInstanceOf(EmbeddedDatabase.DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running Tandem")
                    .hasMessageContaining("process " + child.pid());
        } finally {
            child.destroy();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
