package org.tandem.platform.jobs;

/**
 * A kind of one-off work done in the background by the database-backed scheduler: each piece,
 * named by the id given to {@link BackgroundJobs#submit}, runs on exactly one node however many
 * nodes share the database. A node that dies mid-run stops sending heartbeats and the piece runs
 * again (on another node, or on this one after its restart); a run that throws is retried a few
 * times and then dropped. So {@link #run} must be safe to repeat, and should record its own
 * outcome (failures included) where its users can read it.
 */
public interface BackgroundJob {

    /** A stable name: the scheduler's rows are keyed by it. */
    String kind();

    /**
     * Does one piece of work. Called on a scheduler thread; an interrupt means the node is shutting
     * down, and throwing then leaves the piece to be run again.
     */
    void run(String id);
}
