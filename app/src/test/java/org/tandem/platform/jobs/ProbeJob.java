package org.tandem.platform.jobs;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.core.env.Environment;

/**
 * A job that takes a while, registered only in {@link SeveralNodesTests}' two nodes (no
 * {@code @Component}: the shared test context must not pick it up). Each run notes which node
 * ran it and when, so the test can see that no two nodes ran it at the same time.
 */
public class ProbeJob {

    record Run(String node, long startNanos, long endNanos) {
    }

    static final Queue<Run> RUNS = new ConcurrentLinkedQueue<>();
    private final String node;

    public ProbeJob(Environment env) {
        this.node = env.getProperty("probe.node", "?");
    }

    @ClusterScheduled(name = "probe", fixedDelay = "PT0.05S")
    public void run() throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(150);
        RUNS.add(new Run(node, start, System.nanoTime()));
    }
}
