package org.tandem.project;

import static org.tandem.platform.workflow.Workflow.from;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/**
 * One party's acceptance council (nghiệm thu, DOMAIN §2): formed by the party's officer once
 * its team's final report (the self-evaluation) is accepted, graded member by member, and
 * concluded by the grading rule ({@link AcceptanceRule}) — accepted when the result is
 * Satisfactory, not accepted otherwise. A council that did not accept leaves room for a new one.
 */
@Configuration(proxyBeanMethods = false)
public class AcceptanceWorkflow {

    public static final String GRADING = "GRADING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String NOT_ACCEPTED = "NOT_ACCEPTED";

    public static final Workflow ACCEPTANCE = Workflow.named("projectAcceptance", GRADING, ACCEPTED, NOT_ACCEPTED)
            .action("grade", from(GRADING), null, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY), null,
                    "ACCEPTANCE_CONCLUDED")
            .action("accept", from(GRADING), ACCEPTED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.projectAcceptance.condition.satisfactory", "ACCEPTANCE_CONCLUDED")
            .action("reject", from(GRADING), NOT_ACCEPTED, new Actor(Role.PROGRAMME_OFFICER, Scope.OWN_PARTY),
                    "workflow.projectAcceptance.condition.unsatisfactory", "ACCEPTANCE_CONCLUDED")
            .build();

    @Bean
    Workflow projectAcceptanceStates() {
        return ACCEPTANCE;
    }
}
