package org.tandem.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.TandemSettings;

/**
 * PostgreSQL always: an external server when {@code TANDEM_DB_URL} is set, otherwise one that
 * Tandem starts itself from the zonky binaries, with its data under the data directory so it
 * survives restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);
    private static final String DATABASE = "tandem";

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(TandemSettings settings) {
        return settings.db().external() ? EmbeddedServer.none() : EmbeddedServer.start(settings);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(TandemSettings settings, EmbeddedServer server) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tandem");
        if (settings.db().external()) {
            config.setJdbcUrl(settings.db().url());
            config.setUsername(settings.db().user());
            config.setPassword(settings.db().password());
            log.info("Using external PostgreSQL at {}", settings.db().url());
        } else {
            config.setJdbcUrl(server.jdbcUrl(DATABASE));
            config.setUsername("postgres");
            config.setPassword("postgres");
        }
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    /** The embedded server, or nothing when an external database is configured. */
    static final class EmbeddedServer implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        private EmbeddedServer(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedServer none() {
            return new EmbeddedServer(null);
        }

        static EmbeddedServer start(TandemSettings settings) {
            Path dir = settings.dataDir().resolve("postgres").toAbsolutePath();
            try {
                Files.createDirectories(dir.getParent());
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir.toFile())
                        .setCleanDataDirectory(settings.db().embeddedClean())
                        .setServerConfig("timezone", "UTC");
                if (settings.db().embeddedPort() != null) {
                    builder.setPort(settings.db().embeddedPort());
                }
                EmbeddedPostgres pg = builder.start();
                createDatabaseIfMissing(pg.getPostgresDatabase());
                log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
                return new EmbeddedServer(pg);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
            }
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

        String jdbcUrl(String database) {
            return postgres.getJdbcUrl("postgres", database);
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
