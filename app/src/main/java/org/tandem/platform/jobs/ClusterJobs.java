package org.tandem.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.util.ReflectionUtils;

/**
 * Collects {@link ClusterScheduled} methods and {@link BackgroundJob} beans and runs them through
 * db-scheduler, whose {@code scheduled_tasks} table (migration V21) lets exactly one node pick each
 * run. Started after every bean is ready (so a job never runs against a half-built context) and
 * stopped before the data source closes.
 */
public class ClusterJobs implements BeanPostProcessor, SmartLifecycle, BackgroundJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final Environment env;
    private final DataSource dataSource;
    private final Duration pollingInterval;
    private final List<RecurringTask<Void>> tasks = new ArrayList<>();
    private final Map<String, OneTimeTask<Void>> oneOff = new ConcurrentHashMap<>();
    private volatile Scheduler scheduler;
    private volatile SchedulerClient client;

    ClusterJobs(Environment env, DataSource dataSource, Duration pollingInterval) {
        this.env = env;
        this.dataSource = dataSource;
        this.pollingInterval = pollingInterval;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof BackgroundJob job) {
            register(job);
        }
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

    private void register(BackgroundJob job) {
        // A run that throws was not a recorded failure (the job records those itself): a shutdown, a
        // lost connection. A few more tries, then the execution is dropped rather than retried forever.
        FailureHandler<Void> retry = new FailureHandler.MaxRetriesFailureHandler<>(3,
                new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(10)));
        OneTimeTask<Void> task = Tasks.oneTime(job.kind()).onFailure(retry).onDeadExecutionRevive()
                .execute((instance, ctx) -> job.run(instance.getId()));
        if (oneOff.putIfAbsent(job.kind(), task) != null) {
            throw new IllegalStateException("two background jobs of kind " + job.kind());
        }
    }

    @Override
    public void submit(String kind, String id) {
        OneTimeTask<Void> task = oneOff.get(kind);
        if (task == null) {
            throw new IllegalArgumentException("no background job of kind " + kind);
        }
        client().schedule(task.instance(id), Instant.now());
    }

    /**
     * Its own client on a transaction-aware view of the data source: the scheduler's row is written
     * on the caller's connection, so it commits (or rolls back) with the caller's work.
     */
    private SchedulerClient client() {
        SchedulerClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    DataSource joined = new TransactionAwareDataSourceProxy(dataSource);
                    client = SchedulerClient.Builder.create(joined, new ArrayList<Task<?>>(oneOff.values()))
                            .jdbcCustomization(new AutodetectJdbcCustomization(joined, true)).build();
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    public void start() {
        if (tasks.isEmpty() && oneOff.isEmpty()) {
            return;
        }
        // Three threads: a long background run (an assignment's solver) must not hold up mail and redelivery.
        scheduler = Scheduler.create(dataSource, new ArrayList<Task<?>>(oneOff.values())).startTasks(tasks)
                .pollingInterval(pollingInterval)
                .threads(3).heartbeatInterval(Duration.ofSeconds(10)).alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(10)).build();
        scheduler.start();
        log.info("Cluster jobs {} scheduled, background jobs {} (polling every {})",
                tasks.stream().map(RecurringTask::getName).toList(), oneOff.keySet(), pollingInterval);
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
