package org.tandem.review;

import static org.tandem.platform.workflow.Workflow.from;

import java.util.List;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/** A background assignment run: queued, picked up by a node, and ended one way or another. */
final class AssignmentRunWorkflow {

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    /** The states a run of the call is under way in; the unique index of migration V64 names the same. */
    static final List<String> ACTIVE = List.of(QUEUED, RUNNING);

    static final Workflow RUNS = Workflow.named("assignmentRun", QUEUED, RUNNING, DONE, FAILED, CANCELLED)
            .action("start", from(QUEUED, RUNNING), RUNNING, Actor.system(), "workflow.assignmentRun.condition.attempts",
                    "ASSIGNMENT_RUN_FINISHED")
            .action("finish", from(RUNNING), DONE, Actor.system(), "workflow.assignmentRun.condition.noneInvited",
                    "ASSIGNMENT_RUN_FINISHED")
            .action("fail", from(QUEUED, RUNNING), FAILED, Actor.system(), null, "ASSIGNMENT_RUN_FINISHED")
            .action("cancel", from(QUEUED, RUNNING), CANCELLED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.assignmentRun.condition.stops", "ASSIGNMENT_RUN_FINISHED")
            .build();

    private AssignmentRunWorkflow() {
    }

    static boolean active(String status) {
        return ACTIVE.contains(status);
    }
}
