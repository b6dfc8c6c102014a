package org.tandem.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that Tandem runs itself from the zonky binaries, with its data in
 * {@code <data-dir>/postgres}. Unlike the library's defaults (meant for throw-away test
 * databases) it runs durably: every acknowledged commit is on disk before the caller hears
 * about it, and a torn page after a power cut can be repaired from the WAL.
 *
 * <p>One data directory belongs to one running Tandem: the {@code tandem.lock} file next to the
 * database is locked for the lifetime of this object. The operating system releases that lock
 * when the JVM dies, however it dies, so a lock we can take while {@code postmaster.pid} names a
 * live server means that server is an orphan of a crashed Tandem, and it is stopped.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "tandem";
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    /** Null when attached to the server of another running Tandem. */
    private final EmbeddedPostgres postgres;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * For operations commands (backup, audit verify) that may run while Tandem itself runs: the
     * running instance's server is used as it is (it listens on loopback with the port named in
     * {@code postmaster.pid}), and left running afterwards; otherwise a server is started.
     */
    public static EmbeddedDatabase startOrAttach(Path dataDir) {
        try {
            return start(dataDir, null, false);
        } catch (DataDirectoryInUseException inUse) {
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            try {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
                int port = Integer.parseInt(lines.get(3).trim());
                log.info("Using the PostgreSQL of the running Tandem on port {}", port);
                return new EmbeddedDatabase(null, port, null, null);
            } catch (IOException | RuntimeException e) {
                throw inUse;
            }
        }
    }

    /**
     * @param port fixed port, or null for a free one
     * @param clean start from an empty database (tests only)
     */
    public static EmbeddedDatabase start(Path dataDir, Integer port, boolean clean) {
        Path dir = dataDir.resolve("postgres").toAbsolutePath();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir.getParent());
            Path lockFile = dir.getParent().resolve("tandem.lock");
            channel = FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new DataDirectoryInUseException(dataDir.toAbsolutePath(), readOwner(lockFile));
            }
            writeOwner(channel);
            stopOrphan(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(clean)
                    // Later -c options override the -F (fsync off) that the library always passes.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("timezone", "UTC")
                    // Crash recovery replays the WAL before the server accepts connections.
                    .setPGStartupWait(Duration.ofMinutes(2));
            if (port != null) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            createDatabaseIfMissing(pg.getPostgresDatabase());
            log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
            return new EmbeddedDatabase(pg, pg.getPort(), channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Another Tandem in this very JVM (tests) holds it.
            return null;
        }
    }

    private static void writeOwner(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
    }

    private static String readOwner(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A server left running by a Tandem that was killed holds {@code postmaster.pid} and would make
     * the new start fail. We hold the data directory lock, so no live Tandem owns that server.
     */
    static void stopOrphan(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return; // postgres removes a stale or truncated pid file itself
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(EmbeddedDatabase::isRunningPostgres);
        if (process.isEmpty()) {
            // The pid is dead or was reused by another program: postgres would refuse a live pid
            // that is not its own, so the stale file goes.
            Files.deleteIfExists(pidFile);
            log.info("Removed a stale postmaster.pid (pid {}) in {}", pid, pgDir);
            return;
        }
        log.warn("An embedded PostgreSQL (pid {}) was left running by a Tandem that stopped without "
                + "shutting it down; stopping it before starting again", pid);
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
        signal(pid, "INT");
        if (!awaitExit(process.get(), pidFile, ORPHAN_STOP_WAIT)) {
            // Immediate shutdown: safe with fsync on, the next start replays the WAL.
            signal(pid, "QUIT");
            if (!awaitExit(process.get(), pidFile, Duration.ofSeconds(10))) {
                throw new IllegalStateException("The orphaned PostgreSQL (pid " + pid + ") on " + pgDir
                        + " does not stop; stop it by hand");
            }
        }
        log.info("Stopped the orphaned PostgreSQL (pid {})", pid);
    }

    private static boolean isRunningPostgres(ProcessHandle p) {
        if (!p.isAlive() || isZombie(p.pid())) {
            return false;
        }
        return p.info().command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(true);
    }

    /** Alive and not a zombie waiting for a parent that may never reap it (PID 1 in containers). */
    static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(p -> p.isAlive() && !isZombie(pid)).orElse(false);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping pid " + pid, e);
        }
    }

    private static boolean awaitExit(ProcessHandle p, Path pidFile, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive() || isZombie(p.pid())) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void createDatabaseIfMissing(DataSource admin) {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        if (postgres == null) {
            return; // attached: the server belongs to the running Tandem
        }
        try {
            postgres.close();
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing with the cause that matters
            }
        }
    }

    /** The data directory belongs to a Tandem that is still running. */
    public static final class DataDirectoryInUseException extends IllegalStateException {
        public DataDirectoryInUseException(Path dataDir, String ownerPid) {
            super("The data directory " + dataDir + " is in use by another running Tandem"
                    + (ownerPid.isEmpty() ? "" : " (process " + ownerPid + ")")
                    + ". Stop that instance first, or give this one its own TANDEM_DATA_DIR"
                    + " (or TANDEM_DB_URL for a shared PostgreSQL).");
        }
    }
}
