package org.tandem.innovation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;

/** Incubation cohorts and start-ups, and the Centre's AUTM-style dashboard. */
@Controller
class StartupPages {

    private final Startups startups;
    private final Dashboard dashboard;

    StartupPages(Startups startups, Dashboard dashboard) {
        this.startups = startups;
        this.dashboard = dashboard;
    }

    @GetMapping("/innovation/startups")
    String cohorts(Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("cohorts", startups.cohorts());
        model.addAttribute("mine", startups.foundedBy(me));
        model.addAttribute("staff", me.has(Role.INNOVATION_STAFF));
        model.addAttribute("parties", Dashboard.PARTIES);
        return "innovation/startups";
    }

    @PostMapping("/innovation/cohorts")
    String createCohort(@RequestParam(required = false) String name, @RequestParam(required = false) String party,
                        @RequestParam(required = false) String year, RedirectAttributes redirect) {
        try {
            Startups.Cohort c = startups.createCohort(name, party, integer(year), CurrentUser.require());
            return "redirect:/innovation/cohorts/" + c.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/innovation/startups";
    }

    @GetMapping("/innovation/cohorts/{id}")
    String cohort(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("cohort", startups.cohort(id));
        model.addAttribute("startups", startups.of(id, me));
        model.addAttribute("staff", me.has(Role.INNOVATION_STAFF));
        return "innovation/cohort";
    }

    @PostMapping("/innovation/cohorts/{id}/apply")
    String apply(@PathVariable long id, @RequestParam(required = false) String name,
                 @RequestParam(required = false) String pitch, RedirectAttributes redirect) {
        try {
            Startups.Startup s = startups.apply(id, name, pitch, CurrentUser.require());
            redirect.addFlashAttribute("notice", "innovation.startup.applied");
            return "redirect:/innovation/startups/" + s.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/innovation/cohorts/" + id;
    }

    @GetMapping("/innovation/startups/{id}")
    String startup(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Startups.Startup s = startups.view(id, me);
        model.addAttribute("startup", s);
        model.addAttribute("cohort", startups.cohort(s.cohortId()));
        model.addAttribute("staff", me.has(Role.INNOVATION_STAFF));
        model.addAttribute("founder", s.founderId() == me.id());
        model.addAttribute("workflow", InnovationWorkflows.STARTUP);
        model.addAttribute("reportYears", java.util.stream.IntStream.rangeClosed(1, Startups.REPORT_YEARS).boxed().toList());
        return "innovation/startup";
    }

    @PostMapping("/innovation/startups/{id}/score")
    String score(@PathVariable long id, @RequestParam(required = false) String score,
                 @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return run(id, redirect, "innovation.startup.scored",
                () -> startups.score(id, integer(score), comment, CurrentUser.require()));
    }

    @PostMapping("/innovation/startups/{id}/move")
    String move(@PathVariable long id, @RequestParam String action, RedirectAttributes redirect) {
        return run(id, redirect, "innovation.startup.moved", () -> startups.move(id, action, CurrentUser.require()));
    }

    @PostMapping("/innovation/startups/{id}/report")
    String report(@PathVariable long id, @RequestParam(required = false) String reportYear,
                  @RequestParam(required = false) String revenue, @RequestParam(required = false) String investment,
                  @RequestParam(required = false) String currency, @RequestParam(required = false) String jobs,
                  @RequestParam(required = false) String ipCount, RedirectAttributes redirect) {
        return run(id, redirect, "innovation.startup.reported", () -> startups.report(id, integer(reportYear),
                new Startups.ReportInput(revenue, investment, currency, jobs, ipCount), CurrentUser.require()));
    }

    @GetMapping("/innovation/dashboard")
    String dashboard(@RequestParam(required = false) String party, @RequestParam(required = false) String year,
                     Model model) {
        TandemUser me = CurrentUser.require();
        if (!me.has(Role.INNOVATION_STAFF)) {
            throw new NotAllowedException("innovation staff only");
        }
        String p = party != null && Dashboard.PARTIES.contains(party) ? party : Dashboard.PARTIES.get(0);
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        Integer y = integer(year);
        int chosen = y != null && y >= 2000 && y <= thisYear + 1 ? y : thisYear;
        model.addAttribute("party", p);
        model.addAttribute("year", chosen);
        model.addAttribute("parties", Dashboard.PARTIES);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(thisYear - 9, thisYear).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("figures", dashboard.figures(p, chosen, me));
        model.addAttribute("series", dashboard.series(p, chosen, me));
        model.addAttribute("stages", InnovationWorkflows.PIPELINE);
        return "innovation/dashboard";
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String run(long id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "error." + e.code());
        }
        return "redirect:/innovation/startups/" + id;
    }
}
