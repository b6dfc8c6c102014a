package org.tandem.programme;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problems;
import org.tandem.platform.web.FormErrors;

/** Officers draft, edit and approve calls; every party's approval publishes one. */
@Controller
class OfficerCallPages {

    private final Calls calls;
    private final Programmes programmes;

    OfficerCallPages(Calls calls, Programmes programmes) {
        this.calls = calls;
        this.programmes = programmes;
    }

    @GetMapping("/officer/calls")
    String list(Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("calls", calls.forOfficer(me));
        model.addAttribute("programmes", openFor(me));
        model.addAttribute("programmeOf", (java.util.function.Function<Long, Programme>) programmes::get);
        model.addAttribute("now", calls.now());
        return "officer/calls";
    }

    /**
     * Without {@code ?programme=} (a bookmark, a typed URL) the officer is taken to their only
     * programme still running's form, or back to the list to choose one, rather than shown a bare 400.
     */
    /** The officer's programmes that can still take a call: one whose last year has passed is not a choice. */
    private List<Programme> openFor(TandemUser me) {
        int year = calls.now().atZone(java.time.ZoneOffset.UTC).getYear();
        return programmes.all().stream().filter(p -> !me.officerParties(p.getId()).isEmpty())
                .filter(p -> p.getLastYear() >= year).toList();
    }

    @GetMapping("/officer/calls/new")
    String create(@RequestParam(required = false) Long programme, Model model) {
        if (programme == null) {
            TandemUser me = CurrentUser.require();
            List<Programme> mine = openFor(me);
            return mine.size() == 1 ? "redirect:/officer/calls/new?programme=" + mine.get(0).getId()
                    : "redirect:/officer/calls?chooseProgramme";
        }
        Programme p = programmes.get(programme);
        Calls.requireOfficer(CurrentUser.require(), p);
        return form(model, p, CallForm.empty(p, defaultZone(p)), null);
    }

    @PostMapping("/officer/calls/new")
    String createSubmit(@RequestParam long programme, @ModelAttribute("form") CallForm form, BindingResult errors,
                        Model model) {
        Programme p = programmes.get(programme);
        Problems problems = new Problems();
        CallInput input = form.toInput(problems);
        try {
            throwWithRules(problems, programme, input);
            Call call = calls.draft(programme, input, CurrentUser.require());
            return "redirect:/officer/calls/" + call.getId() + "?created";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e.problems(), form::formField);
            return form(model, p, form, null);
        }
    }

    @GetMapping("/officer/calls/{id}")
    String show(@PathVariable long id, Model model) {
        Call call = calls.get(id);
        Programme p = programmes.get(call.getProgrammeId());
        TandemUser me = CurrentUser.require();
        Calls.requireOfficer(me, p);
        model.addAttribute("call", call);
        model.addAttribute("programme", p);
        model.addAttribute("myParties", me.officerParties(p.getId()));
        model.addAttribute("now", calls.now());
        model.addAttribute("status", call.status(calls.now()));
        return "officer/call";
    }

    @GetMapping("/officer/calls/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Call call = calls.get(id);
        Programme p = programmes.get(call.getProgrammeId());
        Calls.requireOfficer(CurrentUser.require(), p);
        return form(model, p, CallForm.of(p, call, defaultZone(p)), call);
    }

    @PostMapping("/officer/calls/{id}/edit")
    String editSubmit(@PathVariable long id, @ModelAttribute("form") CallForm form, BindingResult errors, Model model) {
        Call call = calls.get(id);
        Programme p = programmes.get(call.getProgrammeId());
        Problems problems = new Problems();
        CallInput input = form.toInput(problems);
        try {
            throwWithRules(problems, call.getProgrammeId(), input);
            calls.update(id, form.getVersion() == null ? -1 : form.getVersion(), input, CurrentUser.require());
            return "redirect:/officer/calls/" + id + "?saved";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e.problems(), form::formField);
            return form(model, p, form, call);
        } catch (ConflictException e) {
            errors.reject("error." + e.code());
            return form(model, p, form, call);
        }
    }

    @PostMapping("/officer/calls/{id}/approve")
    String approve(@PathVariable long id, @RequestParam long party, RedirectAttributes redirect) {
        Call call = calls.approve(id, party, CurrentUser.require());
        redirect.addFlashAttribute("notice", call.getPhase() == CallPhase.PUBLISHED ? "call.published" : "call.approved");
        return "redirect:/officer/calls/" + id;
    }

    /** The categories ticked on the call's page; none ticked is refused with the field named. */
    @PostMapping("/officer/calls/{id}/budget-categories")
    String budgetCategories(@PathVariable long id, @RequestParam(name = "category", required = false) java.util.List<String> codes,
                            RedirectAttributes redirect) {
        try {
            calls.setBudgetCategories(id, codes == null ? java.util.List.of() : codes, CurrentUser.require());
            redirect.addFlashAttribute("notice", "call.budgetCategories.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/officer/calls/" + id;
    }

    @PostMapping("/officer/calls/{id}/attachment-limit")
    String attachmentLimit(@PathVariable long id, @RequestParam String megabytes, RedirectAttributes redirect) {
        try {
            calls.setAttachmentLimit(id, parseOrZero(megabytes), CurrentUser.require());
            redirect.addFlashAttribute("notice", "call.attachment.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", "call.attachment.range");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/officer/calls/" + id;
    }

    private static int parseOrZero(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @PostMapping("/officer/calls/{id}/start-evaluation")
    String startEvaluation(@PathVariable long id) {
        calls.startEvaluation(id, CurrentUser.require());
        return "redirect:/officer/calls/" + id;
    }

    /**
     * When some text could not be parsed, the rules still run on the rest so the officer sees
     * every problem at once; a field already reported as unreadable is not reported twice.
     */
    private void throwWithRules(Problems parse, long programmeId, CallInput input) {
        if (parse.isEmpty()) {
            return;
        }
        java.util.Set<String> unreadable = new java.util.HashSet<>();
        parse.list().forEach(p -> unreadable.add(p.field()));
        calls.check(programmeId, input).stream().filter(p -> !unreadable.contains(p.field()))
                .forEach(p -> parse.add(p.field(), p.code(), p.args().toArray()));
        parse.throwIfAny();
    }

    private String form(Model model, Programme p, CallForm form, Call call) {
        model.addAttribute("programme", p);
        model.addAttribute("form", form);
        model.addAttribute("call", call);
        model.addAttribute("zones", zones(p));
        return "officer/call-form";
    }

    private static List<String> zones(Programme p) {
        List<String> zones = new java.util.ArrayList<>(p.getParties().stream().map(Party::getTimeZone).distinct().toList());
        zones.add("UTC");
        return zones;
    }

    private static String defaultZone(Programme p) {
        TandemUser me = CurrentUser.require();
        return p.getParties().stream().filter(pa -> me.officerParties(p.getId()).contains(pa.getId()))
                .map(Party::getTimeZone).findFirst().orElse("UTC");
    }
}
