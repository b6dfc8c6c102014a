package org.tandem.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings read from {@code tandem.*} properties or the matching environment variables
 * ({@code TANDEM_DATA_DIR}, {@code TANDEM_DB_URL}, {@code TANDEM_DB_USER}, {@code TANDEM_DB_PASSWORD},
 * {@code TANDEM_DEMO}).
 */
@ConfigurationProperties("tandem")
public record TandemSettings(Path dataDir, Db db, Boolean demo, Files files, String baseUrl) {

    public TandemSettings {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (db == null) {
            db = new Db(null, null, null, null, false);
        }
        if (files == null) {
            files = new Files(null);
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

    /** Where uploaded files live: the data directory unless an S3 bucket is named. */
    public record Files(S3 s3) {
        public boolean onS3() {
            return s3 != null && s3.bucket() != null && !s3.bucket().isBlank();
        }
    }

    /**
     * An S3-compatible object store ({@code TANDEM_FILES_S3_BUCKET}, {@code _ENDPOINT}, {@code _REGION},
     * {@code _ACCESS_KEY}, {@code _SECRET_KEY}, {@code _PREFIX}, {@code _PATH_STYLE}).
     *
     * @param endpoint empty for AWS itself, otherwise the service's URL (MinIO, Ceph, Garage, a cloud's S3 API)
     * @param accessKey empty to use the SDK's default credentials chain (instance role, environment)
     * @param prefix a key prefix, so one bucket can hold several installations
     * @param pathStyle bucket in the path rather than the host name, as most self-hosted services need
     */
    public record S3(String bucket, String endpoint, String region, String accessKey, String secretKey,
                     String prefix, Boolean pathStyle) {
    }
}
