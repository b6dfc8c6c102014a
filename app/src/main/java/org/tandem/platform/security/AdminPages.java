package org.tandem.platform.security;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.web.FormErrors;

/** Administrators manage accounts and their scoped roles. Reachable only with the administrator role. */
@Controller
class AdminPages {

    private final Accounts accounts;
    private final Scopes scopes;

    AdminPages(Accounts accounts, Scopes scopes) {
        this.accounts = accounts;
        this.scopes = scopes;
    }

    public static class NewUserForm {
        private String username;
        private String displayName;
        private String email;
        private String password;

        public String getUsername() { return username; }
        public void setUsername(String v) { this.username = v; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String v) { this.displayName = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { this.email = v; }
        public String getPassword() { return password; }
        public void setPassword(String v) { this.password = v; }
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("accounts", accounts.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewUserForm());
        }
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute("form") NewUserForm form, BindingResult errors, Model model) {
        try {
            Account a = accounts.create(new Accounts.NewAccount(form.username, form.displayName, form.email, form.password),
                    CurrentUser.require().getUsername());
            return "redirect:/admin/users/" + a.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e.problems(), f -> f);
            form.password = null;
            return users(model);
        }
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, Model model, Locale locale) {
        model.addAttribute("account", accounts.get(id));
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("scopes", scopes.all(locale));
        return "admin/user";
    }

    @PostMapping("/admin/users/{id}/grants")
    String grant(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) String scope,
                 RedirectAttributes redirect) {
        Long programmeId = null;
        Long partyId = null;
        if (scope != null && !scope.isBlank()) {
            String[] parts = scope.split(":");
            programmeId = Long.valueOf(parts[0]);
            partyId = parts.length > 1 ? Long.valueOf(parts[1]) : null;
        }
        try {
            accounts.grant(id, new Accounts.NewGrant(role, programmeId, partyId), CurrentUser.require().getUsername());
            redirect.addFlashAttribute("notice", "admin.grant.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/grants/{grantId}/delete")
    String revoke(@PathVariable long id, @PathVariable long grantId) {
        accounts.revoke(id, grantId, CurrentUser.require().getUsername());
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled) {
        accounts.setEnabled(id, enabled, CurrentUser.require().getUsername());
        return "redirect:/admin/users/" + id;
    }
}
