package org.tandem.platform.workflow;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Administrators read every workflow as the services apply it: states, actions, who may act, what else must hold. */
@Controller
class WorkflowPages {

    record Step(String action, List<String> from, String to, String actor, String condition, String refusal) {
    }

    record View(String name, String title, List<String> states, List<Step> steps) {
    }

    private final Workflows workflows;
    private final MessageSource messages;

    WorkflowPages(Workflows workflows, MessageSource messages) {
        this.workflows = workflows;
        this.messages = messages;
    }

    @GetMapping("/admin/workflows")
    String workflows(Model model, Locale locale) {
        model.addAttribute("workflows", workflows.all().stream().map(w -> view(w, locale)).toList());
        return "admin/workflows";
    }

    private View view(Workflow w, Locale locale) {
        String p = "workflow." + w.name() + ".";
        List<Step> steps = w.transitions().stream().map(t -> new Step(
                text(p + "action." + t.action(), locale),
                t.from().stream().map(s -> text(p + "state." + s, locale)).toList(),
                t.to() == null ? text("workflow.unchanged", locale) : text(p + "state." + t.to(), locale),
                t.actor().role() == null ? text("workflow.scope.SYSTEM", locale)
                        : text(t.actor().role().messageKey(), locale) + " — " + text("workflow.scope." + t.actor().scope(), locale),
                t.condition() == null ? "" : text(t.condition(), locale),
                refusal(t.refusal(), locale))).toList();
        return new View(w.name(), text(p + "title", locale),
                w.states().stream().map(s -> text(p + "state." + s, locale)).toList(), steps);
    }

    /** Refusals are either API error codes (error.CODE) or field message keys. */
    private String refusal(String code, Locale locale) {
        try {
            return messages.getMessage("error." + code, null, locale);
        } catch (NoSuchMessageException e) {
            return text(code, locale);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
