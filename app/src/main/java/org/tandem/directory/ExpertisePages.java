package org.tandem.directory;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;

/** An expert keeps the record affinity and conflicts are computed from: publications and declared conflicts. */
@Controller
class ExpertisePages {

    private final Directory directory;

    ExpertisePages(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/expertise")
    String expertise(Model model) {
        TandemUser me = CurrentUser.require();
        var person = directory.profileOf(me.id()).orElse(null);
        model.addAttribute("person", person);
        if (person != null) {
            model.addAttribute("publications", directory.publications(person.id()));
            model.addAttribute("conflicts", directory.declaredConflicts(person.id()));
        }
        model.addAttribute("formats", PublicationImport.Format.values());
        return "directory/expertise";
    }

    @PostMapping("/expertise/import")
    String importPublications(@RequestParam PublicationImport.Format format, @RequestParam("file") MultipartFile file,
                              RedirectAttributes redirect) throws IOException {
        TandemUser me = CurrentUser.require();
        var person = directory.profileOf(me.id())
                .orElseThrow(() -> InvalidInputException.of("profile", "directory.profile.required"));
        try {
            int added = directory.addPublications(person.id(), PublicationImport.read(format, file.getBytes()),
                    format.name(), me.getUsername());
            redirect.addFlashAttribute("imported", added);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/expertise";
    }

    @PostMapping("/expertise/conflicts")
    String declare(@RequestParam String subject, @RequestParam String reason, RedirectAttributes redirect) {
        TandemUser me = CurrentUser.require();
        try {
            var person = directory.profileOf(me.id())
                    .orElseThrow(() -> InvalidInputException.of("profile", "directory.profile.required"));
            directory.declareConflict(person.id(), subject, reason, me.getUsername());
            redirect.addFlashAttribute("notice", "expertise.conflict.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/expertise";
    }
}
