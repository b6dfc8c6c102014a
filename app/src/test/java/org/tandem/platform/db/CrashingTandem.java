package org.tandem.platform.db;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseTests}: starts the embedded database on the given
 * data directory, commits one row, says READY and waits to be killed.
 */
public final class CrashingTandem {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), null, false);
        try (var c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres"); var s = c.createStatement()) {
            s.execute("create table if not exists receipt (id text primary key)");
            s.execute("insert into receipt values ('" + args[1] + "')");
        }
        System.out.println("READY " + db.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
