package org.tandem.review;

import static org.tandem.platform.workflow.Workflow.from;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/**
 * A reviewer's assignment to one proposal for one party (proposed by the party's officer,
 * invited, accepted or declined), and the expert's review itself.
 */
@Configuration(proxyBeanMethods = false)
public class ReviewWorkflows {

    public static final String PROPOSED = "PROPOSED";
    public static final String INVITED = "INVITED";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";

    public static final Workflow ASSIGNMENT = Workflow.named("assignment", PROPOSED, INVITED, ACCEPTED, DECLINED)
            .action("run", from(PROPOSED), PROPOSED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.assignment.condition.noneInvited", "assignment.alreadyInvited")
            .action("replace", from(PROPOSED, DECLINED), PROPOSED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.assignment.condition.noConflict", "assignment.replaceInvited")
            .action("invite", from(PROPOSED), INVITED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY), null,
                    "assignment.noInvitation")
            .action("accept", from(INVITED), ACCEPTED, new Actor(Role.EXPERT, Scope.ASSIGNED_EXPERT), null,
                    "assignment.noInvitation")
            .action("decline", from(INVITED), DECLINED, new Actor(Role.EXPERT, Scope.ASSIGNED_EXPERT), null,
                    "assignment.noInvitation")
            .build();

    public static final Workflow REVIEW = Workflow.named("review", "DRAFT", "SUBMITTED")
            .action("save", from("DRAFT"), "DRAFT", new Actor(Role.EXPERT, Scope.ASSIGNED_EXPERT),
                    "workflow.review.condition.accepted", "review.alreadySubmitted")
            .action("submit", from("DRAFT"), "SUBMITTED", new Actor(Role.EXPERT, Scope.ASSIGNED_EXPERT),
                    "workflow.review.condition.complete", "review.alreadySubmitted")
            .build();

    @Bean
    Workflow assignmentStates() {
        return ASSIGNMENT;
    }

    @Bean
    Workflow assignmentRunStates() {
        return AssignmentRunWorkflow.RUNS;
    }

    @Bean
    Workflow reviewStates() {
        return REVIEW;
    }
}
