package org.tandem.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.programme.Programmes;

/** Registration, the researcher's profile and partner search. */
@Controller
class DirectoryPages {

    private final Directory directory;
    private final Registrations registrations;
    private final Accounts accounts;
    private final Programmes programmes;

    DirectoryPages(Directory directory, Registrations registrations, Accounts accounts, Programmes programmes) {
        this.directory = directory;
        this.registrations = registrations;
        this.accounts = accounts;
        this.programmes = programmes;
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("countries", registrations.countries());
        return "directory/register";
    }

    @PostMapping("/register")
    String register(@RequestParam Map<String, String> form, Model model) {
        try {
            registrations.register(form.get("username"), form.get("displayName"), form.get("email"), form.get("password"),
                    form.get("country"));
            return "redirect:/register?sent";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("values", form);
            model.addAttribute("countries", registrations.countries());
            return "directory/register";
        }
    }

    @GetMapping("/register/confirm/{token}")
    String confirm(@PathVariable String token, RedirectAttributes redirect) {
        try {
            registrations.confirm(token);
            return "redirect:/login?confirmed";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", "error." + e.code());
            return "redirect:/register";
        }
    }

    @GetMapping("/profile")
    String profile(Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("person", directory.profileOf(me.id()).orElse(null));
        model.addAttribute("organisations", directory.organisations());
        model.addAttribute("fos", programmes.fosFields());
        model.addAttribute("countries", registrations.countries());
        return "directory/profile";
    }

    @PostMapping("/profile")
    String saveProfile(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> fields,
                       Model model, RedirectAttributes redirect) {
        TandemUser me = CurrentUser.require();
        try {
            directory.saveProfile(me, new Directory.ProfileInput(form.get("name"), form.get("nameLatin"), form.get("orcid"),
                    form.get("country"), fields == null ? List.of() : fields,
                    Arrays.asList(form.getOrDefault("keywords", "").split("\\R")),
                    form.get("organisationId") == null || form.get("organisationId").isBlank() ? null
                            : Long.valueOf(form.get("organisationId")),
                    parseYear(form.get("fromYear")), "on".equals(form.get("doctorate"))));
            redirect.addFlashAttribute("notice", "directory.profile.saved");
            return "redirect:/profile";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return profile(model);
        }
    }

    @GetMapping("/partners")
    String partners(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
                    @RequestParam(required = false) String type, @RequestParam(required = false) String country,
                    Model model) {
        TandemUser me = CurrentUser.require();
        String own = directory.profileOf(me.id()).map(Directory.Person::country).orElse(null);
        Directory.OrganisationType t = type == null || type.isBlank() ? null : Directory.OrganisationType.valueOf(type);
        model.addAttribute("matches", directory.searchPartners(q, field, t, country, own, 50));
        model.addAttribute("q", q);
        model.addAttribute("field", field);
        model.addAttribute("type", type);
        model.addAttribute("fos", programmes.fosFields());
        model.addAttribute("types", Directory.OrganisationType.values());
        return "directory/partners";
    }

    @PostMapping("/partners/{personId}/contact")
    String contact(@PathVariable long personId, @RequestParam String message, RedirectAttributes redirect) {
        TandemUser me = CurrentUser.require();
        try {
            Directory.Person to = directory.person(personId);
            String email = to.userId() == null ? null : accounts.get(to.userId()).email();
            directory.contact(me, personId, message, email);
            redirect.addFlashAttribute("notice", "directory.contact.sent");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/partners";
    }

    private static Integer parseYear(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
