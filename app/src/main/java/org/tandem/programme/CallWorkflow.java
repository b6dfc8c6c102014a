package org.tandem.programme;

import static org.tandem.platform.workflow.Workflow.from;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/** A call from its draft to its decisions; {@link CallStatus} adds the time-derived open and closed. */
@Configuration(proxyBeanMethods = false)
public class CallWorkflow {

    public static final Workflow CALL = Workflow.named("call", CallPhase.values())
            .action("edit", from(CallPhase.DRAFT), CallPhase.DRAFT, new Actor(Role.PROGRAMME_OFFICER, Scope.ANY_PARTY),
                    null, "CALL_NOT_DRAFT")
            .action("approve", from(CallPhase.DRAFT), CallPhase.PUBLISHED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.call.condition.everyParty", "CALL_NOT_DRAFT")
            .action("start-evaluation", from(CallPhase.PUBLISHED), CallPhase.UNDER_EVALUATION,
                    new Actor(Role.PROGRAMME_OFFICER, Scope.ANY_PARTY), "workflow.call.condition.closed", "CALL_NOT_CLOSED")
            .action("decide", from(CallPhase.UNDER_EVALUATION), CallPhase.DECIDED, Actor.system(),
                    "workflow.call.condition.decisionsApproved", "CALL_NOT_UNDER_EVALUATION")
            .build();

    @Bean
    Workflow callStates() {
        return CALL;
    }
}
