package org.tandem.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
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
    private static final String DATABASE = EmbeddedDatabase.DATABASE;

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
        private final EmbeddedDatabase database;

        private EmbeddedServer(EmbeddedDatabase database) {
            this.database = database;
        }

        static EmbeddedServer none() {
            return new EmbeddedServer(null);
        }

        static EmbeddedServer start(TandemSettings settings) {
            return new EmbeddedServer(EmbeddedDatabase.start(settings.dataDir(), settings.db().embeddedPort(),
                    settings.db().embeddedClean()));
        }

        String jdbcUrl(String database) {
            return this.database.jdbcUrl(database);
        }

        @Override
        public void close() throws IOException {
            if (database != null) {
                database.close();
            }
        }
    }
}
