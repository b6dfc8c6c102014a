package org.tandem.innovation;

import static org.tandem.platform.workflow.Workflow.from;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/**
 * The two lifecycles of the Innovation Centre as data: a profile (written by its owner, reviewed
 * and published by the Centre, then expiring unless renewed) and a deal (an expression of
 * interest the owner accepts, then contact, NDA, negotiation and an agreement or a close).
 */
@Configuration(proxyBeanMethods = false)
public class InnovationWorkflows {

    public static final String DRAFT = "DRAFT";
    public static final String IN_REVIEW = "IN_REVIEW";
    public static final String RETURNED = "RETURNED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String EXPIRED = "EXPIRED";
    public static final String WITHDRAWN = "WITHDRAWN";

    private static final Actor OWNER = new Actor(Role.VISITOR, Scope.OWNER);
    private static final Actor STAFF = new Actor(Role.INNOVATION_STAFF, Scope.ANY_PARTY);

    public static final Workflow PROFILE = Workflow.named("innovationProfile", DRAFT, IN_REVIEW, RETURNED, PUBLISHED,
                    EXPIRED, WITHDRAWN)
            .action("edit", from(DRAFT, RETURNED), null, OWNER, null, "INNOVATION_NOT_EDITABLE")
            .action("submit", from(DRAFT, RETURNED), IN_REVIEW, OWNER, "workflow.innovationProfile.condition.valid",
                    "INNOVATION_NOT_EDITABLE")
            .action("return", from(IN_REVIEW), RETURNED, STAFF, "workflow.innovationProfile.condition.comment",
                    "INNOVATION_NOT_IN_REVIEW")
            .action("publish", from(IN_REVIEW), PUBLISHED, STAFF, null, "INNOVATION_NOT_IN_REVIEW")
            .action("expire", from(PUBLISHED), EXPIRED, Actor.system(), "workflow.innovationProfile.condition.expiry",
                    "INNOVATION_NOT_PUBLISHED")
            .action("renew", from(PUBLISHED, EXPIRED), PUBLISHED, OWNER, "workflow.innovationProfile.condition.newExpiry",
                    "INNOVATION_NOT_PUBLISHED")
            .action("withdraw", from(DRAFT, IN_REVIEW, RETURNED, PUBLISHED, EXPIRED), WITHDRAWN, OWNER, null,
                    "INNOVATION_WITHDRAWN")
            .build();

    public static final String INTEREST = "INTEREST";
    public static final String CONTACT = "CONTACT";
    public static final String NDA = "NDA";
    public static final String NEGOTIATION = "NEGOTIATION";
    public static final String AGREEMENT = "AGREEMENT";
    public static final String CLOSED = "CLOSED";

    public static final Workflow DEAL = Workflow.named("innovationDeal", INTEREST, CONTACT, NDA, NEGOTIATION, AGREEMENT,
                    CLOSED)
            .action("accept", from(INTEREST), CONTACT, OWNER, "workflow.innovationDeal.condition.reveals",
                    "INNOVATION_DEAL_STAGE")
            .action("nda", from(CONTACT), NDA, STAFF, null, "INNOVATION_DEAL_STAGE")
            .action("negotiate", from(CONTACT, NDA), NEGOTIATION, STAFF, null, "INNOVATION_DEAL_STAGE")
            .action("agree", from(NEGOTIATION), AGREEMENT, STAFF, "workflow.innovationDeal.condition.agreement",
                    "INNOVATION_DEAL_STAGE")
            .action("close", from(INTEREST, CONTACT, NDA, NEGOTIATION), CLOSED, STAFF, null, "INNOVATION_DEAL_STAGE")
            .build();

    /** The stages in pipeline order, for the staff's board. */
    public static final java.util.List<String> PIPELINE = DEAL.states();

    @Bean
    Workflow innovationProfileStates() {
        return PROFILE;
    }

    @Bean
    Workflow innovationDealStates() {
        return DEAL;
    }
}
