package org.tandem.programme;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problems;
import org.tandem.platform.web.FormErrors;

/** Officers keep the annual plans; each changes only their own party's budget. */
@Controller
class PlanPages {

    private final Programmes programmes;

    PlanPages(Programmes programmes) {
        this.programmes = programmes;
    }

    @GetMapping("/officer/programmes/{id}/plans/{year}")
    String edit(@PathVariable long id, @PathVariable int year, Model model) {
        Programme p = programmes.get(id);
        Calls.requireOfficer(CurrentUser.require(), p);
        return form(model, p, year, PlanForm.of(p, programmes.plan(id, year).orElse(null)));
    }

    @PostMapping("/officer/programmes/{id}/plans/{year}")
    String save(@PathVariable long id, @PathVariable int year, @ModelAttribute("form") PlanForm form,
                BindingResult errors, Model model) {
        Programme p = programmes.get(id);
        Problems problems = new Problems();
        PlanInput input = form.toInput(problems);
        try {
            problems.throwIfAny();
            programmes.savePlan(id, year, form.getVersion(), input, CurrentUser.require(), false);
            return "redirect:/programmes/" + id + "?saved=" + year;
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e.problems(), form::formField);
        } catch (ConflictException e) {
            errors.reject("error." + e.code());
        }
        return form(model, p, year, form);
    }

    private String form(Model model, Programme p, int year, PlanForm form) {
        model.addAttribute("planId", programmes.plan(p.getId(), year).map(AnnualPlan::getId).orElse(null));
        model.addAttribute("programme", p);
        model.addAttribute("year", year);
        model.addAttribute("form", form);
        return "officer/plan-form";
    }
}
