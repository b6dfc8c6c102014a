package org.tandem.selection;

import static org.tandem.platform.workflow.Workflow.from;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/**
 * A call's decision set: proposed from the funding line by an officer, approved by each party's
 * officer, final when every party approved the same set. Proposing again drops the approvals.
 */
@Configuration(proxyBeanMethods = false)
public class DecisionWorkflow {

    public static final String PROPOSED = "PROPOSED";
    public static final String PARTLY_APPROVED = "PARTLY_APPROVED";
    public static final String FINAL = "FINAL";

    public static final Workflow DECISIONS = Workflow.named("decisions", PROPOSED, PARTLY_APPROVED, FINAL)
            .action("propose", from(PROPOSED, PARTLY_APPROVED), PROPOSED, new Actor(Role.PROGRAMME_OFFICER, Scope.ANY_PARTY),
                    "workflow.decisions.condition.dropsApprovals", "selection.alreadyDecided")
            .action("approve", from(PROPOSED, PARTLY_APPROVED), PARTLY_APPROVED,
                    new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY), "workflow.decisions.condition.sameSet",
                    "selection.alreadyDecided")
            .action("finalise", from(PARTLY_APPROVED), FINAL, Actor.system(), "workflow.decisions.condition.everyParty",
                    "selection.alreadyDecided")
            .build();

    @Bean
    Workflow decisionStates() {
        return DECISIONS;
    }
}
