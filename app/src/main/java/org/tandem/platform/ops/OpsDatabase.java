package org.tandem.platform.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.db.EmbeddedDatabase;

/** The database the settings name, external or embedded, as a plain JDBC connection factory. */
final class OpsDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedDatabase embedded;

    private OpsDatabase(String url, String user, String password, EmbeddedDatabase embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** For reading (backup, verify): also while Tandem runs on the same data directory. */
    static OpsDatabase forReading(TandemSettings settings) {
        if (settings.db().external()) {
            return new OpsDatabase(settings.db().url(), settings.db().user(), settings.db().password(), null);
        }
        if (!Files.exists(settings.dataDir().resolve("postgres").resolve("PG_VERSION"))) {
            throw new Operations.Refused("There is no Tandem database in " + settings.dataDir().toAbsolutePath()
                    + " (set TANDEM_DATA_DIR or TANDEM_DB_URL)");
        }
        EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(settings.dataDir());
        return new OpsDatabase(db.jdbcUrl(), "postgres", "postgres", db);
    }

    /** For restoring: the target must be empty, so a running server there is refused. */
    static OpsDatabase forRestore(TandemSettings settings) {
        if (settings.db().external()) {
            return new OpsDatabase(settings.db().url(), settings.db().user(), settings.db().password(), null);
        }
        Path pg = settings.dataDir().resolve("postgres");
        if (Files.exists(pg.resolve("PG_VERSION"))) {
            throw new Operations.Refused("The data directory " + settings.dataDir().toAbsolutePath()
                    + " already holds a database: restore only into an empty data directory");
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(settings.dataDir(), null, false);
        return new OpsDatabase(db.jdbcUrl(), "postgres", "postgres", db);
    }

    Connection connect() throws SQLException {
        return user == null || user.isBlank() ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, user, password);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
