package org.tandem.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.platform.files.FileStore;
import org.tandem.support.TandemIntegrationTest;

/**
 * backup → restore → backup again gives the same tables, rows and files; a restore refuses a
 * target that holds data and a backup whose sums do not match.
 */
@TandemIntegrationTest
class BackupRestoreTests {

    @Autowired FileStore files;
    @Autowired JdbcClient jdbc;

    private record Cli(int exit, String out) {
    }

    private static Cli run(String... args) {
        var buf = new ByteArrayOutputStream();
        var out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int exit = Operations.run(args, out, out);
        return new Cli(exit, buf.toString(StandardCharsets.UTF_8));
    }

    /** Path → SHA-256 of every file but the timestamped backup.properties. */
    private static Map<String, String> sums(Path backup) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        for (String line : Files.readAllLines(backup.resolve("MANIFEST"))) {
            String name = line.substring(66);
            if (!name.equals("backup.properties")) {
                sums.put(name, line.substring(0, 64));
            }
        }
        return sums;
    }

    @Test
    void aRestoredBackupHoldsTheSameRowsAndFiles() throws Exception {
        byte[] pdf = "%PDF-1.4 backup test".getBytes(StandardCharsets.US_ASCII);
        String key = files.put(pdf);
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backup-");
        Path backup = work.resolve("backup");

        Cli b = run("backup", "--to", backup.toString(), "--tandem.data-dir=target/test-data");
        assertThat(b.exit()).as(b.out()).isZero();
        assertThat(Files.readAllLines(backup.resolve("MANIFEST"))).anyMatch(l -> l.endsWith("  files/" + key));
        assertThat(Files.readAllBytes(backup.resolve("files").resolve(key))).isEqualTo(pdf);
        BackupInfo info = BackupInfo.read(backup.resolve("backup.properties"));
        assertThat(info.tables).extracting(t -> t.name).contains("audit_event", "app_user", "proposal");
        BackupInfo.Table users = info.tables.stream().filter(t -> t.name.equals("app_user")).findFirst().orElseThrow();
        assertThat(users.rows).isGreaterThan(5);

        Path restored = work.resolve("restored-data");
        Cli r = run("restore", "--from", backup.toString(), "--tandem.data-dir=" + restored);
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(Files.readAllBytes(restored.resolve("files").resolve(key.substring(0, 2)).resolve(key))).isEqualTo(pdf);

        // The restored database, exported again, is the same table by table, row by row.
        Path again = work.resolve("again");
        Cli b2 = run("backup", "--to", again.toString(), "--tandem.data-dir=" + restored);
        assertThat(b2.exit()).as(b2.out()).isZero();
        assertThat(sums(again)).isEqualTo(sums(backup));
        BackupInfo info2 = BackupInfo.read(again.resolve("backup.properties"));
        assertThat(info2.sequences).isEqualTo(info.sequences);
        assertThat(info2.versions).isEqualTo(info.versions);
        // The audit chain came across intact.
        assertThat(run("audit", "verify", "--tandem.data-dir=" + restored).exit()).isZero();

        // A second restore into the now full directory is refused, and changes nothing.
        Cli full = run("restore", "--from", backup.toString(), "--tandem.data-dir=" + restored);
        assertThat(full.exit()).isEqualTo(2);
        assertThat(full.out()).contains("already holds");
        // A backup target that is not empty is refused too.
        assertThat(run("backup", "--to", backup.toString(), "--tandem.data-dir=target/test-data").exit()).isEqualTo(2);
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "damaged-");
        Path backup = work.resolve("backup");
        assertThat(run("backup", "--to", backup.toString(), "--tandem.data-dir=target/test-data").exit()).isZero();
        Path table = backup.resolve("db").resolve("app_user.copy");
        List<String> lines = Files.readAllLines(table);
        lines.set(0, lines.get(0).replaceFirst("\t", "\tX"));
        Files.write(table, lines);

        Path target = work.resolve("target-data");
        Cli r = run("restore", "--from", backup.toString(), "--tandem.data-dir=" + target);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("MANIFEST line").contains("db/app_user.copy").contains("SHA-256 does not match");
        assertThat(Files.exists(target.resolve("postgres"))).isFalse();

        // An unlisted file slipped into the backup is refused as well.
        Files.write(table, lines.subList(0, lines.size()));
        Path extra = work.resolve("backup2");
        assertThat(run("backup", "--to", extra.toString(), "--tandem.data-dir=target/test-data").exit()).isZero();
        Files.writeString(extra.resolve("db").resolve("intruder.copy"), "1\n");
        Cli r2 = run("restore", "--from", extra.toString(), "--tandem.data-dir=" + target);
        assertThat(r2.exit()).isEqualTo(2);
        assertThat(r2.out()).contains("intruder.copy").contains("not listed");
        try (Stream<Path> s = Files.list(work)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial-"));
        }
    }
}
