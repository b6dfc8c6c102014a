package org.tandem.proposal;

import static org.tandem.platform.workflow.Workflow.from;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/** A joint proposal: written by its teams, submitted (again and again until the deadline) or withdrawn. */
@Configuration(proxyBeanMethods = false)
public class ProposalWorkflow {

    public static final Workflow PROPOSAL = Workflow.named("proposal", ProposalStatus.values())
            .action("edit", from(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED), null,
                    new Actor(Role.APPLICANT, Scope.TEAM), "workflow.proposal.condition.beforeDeadline", "PROPOSAL_WITHDRAWN")
            .action("submit", from(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED), ProposalStatus.SUBMITTED,
                    new Actor(Role.APPLICANT, Scope.TEAM), "workflow.proposal.condition.openAndEligible", "PROPOSAL_WITHDRAWN")
            .action("withdraw", from(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED), ProposalStatus.WITHDRAWN,
                    new Actor(Role.APPLICANT, Scope.TEAM), "workflow.proposal.condition.beforeDeadline", "PROPOSAL_WITHDRAWN")
            .build();

    @Bean
    Workflow proposalStates() {
        return PROPOSAL;
    }
}
