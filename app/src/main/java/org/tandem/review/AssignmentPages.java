package org.tandem.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problem;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/** Each party's officer runs and reviews their own party's reviewer assignment; the other party's is not shown. */
@Controller
class AssignmentPages {

    private final AssignmentRuns runs;
    private final AssignmentJobs jobs;
    private final ReviewerInvitations invitations;
    private final ExpertPools pools;
    private final org.tandem.platform.security.Accounts accounts;
    private final org.tandem.directory.Directory directory;
    private final Calls calls;
    private final Programmes programmes;

    AssignmentPages(AssignmentRuns runs, ExpertPools pools, org.tandem.platform.security.Accounts accounts,
                    org.tandem.directory.Directory directory, Calls calls, Programmes programmes,
                    ReviewerInvitations invitations, AssignmentJobs jobs) {
        this.invitations = invitations;
        this.jobs = jobs;
        this.runs = runs;
        this.pools = pools;
        this.accounts = accounts;
        this.directory = directory;
        this.calls = calls;
        this.programmes = programmes;
    }

    @GetMapping("/officer/calls/{id}/assignment")
    String show(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Call call = calls.get(id);
        Programme programme = programmes.get(call.getProgrammeId());
        Map<Party, Map<String, List<AssignmentRuns.Line>>> mine = new LinkedHashMap<>();
        for (Party p : programme.getParties()) {
            if (me.officerParties(programme.getId()).contains(p.getId())) {
                Map<String, List<AssignmentRuns.Line>> byProposal = new LinkedHashMap<>();
                for (AssignmentRuns.Line l : runs.current(id, p.getId(), me)) {
                    byProposal.computeIfAbsent(l.acronym(), k -> new java.util.ArrayList<>()).add(l);
                }
                mine.put(p, byProposal);
            }
        }
        if (mine.isEmpty()) {
            throw new NotAllowedException("not an officer of the call's programme");
        }
        // The load of every pool member (zero included), so the chart shows who is idle as well as who is full.
        Map<Long, Map<String, Integer>> loadOf = new LinkedHashMap<>();
        mine.forEach((party, byProposal) -> {
            Map<String, Integer> load = new java.util.TreeMap<>();
            pools.pool(programme.getId(), party.getId()).forEach(m -> load.put(m.person().name(), 0));
            byProposal.values().forEach(lines -> lines.stream().filter(l -> !l.status().equals("DECLINED"))
                    .forEach(l -> load.merge(l.expert(), 1, Integer::sum)));
            loadOf.put(party.getId(), load);
        });
        model.addAttribute("loadOf", loadOf);
        Map<Long, List<ExpertPools.Member>> poolOf = new LinkedHashMap<>();
        mine.keySet().forEach(p -> poolOf.put(p.getId(), pools.pool(programme.getId(), p.getId())));
        // Each party's latest background run: its progress while under way, its result and quality after.
        Map<Long, AssignmentJobs.Run> runOf = new LinkedHashMap<>();
        mine.keySet().forEach(p -> jobs.latest(id, p.getId(), me).ifPresent(r -> runOf.put(p.getId(), r)));
        model.addAttribute("runOf", runOf);
        model.addAttribute("runActive", jobs.activeOf(id).isPresent());
        model.addAttribute("call", call);
        model.addAttribute("assignments", mine);
        model.addAttribute("poolOf", poolOf);
        return "review/assignment";
    }

    @PostMapping("/officer/calls/{id}/assignment/replace")
    String replace(@PathVariable long id, @RequestParam long party, @RequestParam long proposal,
                   @RequestParam long oldExpert, @RequestParam long newExpert,
                   @RequestParam(defaultValue = "assignment") String back, RedirectAttributes redirect) {
        try {
            runs.replace(id, party, proposal, oldExpert, newExpert, CurrentUser.require());
            redirect.addFlashAttribute("notice", "assignment.replaced");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        // The progress page offers the same replacement after a decline; return the officer to where they were.
        return "redirect:/officer/calls/" + id + ("reviews".equals(back) ? "/reviews" : "/assignment");
    }

    @PostMapping("/officer/calls/{id}/assignment/invite")
    String invite(@PathVariable long id, @RequestParam long party, RedirectAttributes redirect) {
        try {
            int experts = invitations.invite(id, party, CurrentUser.require(), person -> {
                Long user = directory.person(person).userId();
                return user == null ? null : accounts.get(user);
            });
            redirect.addFlashAttribute("invitedExperts", experts);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/officer/calls/" + id + "/assignment";
    }

    /** Starts a background run; the page then shows its progress until it ends. */
    @PostMapping("/officer/calls/{id}/assignment")
    String run(@PathVariable long id, @RequestParam long party, @RequestParam(defaultValue = "2") int perProposal,
               @RequestParam(defaultValue = "10") int maxLoad, @RequestParam(defaultValue = "fair") String objective,
               RedirectAttributes redirect) {
        try {
            jobs.start(id, party, perProposal, maxLoad, AssignmentRunApi.objective(objective), CurrentUser.require());
            redirect.addFlashAttribute("notice", "assignmentRun.started");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problems", List.of(Problem.of("party", "error." + e.code())));
        }
        return "redirect:/officer/calls/" + id + "/assignment";
    }

    @PostMapping("/officer/calls/{id}/assignment/runs/{run}/cancel")
    String cancel(@PathVariable long id, @PathVariable long run, RedirectAttributes redirect) {
        try {
            jobs.cancel(id, run, CurrentUser.require());
            redirect.addFlashAttribute("notice", "assignmentRun.cancelRequested");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problems", List.of(Problem.of("run", "error." + e.code())));
        }
        return "redirect:/officer/calls/" + id + "/assignment";
    }
}
