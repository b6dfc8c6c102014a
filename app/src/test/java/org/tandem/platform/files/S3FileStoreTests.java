package org.tandem.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.platform.TandemSettings;

/** The S3 file store against S3Mock, a real S3 server, started inside this JVM. */
class S3FileStoreTests {

    static S3MockApplication s3;

    @BeforeAll
    @SuppressWarnings("deprecation")
    static void startS3() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "s3mock-");
        // S3Mock is a Spring Boot application: it must not pick up Tandem's database and security set-up,
        // which sit on the same class path. Command-line arguments beat Tandem's application.properties.
        String exclude = String.join(",", List.of(
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
                "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
                "org.springframework.modulith.events.config.EventPublicationAutoConfiguration"));
        s3 = S3MockApplication.start(new java.util.HashMap<>(), "--server.port=0", "--http.port=0",
                "--com.adobe.testing.s3mock.store.initialBuckets=tandem",
                "--com.adobe.testing.s3mock.store.root=" + root, "--spring.autoconfigure.exclude=" + exclude,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--spring.jmx.enabled=false",
                // S3Mock's own application.properties is shadowed by Tandem's: its required values again.
                "--spring.config.name=s3mock-only-arguments", "--com.adobe.testing.s3mock.store.region=us-east-1",
                "--com.adobe.testing.s3mock.max-payload-size=10MB", "--com.adobe.testing.s3mock.httpPort=0",
                "--com.adobe.testing.s3mock.vectors.httpPort=0", "--com.adobe.testing.s3mock.vectors.httpsPort=0",
                "--server.tomcat.max-part-count=-1", "--server.tomcat.max-swallow-size=10MB",
                "--spring.servlet.multipart.max-file-size=10MB", "--spring.servlet.multipart.max-request-size=10MB");
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.stop();
        }
    }

    private static FileStore store(String prefix) {
        TandemSettings settings = new TandemSettings(Path.of("target/unused"), null, null,
                new TandemSettings.Files(new TandemSettings.S3("tandem", "http://localhost:" + s3.getHttpPort(),
                        "us-east-1", "any", "any", prefix, true)), null);
        return FileStores.fromSettings(settings);
    }

    @Test
    void theSettingsChooseS3AndTheStoreKeepsFilesWhole() throws Exception {
        FileStore store = store("installation-a");
        assertThat(store).isInstanceOf(S3FileStore.class);
        byte[] pdf = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(pdf);
        String key = store.put(pdf);
        assertThat(FileStore.isKey(key)).isTrue();
        try (InputStream in = store.get(key)) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        store.restore("00000000-0000-4000-8000-000000000001", new ByteArrayInputStream("restored".getBytes(StandardCharsets.UTF_8)));
        try (Stream<String> keys = store.keys()) {
            assertThat(keys.toList()).containsExactlyInAnyOrder(key, "00000000-0000-4000-8000-000000000001");
        }
        // Another prefix in the same bucket is another installation: it sees none of these.
        try (Stream<String> keys = store("installation-b").keys()) {
            assertThat(keys.toList()).isEmpty();
        }
        store.delete(key);
        assertThatThrownBy(() -> store.get(key).readAllBytes()).isInstanceOf(java.io.UncheckedIOException.class);
        try (Stream<String> keys = store.keys()) {
            assertThat(keys.toList()).containsExactly("00000000-0000-4000-8000-000000000001");
        }
        assertThatThrownBy(() -> store.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutABucketTheDataDirectoryIsTheStore() {
        TandemSettings settings = new TandemSettings(Path.of("target/local-files"), null, null, null, null);
        assertThat(FileStores.fromSettings(settings)).isInstanceOf(LocalFileStore.class);
    }
}
