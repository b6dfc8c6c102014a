package org.tandem.project;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.multipart.MultipartFile;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.Problem;

/**
 * The change requests of a project: the list with each party's decision, the form to raise one
 * (with the other side's confirmation), and the officers' approve and reject buttons. A refused
 * form comes back with everything typed; the file has to be chosen again (browsers do not let a
 * page refill a file field).
 */
@Controller
class ChangeRequestPages {

    private final Projects projects;
    private final ChangeRequests changes;

    ChangeRequestPages(Projects projects, ChangeRequests changes) {
        this.projects = projects;
        this.changes = changes;
    }

    @GetMapping("/projects/{id}/changes")
    String list(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        return page(model, projects.get(id), me, List.of(), Map.of());
    }

    private String page(Model model, Project p, TandemUser me, List<Problem> problems, Map<String, String> typed) {
        if (!projects.isInsider(p, me)) {
            throw new NotAllowedException("not an officer or team lead of project " + p.id());
        }
        model.addAttribute("project", p);
        model.addAttribute("changes", changes.of(p.id(), me));
        // The parties whose side this user may change, and those they decide for.
        List<Project.Part> raisable = new ArrayList<>();
        List<String> decides = new ArrayList<>();
        for (Project.Part part : p.parties()) {
            boolean officer = projects.isOfficerOf(p, part.partyId(), me) && me.officerParties(p.programmeId()).contains(part.partyId());
            boolean lead = part.piUserId() != null && part.piUserId() == me.id();
            if (officer || lead) {
                raisable.add(part);
            }
            if (officer) {
                decides.add(part.partyCode());
            }
        }
        model.addAttribute("raisable", raisable);
        // The budget form starts from the current lines, so a transfer is a matter of two edits.
        Map<String, String> budgetValues = new LinkedHashMap<>();
        for (Project.Part part : raisable) {
            List<String> categories = part.categories();
            for (int y : years(p)) {
                for (int c = 0; c < categories.size(); c++) {
                    int year = y;
                    String category = categories.get(c);
                    budgetValues.put("budget_" + part.partyCode() + "_" + y + "_" + c, part.budget().stream()
                            .filter(l -> l.year() == year && l.category().equals(category)).findFirst()
                            .map(l -> l.amount().toPlainString()).orElse("0"));
                }
            }
        }
        model.addAttribute("budgetValues", budgetValues);
        model.addAttribute("decides", decides);
        model.addAttribute("years", years(p));
        model.addAttribute("open", ProjectWorkflow.PROJECT.allows(p.status(), "requestChange"));
        model.addAttribute("running", p.endDate() != null);
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        return "project/changes";
    }

    private static List<Integer> years(Project p) {
        List<Integer> years = new ArrayList<>();
        for (int y = 1; y <= Reports.years(p); y++) {
            years.add(y);
        }
        return years;
    }

    @PostMapping("/projects/{id}/changes")
    String raise(@PathVariable long id, @RequestParam Map<String, String> form,
                 @RequestParam(name = "confirmation", required = false) MultipartFile file, Model model) throws IOException {
        TandemUser me = CurrentUser.require();
        Project p = projects.get(id);
        String kind = form.get("kind");
        String party = form.get("party");
        List<ChangeRequests.BudgetLineInput> budget = new ArrayList<>();
        if ("BUDGET".equals(kind) && party != null) {
            Project.Part part = p.partByCode(party).orElse(null);
            if (part != null) {
                for (int y : years(p)) {
                    List<String> categories = part.categories();
                    for (int c = 0; c < categories.size(); c++) {
                        String amount = form.get("budget_" + party + "_" + y + "_" + c);
                        if (amount != null && !amount.isBlank()) {
                            budget.add(new ChangeRequests.BudgetLineInput(y, categories.get(c), decimal(amount)));
                        }
                    }
                    String extra = form.get("budget_" + party + "_new");
                    String amount = form.get("budget_" + party + "_" + y + "_new");
                    if (extra != null && !extra.isBlank() && amount != null && !amount.isBlank()) {
                        budget.add(new ChangeRequests.BudgetLineInput(y, extra, decimal(amount)));
                    }
                }
            }
        }
        List<String> members = form.get("members") == null ? null : Arrays.asList(form.get("members").split("\\R"));
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        try {
            changes.raise(id, new ChangeRequests.ChangeInput(kind, party, form.get("reason"), budget, form.get("piName"),
                    form.get("piEmail"), form.get("piUsername"), members, date(form.get("endDate")),
                    file == null ? null : file.getOriginalFilename(), bytes), me);
        } catch (InvalidInputException e) {
            return page(model, p, me, e.problems(), new LinkedHashMap<>(form));
        }
        return "redirect:/projects/" + id + "/changes?raised";
    }

    @PostMapping("/projects/{id}/changes/{changeId}/{decision:approve|reject}")
    String decide(@PathVariable long id, @PathVariable long changeId, @PathVariable String decision,
                  @RequestParam(required = false) String party, @RequestParam(required = false) String comment, Model model) {
        TandemUser me = CurrentUser.require();
        try {
            if ("approve".equals(decision)) {
                changes.approve(id, changeId, party, comment, me);
            } else {
                changes.reject(id, changeId, party, comment, me);
            }
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            if (comment != null) {
                typed.put("comment" + changeId, comment);
            }
            return page(model, projects.get(id), me, e.problems(), typed);
        }
        return "redirect:/projects/" + id + "/changes?decided";
    }

    @PostMapping("/projects/{id}/changes/{changeId}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long changeId) {
        changes.withdraw(id, changeId, CurrentUser.require());
        return "redirect:/projects/" + id + "/changes?withdrawn";
    }

    @GetMapping("/projects/{id}/changes/{changeId}/confirmation")
    ResponseEntity<InputStreamResource> confirmation(@PathVariable long id, @PathVariable long changeId) {
        TandemUser me = CurrentUser.require();
        ChangeRequests.Change c = changes.get(id, changeId, me);
        InputStream in = changes.confirmation(id, changeId, me);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.confirmationName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(in));
    }

    /** Unreadable numbers become invalid ones, so the service names the field. */
    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s.strip().replace(" ", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return new BigDecimal("-1");
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
