package org.tandem.project;

import static org.tandem.platform.workflow.Workflow.from;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/**
 * A joint project from the award to its end, and each party's reports. A project runs only
 * when every party has signed its own contract; it is completed when every party accepted the
 * final report of its team and then the project itself, through its acceptance council
 * ({@link AcceptanceWorkflow}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectWorkflow {

    public static final String AWARDED = "AWARDED";
    public static final String CONTRACTING = "CONTRACTING";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String TERMINATED = "TERMINATED";

    public static final Workflow PROJECT = Workflow.named("project", AWARDED, CONTRACTING, RUNNING, COMPLETED, TERMINATED)
            .action("sign", from(AWARDED, CONTRACTING), CONTRACTING, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    null, "PROJECT_ALREADY_STARTED")
            .action("start", from(CONTRACTING), RUNNING, Actor.system(), "workflow.project.condition.everyContract",
                    "PROJECT_ALREADY_STARTED")
            .action("pay", from(RUNNING, COMPLETED), null, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.project.condition.ownContract", "PROJECT_NO_CONTRACT")
            .action("report", from(RUNNING), null, new Actor(Role.PROJECT_LEAD, Scope.TEAM), null, "PROJECT_NOT_RUNNING")
            .action("addOutput", from(RUNNING, COMPLETED), null, new Actor(Role.PROJECT_LEAD, Scope.TEAM), null,
                    "PROJECT_NOT_RUNNING")
            .action("formCouncil", from(RUNNING), null, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.project.condition.ownFinalReport", "PROJECT_NOT_RUNNING")
            .action("complete", from(RUNNING), COMPLETED, Actor.system(), "workflow.project.condition.everyAcceptance",
                    "PROJECT_NOT_RUNNING")
            .action("requestChange", from(AWARDED, CONTRACTING, RUNNING), null, new Actor(Role.PROJECT_LEAD, Scope.TEAM),
                    "workflow.project.condition.changeRaisedBy", "PROJECT_ENDED")
            .action("terminate", from(AWARDED, CONTRACTING, RUNNING), TERMINATED,
                    new Actor(Role.PROGRAMME_OFFICER, Scope.ANY_PARTY), "workflow.project.condition.everyParty",
                    "PROJECT_ENDED")
            .build();

    public static final String SUBMITTED = "SUBMITTED";
    public static final String RETURNED = "RETURNED";
    public static final String ACCEPTED = "ACCEPTED";

    public static final Workflow REPORT = Workflow.named("projectReport", SUBMITTED, RETURNED, ACCEPTED)
            .action("resubmit", from(RETURNED), SUBMITTED, new Actor(Role.PROJECT_LEAD, Scope.TEAM), null,
                    "REPORT_NOT_RETURNED")
            .action("accept", from(SUBMITTED), ACCEPTED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY), null,
                    "REPORT_NOT_SUBMITTED")
            .action("return", from(SUBMITTED), RETURNED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.projectReport.condition.comment", "REPORT_NOT_SUBMITTED")
            .build();

    public static final String PROPOSED = "PROPOSED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    /** A change request: each party's officer approves for their own party; the last approval applies it. */
    public static final Workflow CHANGE = Workflow.named("projectChange", PROPOSED, APPROVED, REJECTED, WITHDRAWN)
            .action("approve", from(PROPOSED), null, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.projectChange.condition.ownParty", "CHANGE_NOT_PROPOSED")
            .action("apply", from(PROPOSED), APPROVED, Actor.system(), "workflow.projectChange.condition.everyParty",
                    "CHANGE_NOT_PROPOSED")
            .action("reject", from(PROPOSED), REJECTED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.projectChange.condition.comment", "CHANGE_NOT_PROPOSED")
            .action("withdraw", from(PROPOSED), WITHDRAWN, new Actor(Role.PROJECT_LEAD, Scope.OWNER),
                    "workflow.projectChange.condition.raiser", "CHANGE_NOT_PROPOSED")
            .build();

    @Bean
    Workflow projectChangeStates() {
        return CHANGE;
    }

    @Bean
    Workflow projectStates() {
        return PROJECT;
    }

    @Bean
    Workflow projectReportStates() {
        return REPORT;
    }
}
