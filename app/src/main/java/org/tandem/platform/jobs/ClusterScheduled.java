package org.tandem.platform.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public no-argument method run repeatedly by the database-backed scheduler: each run happens
 * on exactly one node however many nodes share the database (unlike Spring's {@code @Scheduled},
 * which runs on every node). A node that dies mid-run loses its heartbeat and another node runs
 * the job again, so a job must be safe to repeat.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ClusterScheduled {

    /** A stable name: the scheduler's row is keyed by it. */
    String name();

    /** Pause between the end of one run and the start of the next, ISO-8601 ({@code PT5S}); placeholders allowed. */
    String fixedDelay();

    /** Pause before the first run after the job is first registered; placeholders allowed. */
    String initialDelay() default "PT0S";
}
