package org.tandem.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ReflectionUtils;

/**
 * Collects {@link ClusterScheduled} methods and runs them through db-scheduler, whose
 * {@code scheduled_tasks} table (migration V21) lets exactly one node pick each run. Started
 * after every bean is ready (so a job never runs against a half-built context) and stopped
 * before the data source closes.
 */
public class ClusterJobs implements BeanPostProcessor, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final Environment env;
    private final DataSource dataSource;
    private final Duration pollingInterval;
    private final List<RecurringTask<Void>> tasks = new ArrayList<>();
    private volatile Scheduler scheduler;

    ClusterJobs(Environment env, DataSource dataSource, Duration pollingInterval) {
        this.env = env;
        this.dataSource = dataSource;
        this.pollingInterval = pollingInterval;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        ReflectionUtils.doWithMethods(type, m -> register(bean, m, AnnotationUtils.findAnnotation(m, ClusterScheduled.class)),
                m -> AnnotationUtils.findAnnotation(m, ClusterScheduled.class) != null);
        return bean;
    }

    private void register(Object bean, Method method, ClusterScheduled job) {
        if (method.getParameterCount() != 0) {
            throw new IllegalStateException("@ClusterScheduled method " + method + " must take no arguments");
        }
        Duration delay = Duration.parse(env.resolveRequiredPlaceholders(job.fixedDelay()));
        Duration initial = Duration.parse(env.resolveRequiredPlaceholders(job.initialDelay()));
        // Called on the bean as Spring hands it out (the proxy), so @Transactional on the job applies.
        Method target = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(target);
        tasks.add(Tasks.recurring(job.name(), new FixedDelayAfterStart(delay, initial)).execute((instance, ctx) -> {
            try {
                target.invoke(bean);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Override
    public void start() {
        if (tasks.isEmpty()) {
            return;
        }
        scheduler = Scheduler.create(dataSource).startTasks(tasks).pollingInterval(pollingInterval)
                .threads(2).heartbeatInterval(Duration.ofSeconds(10)).alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(10)).build();
        scheduler.start();
        log.info("Cluster jobs {} scheduled (polling every {})", tasks.stream().map(RecurringTask::getName).toList(),
                pollingInterval);
    }

    @Override
    public void stop() {
        Scheduler s = scheduler;
        scheduler = null;
        if (s != null) {
            s.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Before the web server stops taking requests is fine; what matters is before the pool closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** A fixed pause after each run; the first run waits {@code initial} after the job's registration. */
    static final class FixedDelayAfterStart implements Schedule {
        private final Duration delay;
        private final Duration initial;

        FixedDelayAfterStart(Duration delay, Duration initial) {
            this.delay = delay;
            this.initial = initial;
        }

        @Override
        public Instant getNextExecutionTime(ExecutionComplete done) {
            return done.getTimeDone().plus(delay);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(initial);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
