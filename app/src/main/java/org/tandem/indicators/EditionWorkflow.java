package org.tandem.indicators;

import static org.tandem.platform.workflow.Workflow.from;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/**
 * An edition of an index: data imported into a draft, computed (again whenever the data or the
 * pipeline changes, which returns it to draft), then published for visitors. Publishing freezes it.
 */
@Configuration(proxyBeanMethods = false)
public class EditionWorkflow {

    public static final String DRAFT = "DRAFT";
    public static final String COMPUTED = "COMPUTED";
    public static final String PUBLISHED = "PUBLISHED";

    private static final Actor ANALYST = new Actor(Role.ANALYST, Scope.ANY_PARTY);

    public static final Workflow EDITIONS = Workflow.named("indicatorEditions", DRAFT, COMPUTED, PUBLISHED)
            .action("import", from(DRAFT, COMPUTED), DRAFT, ANALYST, "workflow.indicatorEditions.condition.dropsResults",
                    "INDICATORS_PUBLISHED")
            .action("configure", from(DRAFT, COMPUTED), DRAFT, ANALYST, "workflow.indicatorEditions.condition.dropsResults",
                    "INDICATORS_PUBLISHED")
            .action("compute", from(DRAFT, COMPUTED), COMPUTED, ANALYST, "workflow.indicatorEditions.condition.hasData",
                    "INDICATORS_PUBLISHED")
            .action("uncertainty", from(COMPUTED), null, ANALYST, null, "INDICATORS_NOT_COMPUTED")
            .action("publish", from(COMPUTED), PUBLISHED, ANALYST, null, "INDICATORS_NOT_COMPUTED")
            .build();

    @Bean
    Workflow indicatorEditionStates() {
        return EDITIONS;
    }
}
