package org.tandem.innovation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.innovation.Profile.IpStatus;
import org.tandem.innovation.Profile.Partnership;
import org.tandem.innovation.Profile.ProfileType;
import org.tandem.innovation.Profile.Translation;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;

/** The Innovation Centre's pages: the public catalogue, one's own profiles and deals, the staff's desk. */
@Controller
class InnovationPages {

    private final Profiles profiles;
    private final Deals deals;
    private final Matches matches;
    private final OutputOffers outputOffers;
    private final DirectoryMatches directoryMatches;

    InnovationPages(Profiles profiles, Deals deals, Matches matches, OutputOffers outputOffers,
                    DirectoryMatches directoryMatches) {
        this.directoryMatches = directoryMatches;
        this.profiles = profiles;
        this.deals = deals;
        this.matches = matches;
        this.outputOffers = outputOffers;
    }

    private static void vocabulary(Model model) {
        model.addAttribute("types", ProfileType.values());
        model.addAttribute("ipStatuses", IpStatus.values());
        model.addAttribute("partnershipTypes", Partnership.values());
        model.addAttribute("trls", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
        model.addAttribute("agreementTypes", Deal.AgreementType.values());
    }

    @GetMapping("/innovation")
    String catalogue(@RequestParam(required = false) String type, @RequestParam(required = false) String trl,
                     @RequestParam(required = false) String sector, @RequestParam(required = false) String country,
                     @RequestParam(required = false) String text, Model model) {
        vocabulary(model);
        model.addAttribute("filter", Map.of("type", type == null ? "" : type, "trl", trl == null ? "" : trl,
                "sector", sector == null ? "" : sector, "country", country == null ? "" : country,
                "text", text == null ? "" : text));
        try {
            model.addAttribute("profiles", profiles.published(InnovationApi.filter(type, trl, sector, country, text)));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("profiles", profiles.published(Profiles.Filter.none()));
        }
        return "innovation/index";
    }

    @GetMapping("/innovation/profiles/{id}")
    String profile(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.get().orElse(null);
        vocabulary(model);
        PublicProfile p = deals.read(id, me);
        model.addAttribute("profile", p);
        boolean manages = me != null && p.owner() != null && (me.has(Role.INNOVATION_STAFF)
                || profiles.get(id).ownerId() == me.id());
        boolean owns = me != null && profiles.get(id).ownerId() == me.id();
        model.addAttribute("owns", owns);
        model.addAttribute("staff", me != null && me.has(Role.INNOVATION_STAFF));
        model.addAttribute("manages", manages);
        model.addAttribute("reviewComment", manages ? profiles.get(id).reviewComment() : null);
        model.addAttribute("mayExpress", me != null && !owns && InnovationWorkflows.PUBLISHED.equals(p.status())
                && deals.ofUser(me).stream().noneMatch(d -> d.profileId() == id));
        return "innovation/profile";
    }

    @PostMapping("/innovation/profiles/{id}/interest")
    String interest(@PathVariable long id, @RequestParam(required = false) String message,
                    @RequestParam(required = false) String organisation, RedirectAttributes redirect) {
        try {
            deals.express(id, message, organisation, CurrentUser.require());
            redirect.addFlashAttribute("notice", "innovation.interest.sent");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/innovation/profiles/" + id;
    }

    @PostMapping("/innovation/profiles/{id}/{action:submit|withdraw|publish|return|renew|confirm}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String comment,
               @RequestParam(required = false) String expiresOn, RedirectAttributes redirect) {
        TandemUser me = CurrentUser.require();
        try {
            switch (action) {
                case "submit" -> profiles.submit(id, me);
                case "withdraw" -> profiles.withdraw(id, me);
                case "publish" -> profiles.publish(id, me);
                case "return" -> profiles.returnToOwner(id, comment, me);
                case "confirm" -> profiles.confirm(id, me);
                default -> profiles.renew(id, expiresOn, me);
            }
            redirect.addFlashAttribute("notice", "innovation.done." + action);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/innovation/profiles/" + id;
    }

    @GetMapping("/innovation/new")
    String form(Model model) {
        CurrentUser.require();
        vocabulary(model);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("formAction", "/innovation/new");
        return "innovation/form";
    }

    @PostMapping("/innovation/new")
    String create(@RequestParam MultiValueMap<String, String> form, Model model) {
        TandemUser me = CurrentUser.require();
        try {
            Profile p = profiles.create(input(form), me);
            if ("true".equals(form.getFirst("submit"))) {
                profiles.submit(p.id(), me);
            }
            return "redirect:/innovation/profiles/" + p.id();
        } catch (InvalidInputException e) {
            vocabulary(model);
            model.addAttribute("problems", e.problems());
            model.addAttribute("typed", form.toSingleValueMap());
            model.addAttribute("typedPartnerships", form.getOrDefault("partnerships", List.of()));
            model.addAttribute("formAction", "/innovation/new");
            return "innovation/form";
        }
    }

    /** A draft or returned profile, its fields filled in as stored. */
    @GetMapping("/innovation/profiles/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Profile p = profiles.manage(id, CurrentUser.require());
        vocabulary(model);
        Map<String, String> typed = new java.util.HashMap<>();
        typed.put("type", p.type().name());
        typed.put("language", p.language());
        typed.put("title", p.title());
        typed.put("summary", p.summary());
        typed.put("description", p.description());
        typed.put("advantages", p.advantages());
        typed.put("trl", String.valueOf(p.trl()));
        typed.put("ipStatus", p.ipStatus().name());
        typed.put("patentNumbers", p.patentNumbers());
        typed.put("partnerType", p.partnerType());
        typed.put("countries", String.join(", ", p.countries()));
        typed.put("sectors", String.join(", ", p.sectors()));
        typed.put("keywords", String.join(", ", p.keywords()));
        typed.put("fosFields", String.join(", ", p.fosFields()));
        typed.put("expiresOn", p.expiresOn().toString());
        typed.put("organisation", p.organisation());
        typed.put("contactEmail", p.contactEmail());
        p.translations().forEach((lang, t) -> {
            typed.put("tr." + lang + ".title", t.title());
            typed.put("tr." + lang + ".summary", t.summary());
        });
        model.addAttribute("typed", typed);
        model.addAttribute("typedPartnerships", p.partnerships().stream().map(Enum::name).toList());
        model.addAttribute("formAction", "/innovation/profiles/" + id + "/edit");
        return "innovation/form";
    }

    @PostMapping("/innovation/profiles/{id}/edit")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        TandemUser me = CurrentUser.require();
        try {
            profiles.update(id, input(form), me);
            if ("true".equals(form.getFirst("submit"))) {
                profiles.submit(id, me);
            }
            return "redirect:/innovation/profiles/" + id;
        } catch (InvalidInputException e) {
            vocabulary(model);
            model.addAttribute("problems", e.problems());
            model.addAttribute("typed", form.toSingleValueMap());
            model.addAttribute("typedPartnerships", form.getOrDefault("partnerships", List.of()));
            model.addAttribute("formAction", "/innovation/profiles/" + id + "/edit");
            return "innovation/form";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
            return "redirect:/innovation/profiles/" + id;
        }
    }

    static ProfileInput input(MultiValueMap<String, String> f) {
        Integer trl = null;
        try {
            trl = f.getFirst("trl") == null || f.getFirst("trl").isBlank() ? null : Integer.valueOf(f.getFirst("trl").strip());
        } catch (NumberFormatException e) {
            trl = 0;
        }
        Map<String, Translation> translations = new java.util.LinkedHashMap<>();
        for (String lang : Profiles.LANGUAGES) {
            String title = f.getFirst("tr." + lang + ".title");
            String summary = f.getFirst("tr." + lang + ".summary");
            if (title != null && !title.isBlank() || summary != null && !summary.isBlank()) {
                translations.put(lang, new Translation(title, summary, f.getFirst("tr." + lang + ".description")));
            }
        }
        return new ProfileInput(f.getFirst("type"), f.getFirst("language"), f.getFirst("title"), f.getFirst("summary"),
                f.getFirst("description"), f.getFirst("advantages"), trl, f.getFirst("ipStatus"), f.getFirst("patentNumbers"),
                f.getOrDefault("partnerships", List.of()), f.getFirst("partnerType"), split(f.getFirst("countries")),
                split(f.getFirst("sectors")), split(f.getFirst("keywords")), split(f.getFirst("fosFields")),
                f.getFirst("expiresOn"), f.getFirst("organisation"), f.getFirst("contactEmail"), translations);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of()
                : Arrays.stream(s.split("[,;]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    @GetMapping("/innovation/mine")
    String mine(Model model) {
        TandemUser me = CurrentUser.require();
        vocabulary(model);
        model.addAttribute("mine", profiles.ownedBy(me));
        model.addAttribute("deals", deals.ofUser(me));
        model.addAttribute("meId", me.id());
        return "innovation/mine";
    }

    @PostMapping("/innovation/deals/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        try {
            deals.accept(id, CurrentUser.require());
            redirect.addFlashAttribute("notice", "innovation.done.accept");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/innovation/mine";
    }

    @GetMapping("/innovation/matches")
    String matches(Model model, Locale locale) {
        vocabulary(model);
        TandemUser me = CurrentUser.require();
        model.addAttribute("matches", matches.forUser(me));
        model.addAttribute("people", directoryMatches.forUser(me));
        return "innovation/matches";
    }

    @GetMapping("/innovation/desk")
    String desk(Model model) {
        TandemUser me = CurrentUser.require();
        vocabulary(model);
        model.addAttribute("queue", profiles.inReview(me));
        model.addAttribute("board", deals.board(me));
        model.addAttribute("candidates", outputOffers.candidates(me));
        model.addAttribute("workflow", InnovationWorkflows.DEAL);
        return "innovation/desk";
    }

    /** Staff draft an offer from a project output; it waits for the project lead's confirmation. */
    @PostMapping("/innovation/outputs/{id}/offer")
    String draftFromOutput(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Profile p = outputOffers.draft(id, CurrentUser.require());
            redirect.addFlashAttribute("notice", "innovation.done.propose");
            return "redirect:/innovation/profiles/" + p.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/innovation/desk";
    }

    @PostMapping("/innovation/deals/{id}/stage")
    String stage(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) String on,
                 @RequestParam(required = false) String note, @RequestParam(required = false) String document,
                 @RequestParam(required = false) String value, @RequestParam(required = false) String currency,
                 @RequestParam(required = false) String agreementType, RedirectAttributes redirect) {
        try {
            deals.move(id, action, new Deals.StageInput(on, note, document, value, currency, agreementType),
                    CurrentUser.require());
            redirect.addFlashAttribute("notice", "innovation.done.stage");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/innovation/desk";
    }
}
