package org.tandem.innovation;

import static org.tandem.platform.workflow.Workflow.from;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.Role;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflow.Actor;
import org.tandem.platform.workflow.Workflow.Scope;

/**
 * The three lifecycles of the Innovation Centre as data: a profile (written by its owner, reviewed
 * and published by the Centre, then expiring unless renewed) and a deal (an expression of
 * interest the owner accepts, then contact, NDA, negotiation and an agreement or a close) and a
 * start-up going through an incubation cohort.
 */
@Configuration(proxyBeanMethods = false)
public class InnovationWorkflows {

    public static final String PROPOSED = "PROPOSED";
    public static final String DRAFT = "DRAFT";
    public static final String IN_REVIEW = "IN_REVIEW";
    public static final String RETURNED = "RETURNED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String EXPIRED = "EXPIRED";
    public static final String WITHDRAWN = "WITHDRAWN";

    private static final Actor OWNER = new Actor(Role.VISITOR, Scope.OWNER);
    private static final Actor STAFF = new Actor(Role.INNOVATION_STAFF, Scope.ANY_PARTY);

    /**
     * A profile begins as the Centre's proposal when staff draft it from a project's output (its
     * owner, the project lead, confirms or declines it) or directly as the owner's draft.
     */
    public static final Workflow PROFILE = Workflow.named("innovationProfile", PROPOSED, DRAFT, IN_REVIEW, RETURNED,
                    PUBLISHED, EXPIRED, WITHDRAWN)
            .action("confirm", from(PROPOSED), DRAFT, OWNER, "workflow.innovationProfile.condition.lead",
                    "INNOVATION_NOT_PROPOSED")
            .action("edit", from(PROPOSED, DRAFT, RETURNED), null, OWNER, null, "INNOVATION_NOT_EDITABLE")
            .action("submit", from(DRAFT, RETURNED), IN_REVIEW, OWNER, "workflow.innovationProfile.condition.valid",
                    "INNOVATION_NOT_EDITABLE")
            .action("return", from(IN_REVIEW), RETURNED, STAFF, "workflow.innovationProfile.condition.comment",
                    "INNOVATION_NOT_IN_REVIEW")
            .action("publish", from(IN_REVIEW), PUBLISHED, STAFF, null, "INNOVATION_NOT_IN_REVIEW")
            .action("expire", from(PUBLISHED), EXPIRED, Actor.system(), "workflow.innovationProfile.condition.expiry",
                    "INNOVATION_NOT_PUBLISHED")
            .action("renew", from(PUBLISHED, EXPIRED), PUBLISHED, OWNER, "workflow.innovationProfile.condition.newExpiry",
                    "INNOVATION_NOT_PUBLISHED")
            .action("withdraw", from(PROPOSED, DRAFT, IN_REVIEW, RETURNED, PUBLISHED, EXPIRED), WITHDRAWN, OWNER, null,
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

    public static final String APPLIED = "APPLIED";
    public static final String PANEL = "PANEL";
    public static final String PRE_INCUBATION = "PRE_INCUBATION";
    public static final String INCUBATION = "INCUBATION";
    public static final String GRADUATED = "GRADUATED";
    public static final String EXITED = "EXITED";
    public static final String NOT_SELECTED = "NOT_SELECTED";

    private static final Actor FOUNDER = new Actor(Role.VISITOR, Scope.OWNER);

    /**
     * A start-up in an incubation cohort: its application goes to the selection panel, whose
     * scores decide pre-incubation; then incubation, and graduation or exit. A graduate reports
     * its results every year for five years.
     */
    public static final Workflow STARTUP = Workflow.named("innovationStartup", APPLIED, PANEL, PRE_INCUBATION, INCUBATION,
                    GRADUATED, EXITED, NOT_SELECTED)
            .action("toPanel", from(APPLIED), PANEL, STAFF, null, "INNOVATION_STARTUP_STAGE")
            .action("score", from(PANEL), null, STAFF, null, "INNOVATION_STARTUP_STAGE")
            .action("select", from(PANEL), PRE_INCUBATION, STAFF, "workflow.innovationStartup.condition.scored",
                    "INNOVATION_STARTUP_STAGE")
            .action("decline", from(PANEL), NOT_SELECTED, STAFF, "workflow.innovationStartup.condition.scored",
                    "INNOVATION_STARTUP_STAGE")
            .action("incubate", from(PRE_INCUBATION), INCUBATION, STAFF, null, "INNOVATION_STARTUP_STAGE")
            .action("graduate", from(INCUBATION), GRADUATED, STAFF, null, "INNOVATION_STARTUP_STAGE")
            .action("exit", from(PRE_INCUBATION, INCUBATION), EXITED, STAFF, null, "INNOVATION_STARTUP_STAGE")
            .action("report", from(GRADUATED), null, FOUNDER, "workflow.innovationStartup.condition.fiveYears",
                    "INNOVATION_STARTUP_NOT_GRADUATED")
            .build();

    /** The stages in pipeline order, for the staff's board. */
    public static final java.util.List<String> PIPELINE = DEAL.states();

    @Bean
    Workflow innovationProfileStates() {
        return PROFILE;
    }

    @Bean
    Workflow innovationStartupStates() {
        return STARTUP;
    }

    @Bean
    Workflow innovationDealStates() {
        return DEAL;
    }
}
