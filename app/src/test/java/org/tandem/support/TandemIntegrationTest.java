package org.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port against a real (embedded) PostgreSQL that starts
 * empty, with the demo data. Every test class uses the same settings so Spring caches one
 * context and one database for the whole run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tandem.data-dir=target/test-data",
        "tandem.db.embedded-clean=true",
        "tandem.demo=true",
        "logging.level.root=WARN",
        "logging.level.org.tandem=INFO",
        "logging.level.org.tandem.platform.mail=ERROR",
        "spring.mail.host=localhost",
        "spring.mail.port=3025",
        "tandem.mail.interval=PT1S",
        "tandem.jobs.polling-interval=PT0.5S"})
public @interface TandemIntegrationTest {
}
