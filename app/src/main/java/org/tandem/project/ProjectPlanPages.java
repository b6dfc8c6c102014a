package org.tandem.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.Problem;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * The work plan of a project with its report due dates, the officers' list of overdue reports
 * and late items across their programmes, the due-date settings, and the report form's autosave.
 */
@Controller
class ProjectPlanPages {

    private final Projects projects;
    private final WorkPlan workPlan;
    private final ReportSchedule schedule;
    private final ReportDrafts drafts;
    private final Programmes programmes;

    ProjectPlanPages(Projects projects, WorkPlan workPlan, ReportSchedule schedule, ReportDrafts drafts, Programmes programmes) {
        this.projects = projects;
        this.workPlan = workPlan;
        this.schedule = schedule;
        this.drafts = drafts;
        this.programmes = programmes;
    }

    @GetMapping("/projects/{id}/plan")
    String plan(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Project p = projects.get(id);
        if (!projects.isInsider(p, me)) {
            throw new NotAllowedException("not an officer or team lead of project " + id);
        }
        workPlan.ensureSeeded(id);
        return planPage(model, p, me, List.of(), Map.of(), null);
    }

    private String planPage(Model model, Project p, TandemUser me, List<Problem> problems, Map<String, String> typed,
                            Long failedItem) {
        model.addAttribute("project", p);
        model.addAttribute("items", workPlan.of(p.id(), me));
        model.addAttribute("dues", schedule.dues(p));
        model.addAttribute("editable", ProjectWorkflow.PROJECT.allows(p.status(), "requestChange"));
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        model.addAttribute("failedItem", failedItem);
        return "project/plan";
    }

    @PostMapping("/projects/{id}/plan")
    String addItem(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return saveItem(id, null, form, model);
    }

    @PostMapping("/projects/{id}/plan/{itemId}")
    String updateItem(@PathVariable long id, @PathVariable long itemId, @RequestParam Map<String, String> form, Model model) {
        return saveItem(id, itemId, form, model);
    }

    private String saveItem(long id, Long itemId, Map<String, String> form, Model model) {
        TandemUser me = CurrentUser.require();
        try {
            workPlan.save(id, itemId, new WorkPlan.ItemInput(form.get("kind"), form.get("title"), form.get("party"),
                    date(form.get("dueOn")), "on".equals(form.get("done")) || "true".equals(form.get("done")),
                    date(form.get("doneOn"))), me);
        } catch (InvalidInputException e) {
            return planPage(model, projects.get(id), me, e.problems(), form, itemId);
        }
        return "redirect:/projects/" + id + "/plan?saved";
    }

    /** Overdue reports of the officer's own parties and late items across their programmes. */
    @GetMapping("/projects/overdue")
    String overdue(Model model) {
        TandemUser me = CurrentUser.require();
        if (!me.has(org.tandem.platform.security.Role.PROGRAMME_OFFICER)) {
            throw new NotAllowedException("officers only");
        }
        return overduePage(model, me, List.of(), Map.of());
    }

    private String overduePage(Model model, TandemUser me, List<Problem> problems, Map<String, String> typed) {
        model.addAttribute("overdue", schedule.overdueFor(me));
        model.addAttribute("late", workPlan.lateFor(me));
        List<Map<String, Object>> settings = new ArrayList<>();
        for (Programme programme : programmes.all()) {
            for (var party : programme.getParties()) {
                if (me.officerParties(programme.getId()).contains(party.getId())) {
                    var s = schedule.setting(programme.getId(), party.getId());
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("programme", programme);
                    row.put("party", party);
                    row.put("setting", s);
                    settings.add(row);
                }
            }
        }
        model.addAttribute("settings", settings);
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        return "project/overdue";
    }

    @PostMapping("/projects/due-settings/{programmeId}/{partyId}")
    String saveSetting(@PathVariable long programmeId, @PathVariable long partyId, @RequestParam Map<String, String> form,
                       Model model) {
        TandemUser me = CurrentUser.require();
        try {
            schedule.setSetting(programmeId, partyId, integer(form.get("graceDays")), integer(form.get("remindDays")), me);
        } catch (InvalidInputException e) {
            return overduePage(model, me, e.problems(), form);
        }
        return "redirect:/projects/overdue?saved";
    }

    /** Saves the report form while the lead types (htmx); answers with a status line. */
    @PostMapping("/projects/{id}/report/draft")
    String saveDraft(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            model.addAttribute("draft", drafts.save(id, form, CurrentUser.require()));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return "project/draft-status";
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
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
