package org.tandem.platform.jobs;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Hands events whose reaction never completed (the node died, the mail relay was down, the
 * listener threw) to their listeners again. Republishing at start-up alone is not enough with
 * several nodes, where a surviving node may run for months; this job runs on one node at a time.
 * Listeners are idempotent (they claim their work in their own transaction), so a reaction that
 * was merely slow is not done twice.
 */
@Component
class EventRedelivery {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventRedelivery(IncompleteEventPublications incomplete,
                    @Value("${tandem.events.redeliver-after:PT5M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @ClusterScheduled(name = "event-redelivery", fixedDelay = "${tandem.events.redeliver-interval:PT5M}",
            initialDelay = "PT1M")
    public void redeliver() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
