package org.tandem.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.i18n.Times;
import org.tandem.platform.pdf.PdfDocuments;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.validation.InvalidInputException;

/** The applicants' side of a decision: the letter (page and PDF), the anonymised reviews, redress. */
@Controller
class DecisionPages {

    private final Decisions decisions;
    private final Explanations explain;
    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final Times times;

    private final org.tandem.review.ReviewForms forms;

    DecisionPages(Decisions decisions, Explanations explain, PdfDocuments pdf, MessageSource messages, Times times,
                  org.tandem.review.ReviewForms forms) {
        this.forms = forms;
        this.decisions = decisions;
        this.explain = explain;
        this.pdf = pdf;
        this.messages = messages;
        this.times = times;
    }

    @GetMapping("/proposals/{id}/decision")
    String letter(@PathVariable long id, Model model) {
        Decisions.Letter l = decisions.letter(id, CurrentUser.require());
        model.addAttribute("letter", l);
        model.addAttribute("criterionNames", criterionNames(l, LocaleContextHolder.getLocale()));
        return "selection/letter";
    }

    /** Scores are stored by criterion code; applicants read the criterion's name in their language. */
    private Map<String, String> criterionNames(Decisions.Letter l, Locale locale) {
        Map<String, String> names = new java.util.HashMap<>();
        forms.of(l.call().getId()).criteria().forEach(c -> names.put(c.code(), c.name().in(locale)));
        return names;
    }

    /** Scores and the overall mark in one number format, the reader's ("3,0" and "2,83" in Vietnamese). */
    private static String score(double value, int decimals, Locale locale) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    /** The letter as a PDF in the reader's language (the page's language switcher chooses it). */
    @GetMapping("/proposals/{id}/decision.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Decisions.Letter l = decisions.letter(id, CurrentUser.require());
        Locale locale = LocaleContextHolder.getLocale();
        List<PdfDocuments.Line> lines = new ArrayList<>();
        lines.add(new PdfDocuments.Line(text("decision.call", locale), l.call().getTitle().in(locale)));
        lines.add(new PdfDocuments.Line(text("decision.proposal", locale), l.proposal().getAcronym() + " — " + l.proposal().getTitle()));
        lines.add(new PdfDocuments.Line(text("decision.outcome", locale), text("decision.outcome." + l.item().outcome(), locale)));
        lines.add(new PdfDocuments.Line(text("decision.why", locale), explain.of(l.item().outcome() == Decisions.Outcome.FUNDED,
                l.item().reason(), l.item().merit() == null ? null : l.item().merit().doubleValue())));
        lines.add(new PdfDocuments.Line(text("decision.decidedAt", locale), times.in(l.decidedAt(), java.time.ZoneOffset.UTC)));
        Map<String, String> names = criterionNames(l, locale);
        for (Decisions.AnonymousReview r : l.reviews()) {
            lines.add(new PdfDocuments.Line(messages.getMessage("decision.reviewer", new Object[] {r.label()}, locale),
                    String.join(" · ", r.scores().entrySet().stream().map(e -> names.getOrDefault(e.getKey(), e.getKey())
                            + ": " + score(e.getValue(), 1, locale)).toList())
                            + (r.overall() == null ? "" : " — " + text("review.overall", locale) + ": "
                            + score(r.overall(), 2, locale))
                            + "\n" + (r.comment() == null ? "" : r.comment())));
        }
        byte[] body = pdf.simple(text("decision.letter", locale), lines,
                messages.getMessage("decision.redressHint", new Object[] {Decisions.REDRESS_DAYS,
                        times.in(l.redressUntil(), java.time.ZoneOffset.UTC)}, locale));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("decision-" + l.proposal().getAcronym() + ".pdf").build().toString())
                .body(body);
    }

    @PostMapping("/proposals/{id}/redress")
    String redress(@PathVariable long id, @RequestParam String text, RedirectAttributes redirect) {
        try {
            decisions.fileRedress(id, text, CurrentUser.require());
            redirect.addFlashAttribute("notice", "redress.filed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("typed", text);
        }
        return "redirect:/proposals/" + id + "/decision";
    }

    @GetMapping("/officer/calls/{id}/redress")
    String complaints(@PathVariable long id, Model model) {
        model.addAttribute("complaints", decisions.complaintsOfCall(id, CurrentUser.require()));
        model.addAttribute("callId", id);
        return "selection/redress";
    }

    @PostMapping("/officer/calls/{id}/redress/{redress}")
    String decide(@PathVariable long id, @PathVariable long redress, @RequestParam(required = false) String outcome,
                  @RequestParam String outcomeText, RedirectAttributes redirect) {
        try {
            decisions.decideRedress(redress, outcome, outcomeText, CurrentUser.require());
            redirect.addFlashAttribute("notice", "redress.decided");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/officer/calls/" + id + "/redress";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
