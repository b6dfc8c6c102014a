package org.tandem.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.directory.Directory;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotFoundException;

/** An expert's invitations (accept or decline) and reviews; other experts are never named. */
@Controller
class ReviewerPages {

    private final ReviewerInvitations invitations;
    private final Reviews reviews;
    private final Directory directory;
    private final org.tandem.proposal.ProposalDocuments documents;
    private final org.tandem.proposal.Attachments attachments;
    private final org.springframework.context.MessageSource messages;

    ReviewerPages(ReviewerInvitations invitations, Reviews reviews, Directory directory,
                  org.tandem.proposal.ProposalDocuments documents, org.tandem.proposal.Attachments attachments,
                  org.springframework.context.MessageSource messages) {
        this.documents = documents;
        this.attachments = attachments;
        this.messages = messages;
        this.invitations = invitations;
        this.reviews = reviews;
        this.directory = directory;
    }

    private long personOf(TandemUser me) {
        return directory.profileOf(me.id()).map(Directory.Person::id)
                .orElseThrow(() -> new NotFoundException("no researcher profile"));
    }

    /** Documents are refused (403), not hidden, to anyone who is not an expert with a profile. */
    private long readerOf(TandemUser me) {
        return directory.profileOf(me.id()).map(Directory.Person::id)
                .orElseThrow(() -> new org.tandem.platform.validation.NotAllowedException("no researcher profile"));
    }

    @GetMapping("/reviews")
    String reviews(Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("invitations", directory.profileOf(me.id())
                .map(p -> invitations.invitationsOf(p.id())).orElse(java.util.List.of()));
        return "review/reviews";
    }

    /**
     * Accepting carries the no-conflict declaration: the box must be ticked, and the text the
     * expert read (in their language) is what is stored with the time.
     */
    @PostMapping("/reviews/answer")
    String answer(@RequestParam long call, @RequestParam long proposal, @RequestParam boolean accept,
                  @RequestParam(required = false) String noConflict, java.util.Locale locale, RedirectAttributes redirect) {
        TandemUser me = CurrentUser.require();
        try {
            var person = directory.profileOf(me.id())
                    .orElseThrow(() -> InvalidInputException.of("profile", "directory.profile.required"));
            String declaration = "true".equals(noConflict)
                    ? messages.getMessage("reviews.noConflict.declaration", null, locale) : null;
            invitations.answer(person.id(), call, proposal, accept, declaration, me.getUsername());
            redirect.addFlashAttribute("notice", accept ? "reviews.accepted" : "reviews.declined");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/reviews";
    }

    @GetMapping("/reviews/{call}/{proposal}")
    String workspace(@PathVariable long call, @PathVariable long proposal, Model model) {
        TandemUser me = CurrentUser.require();
        Reviews.Workspace w = reviews.open(personOf(me), call, proposal);
        model.addAttribute("w", w);
        if (!model.containsAttribute("typed")) {
            Map<String, String> typed = new LinkedHashMap<>();
            w.mine().scores().forEach((k, v) -> typed.put(k, String.valueOf(v)));
            model.addAttribute("typed", typed);
            model.addAttribute("commentApplicants", w.mine().commentApplicants());
            model.addAttribute("commentConfidential", w.mine().commentConfidential());
        }
        return "review/workspace";
    }

    /** The proposal as a PDF, for its expert only. */
    @GetMapping("/reviews/{call}/{proposal}/proposal.pdf")
    org.springframework.http.ResponseEntity<byte[]> proposalPdf(@PathVariable long call, @PathVariable long proposal,
                                                                java.util.Locale locale) {
        reviews.requireReader(readerOf(CurrentUser.require()), call, proposal);
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .inline().filename("proposal-" + proposal + ".pdf").build().toString())
                .body(documents.forReviewer(proposal, locale));
    }

    @GetMapping("/reviews/{call}/{proposal}/attachments/{attachment}")
    org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> attachment(
            @PathVariable long call, @PathVariable long proposal, @PathVariable long attachment) {
        reviews.requireReader(readerOf(CurrentUser.require()), call, proposal);
        var a = attachments.forReviewer(proposal).stream().filter(x -> x.id() == attachment).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment"));
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new org.springframework.core.io.InputStreamResource(attachments.openForReviewer(proposal, attachment)));
    }

    /** Scores arrive as {@code score.<criterion>} fields; {@code submit} finalises, otherwise a draft is kept. */
    @PostMapping("/reviews/{call}/{proposal}")
    String save(@PathVariable long call, @PathVariable long proposal, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        TandemUser me = CurrentUser.require();
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("score.")) {
                typed.put(k.substring("score.".length()), v);
            }
        });
        boolean submit = form.containsKey("submit");
        try {
            reviews.save(personOf(me), call, proposal, typed, form.get("commentApplicants"), form.get("commentConfidential"),
                    submit, me.getUsername());
            redirect.addFlashAttribute("notice", submit ? "review.submitted" : "review.saved");
        } catch (InvalidInputException e) {
            // Nothing was stored; give back what was typed so nothing is lost.
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("typed", typed);
            redirect.addFlashAttribute("commentApplicants", form.get("commentApplicants"));
            redirect.addFlashAttribute("commentConfidential", form.get("commentConfidential"));
        }
        return "redirect:/reviews/" + call + "/" + proposal;
    }
}
