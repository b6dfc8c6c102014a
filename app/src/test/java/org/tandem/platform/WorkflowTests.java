package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.workflow.Workflow;
import org.tandem.platform.workflow.Workflows;
import org.tandem.programme.CallPhase;
import org.tandem.programme.CallWorkflow;
import org.tandem.proposal.ProposalStatus;
import org.tandem.proposal.ProposalWorkflow;
import org.tandem.selection.DecisionWorkflow;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** The workflow definitions: complete, consistent with the stored states, readable in three languages, enforced. */
@TandemIntegrationTest
class WorkflowTests {

    @LocalServerPort int port;
    @Autowired Workflows workflows;
    @Autowired MessageSource messages;

    @Test
    void everyModuleWorkflowIsRegisteredAndEveryStateIsReachable() {
        assertThat(workflows.all()).extracting(Workflow::name)
                .containsExactly("assignment", "assignmentRun", "call", "decisions", "indicatorEditions", "innovationDeal",
                        "innovationProfile", "innovationStartup", "project", "projectAcceptance", "projectChange",
                        "projectReport", "proposal", "review");
        for (Workflow w : workflows.all()) {
            Set<String> reached = new HashSet<>(Set.of(w.initial()));
            var todo = new ArrayDeque<>(reached);
            while (!todo.isEmpty()) {
                String state = todo.pop();
                for (var t : w.actionsFrom(state)) {
                    String to = t.to() == null ? state : t.to();
                    if (reached.add(to)) {
                        todo.push(to);
                    }
                }
            }
            assertThat(reached).as(w.name()).containsExactlyInAnyOrderElementsOf(w.states());
        }
        assertThat(CallWorkflow.CALL.states()).containsExactlyElementsOf(
                Arrays.stream(CallPhase.values()).map(Enum::name).toList());
        assertThat(ProposalWorkflow.PROPOSAL.states()).containsExactlyElementsOf(
                Arrays.stream(ProposalStatus.values()).map(Enum::name).toList());
    }

    @Test
    void aTransitionTheDefinitionDoesNotAllowIsRefusedWithItsCode() {
        assertThat(ProposalWorkflow.PROPOSAL.require(ProposalStatus.DRAFT, "submit")).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(ProposalWorkflow.PROPOSAL.require(ProposalStatus.SUBMITTED, "edit")).isEqualTo(ProposalStatus.SUBMITTED);
        assertThatThrownBy(() -> ProposalWorkflow.PROPOSAL.require(ProposalStatus.WITHDRAWN, "submit"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("PROPOSAL_WITHDRAWN"));
        assertThatThrownBy(() -> CallWorkflow.CALL.require(CallPhase.PUBLISHED, "decide"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains("CALL_NOT_UNDER_EVALUATION"));
        assertThat(DecisionWorkflow.DECISIONS.allows(DecisionWorkflow.FINAL, "approve")).isFalse();
        assertThatThrownBy(() -> Workflow.named("broken", "A", "B")
                .action("go", Workflow.from("A"), "C", Workflow.Actor.system(), null, "X").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyStateActionAndConditionHasWordsInEachLanguage() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("vi"), Locale.forLanguageTag("ru")}) {
            for (Workflow w : workflows.all()) {
                String p = "workflow." + w.name() + ".";
                assertThat(messages.getMessage(p + "title", null, null, locale)).as(p + "title").isNotNull();
                w.states().forEach(s -> assertThat(messages.getMessage(p + "state." + s, null, null, locale))
                        .as(locale + " " + p + "state." + s).isNotNull());
                w.transitions().forEach(t -> {
                    assertThat(messages.getMessage(p + "action." + t.action(), null, null, locale))
                            .as(locale + " " + p + "action." + t.action()).isNotNull();
                    if (t.condition() != null) {
                        assertThat(messages.getMessage(t.condition(), null, null, locale)).as(t.condition()).isNotNull();
                    }
                });
            }
        }
    }

    @Test
    void administratorsReadTheWorkflowsOthersDoNot() {
        var admin = new WebSession(port).signIn("admin", "demo");
        String ru = admin.get("/admin/workflows?lang=ru", "ru").body();
        assertThat(ru).contains("Утверждение решений").contains("Совместная заявка").contains("Окончательные")
                .doesNotContain("workflow.");
        assertThat(new WebSession(port).signIn("officer.vn", "demo").get("/admin/workflows").status()).isEqualTo(403);
    }
}
