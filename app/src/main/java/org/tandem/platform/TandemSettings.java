package org.tandem.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings read from {@code tandem.*} properties or the matching environment variables
 * ({@code TANDEM_DATA_DIR}, {@code TANDEM_DB_URL}, {@code TANDEM_DB_USER}, {@code TANDEM_DB_PASSWORD},
 * {@code TANDEM_DEMO}).
 */
@ConfigurationProperties("tandem")
public record TandemSettings(Path dataDir, Db db, Boolean demo) {

    public TandemSettings {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (db == null) {
            db = new Db(null, null, null, null, false);
        }
    }

    /** Demo data is on by default with the embedded database and off with an external one. */
    public boolean demoEnabled() {
        return demo != null ? demo : !db.external();
    }

    /**
     * @param embeddedPort fixed port for the embedded server; null picks a free one
     * @param embeddedClean start from an empty embedded database (tests only)
     */
    public record Db(String url, String user, String password, Integer embeddedPort, boolean embeddedClean) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }
}
