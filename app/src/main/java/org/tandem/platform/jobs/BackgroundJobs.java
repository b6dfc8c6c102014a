package org.tandem.platform.jobs;

/** Hands one piece of work to a {@link BackgroundJob} of the given kind. */
public interface BackgroundJobs {

    /**
     * Schedules {@code id} for the job of {@code kind}, to start as soon as a node is free. Inside a
     * transaction the scheduling is part of it: rolled back with it, and not visible to any node
     * before the commit, so the job always finds what the transaction wrote for it.
     */
    void submit(String kind, String id);
}
