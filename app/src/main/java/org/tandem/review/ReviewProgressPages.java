package org.tandem.review;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.i18n.ReaderZone;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Calls;

/**
 * The review of a call as officers and the committee follow it: the form, progress per party,
 * the late list, and for each decline the best available replacement.
 */
@Controller
class ReviewProgressPages {

    private final Reviews reviews;
    private final ReviewForms forms;
    private final AssignmentRuns runs;
    private final Calls calls;
    private final org.tandem.programme.Programmes programmes;

    ReviewProgressPages(Reviews reviews, ReviewForms forms, AssignmentRuns runs, Calls calls,
                        org.tandem.programme.Programmes programmes) {
        this.programmes = programmes;
        this.reviews = reviews;
        this.forms = forms;
        this.runs = runs;
        this.calls = calls;
    }

    @GetMapping("/officer/calls/{id}/reviews")
    String progress(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Reviews.Progress progress = reviews.progress(id, me);
        Map<String, Optional<AssignmentRuns.Suggestion>> suggestions = new LinkedHashMap<>();
        for (Reviews.ProgressRow r : progress.rows()) {
            if (r.assignment().equals("DECLINED") && progress.ownParties().contains(r.partyId())) {
                suggestions.put(r.proposalId() + ":" + r.personId(),
                        runs.suggestReplacement(id, r.partyId(), r.proposalId(), me));
            }
        }
        model.addAttribute("p", progress);
        model.addAttribute("suggestions", suggestions);
        // Readers see each party as its country, in their language, not as the party's code.
        Map<String, String> countryOfParty = new LinkedHashMap<>();
        programmes.get(calls.get(id).getProgrammeId()).getParties()
                .forEach(party -> countryOfParty.put(party.getCode(), party.getCountryCode()));
        model.addAttribute("countryOfParty", countryOfParty);
        return "review/progress";
    }

    @PostMapping("/officer/calls/{id}/reviews/remind")
    String remind(@PathVariable long id, RedirectAttributes redirect) {
        TandemUser me = CurrentUser.require();
        if (me.officerParties(calls.get(id).getProgrammeId()).isEmpty()) {
            throw new NotAllowedException("not an officer");
        }
        redirect.addFlashAttribute("reminded", reviews.remind(java.time.Instant.now(), id, true));
        return "redirect:/officer/calls/" + id + "/reviews";
    }

    /** The form as the page shows it: strings, so that refused input comes back exactly as typed. */
    record FormView(List<ReviewForms.CriterionInput> criteria, String scaleMax, String step, String overallThreshold,
                    String dueAt, String remindDays, long version, boolean stored) {

        static FormView of(ReviewForms.Form f, java.time.ZoneId zone) {
            List<ReviewForms.CriterionInput> rows = new ArrayList<>(f.criteria().stream()
                    .map(c -> new ReviewForms.CriterionInput(c.code(), c.name().getEn(), c.name().getVi(), c.name().getRu(),
                            plain(c.weight()), c.threshold() == null ? "" : plain(c.threshold()))).toList());
            return new FormView(rows, plain(f.scaleMax()), plain(f.step()),
                    f.overallThreshold() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", f.overallThreshold()),
                    f.dueAt() == null ? "" : f.dueAt().atZone(zone).toLocalDateTime()
                            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(),
                    String.valueOf(f.remindDays()), f.version(), f.stored());
        }

        private static String plain(double d) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }

    @GetMapping("/officer/calls/{id}/review-form")
    String form(@PathVariable long id, HttpServletRequest request, Model model) {
        TandemUser me = CurrentUser.require();
        var call = calls.get(id);
        if (me.officerParties(call.getProgrammeId()).isEmpty()) {
            throw new NotAllowedException("not an officer");
        }
        model.addAttribute("call", call);
        model.addAttribute("form", FormView.of(forms.of(id), ReaderZone.of(request)));
        return "review/form";
    }

    /** On refusal the page is shown again with what was typed and the problems; nothing was stored. */
    @PostMapping("/officer/calls/{id}/review-form")
    String saveForm(@PathVariable long id, @RequestParam Map<String, String> in, HttpServletRequest request, Model model,
                    RedirectAttributes redirect) {
        List<ReviewForms.CriterionInput> criteria = new ArrayList<>();
        for (int i = 0; in.containsKey("criteria[" + i + "].code"); i++) {
            String p = "criteria[" + i + "].";
            criteria.add(new ReviewForms.CriterionInput(in.get(p + "code"), in.get(p + "nameEn"), in.get(p + "nameVi"),
                    in.get(p + "nameRu"), in.get(p + "weight"), in.get(p + "threshold")));
        }
        long version = 0;
        try {
            version = Long.parseLong(in.getOrDefault("version", "0"));
            java.time.Instant due = null;
            String dueText = in.get("dueAt");
            if (dueText != null && !dueText.isBlank()) {
                try {
                    due = java.time.LocalDateTime.parse(dueText.trim()).atZone(ReaderZone.of(request)).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    throw InvalidInputException.of("dueAt", "validation.datetime");
                }
            }
            forms.save(id, new ReviewForms.Input(criteria, in.get("scaleMax"), in.get("step"), in.get("overallThreshold"),
                    due, in.get("remindDays"), version), CurrentUser.require());
            redirect.addFlashAttribute("notice", "reviewForm.saved");
            return "redirect:/officer/calls/" + id + "/review-form";
        } catch (InvalidInputException | NumberFormatException e) {
            model.addAttribute("problems", e instanceof InvalidInputException ie ? ie.problems()
                    : List.of(org.tandem.platform.validation.Problem.of("version", "validation.number")));
            model.addAttribute("call", calls.get(id));
            model.addAttribute("form", new FormView(criteria, in.get("scaleMax"), in.get("step"), in.get("overallThreshold"),
                    in.get("dueAt"), in.get("remindDays"), version, forms.of(id).stored()));
            return "review/form";
        }
    }
}
