package org.tandem.review;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.directory.Directory;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;

/** An expert's invitations: accept or decline each; other experts are never named. */
@Controller
class ReviewerPages {

    private final AssignmentRuns runs;
    private final Directory directory;

    ReviewerPages(AssignmentRuns runs, Directory directory) {
        this.runs = runs;
        this.directory = directory;
    }

    @GetMapping("/reviews")
    String reviews(Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("invitations", directory.profileOf(me.id())
                .map(p -> runs.invitationsOf(p.id())).orElse(java.util.List.of()));
        return "review/reviews";
    }

    @PostMapping("/reviews/answer")
    String answer(@RequestParam long call, @RequestParam long proposal, @RequestParam boolean accept,
                  RedirectAttributes redirect) {
        TandemUser me = CurrentUser.require();
        try {
            var person = directory.profileOf(me.id())
                    .orElseThrow(() -> InvalidInputException.of("profile", "directory.profile.required"));
            runs.answer(person.id(), call, proposal, accept, me.getUsername());
            redirect.addFlashAttribute("notice", accept ? "reviews.accepted" : "reviews.declined");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/reviews";
    }
}
