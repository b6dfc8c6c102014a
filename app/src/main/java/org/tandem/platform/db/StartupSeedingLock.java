package org.tandem.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Two nodes starting together must not both create the demo data. Every module seeds in an
 * ApplicationRunner that first checks whether its data is there; this lock, a PostgreSQL
 * session-level advisory lock taken before the first runner and released after the last, makes
 * the second node wait until the first has finished, and then find everything in place.
 * (Flyway takes its own advisory lock for migrations.)
 */
@Configuration(proxyBeanMethods = false)
class StartupSeedingLock {

    /** An arbitrary constant, the same on every node: "tandem" in ASCII. */
    static final long KEY = 0x74616e64656dL;
    private static final Logger log = LoggerFactory.getLogger(StartupSeedingLock.class);

    static final class Holder implements DisposableBean {
        private Connection connection;

        synchronized void acquire(DataSource dataSource) throws SQLException {
            connection = dataSource.getConnection();
            try (var s = connection.createStatement()) {
                s.execute("select pg_advisory_lock(" + KEY + ")");
            }
        }

        synchronized void release() throws SQLException {
            if (connection != null) {
                try (var s = connection.createStatement()) {
                    s.execute("select pg_advisory_unlock(" + KEY + ")");
                } finally {
                    connection.close();
                    connection = null;
                }
            }
        }

        @Override
        public void destroy() throws SQLException {
            release(); // a runner failed: closing the connection frees the lock anyway
        }
    }

    @Bean
    Holder startupSeedingHolder() {
        return new Holder();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner startupSeedingAcquire(Holder holder, DataSource dataSource) {
        return (ApplicationArguments args) -> {
            holder.acquire(dataSource);
            log.debug("Holding the start-up seeding lock");
        };
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ApplicationRunner startupSeedingRelease(Holder holder) {
        return (ApplicationArguments args) -> holder.release();
    }
}
