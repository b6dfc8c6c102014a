package org.tandem.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problem;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * Pages of the projects: the officers' list and project page (contracts, payments, reports),
 * the principal investigator's report form, and the public list and page of funded projects.
 * A refused form is shown again with everything typed and the problems beside it.
 */
@Controller
class ProjectPages {

    private final Projects projects;
    private final Contracts contracts;
    private final Reports reports;
    private final Outputs outputs;
    private final Programmes programmes;
    private final ReportDrafts drafts;
    private final tools.jackson.databind.json.JsonMapper json;

    ProjectPages(Projects projects, Contracts contracts, Reports reports, Outputs outputs, Programmes programmes,
                 ReportDrafts drafts, tools.jackson.databind.json.JsonMapper json) {
        this.drafts = drafts;
        this.json = json;
        this.projects = projects;
        this.contracts = contracts;
        this.reports = reports;
        this.outputs = outputs;
        this.programmes = programmes;
    }

    // ---- officers and teams ------------------------------------------------------------------

    @GetMapping("/projects")
    String officerList(Model model) {
        TandemUser me = CurrentUser.require();
        List<Project> mine = projects.forOfficer(me);
        List<Project> led = projects.ledBy(me);
        List<Project> all = new ArrayList<>(mine);
        led.stream().filter(p -> all.stream().noneMatch(q -> q.id() == p.id())).forEach(all::add);
        model.addAttribute("projects", all);
        model.addAttribute("exportable", me.has(org.tandem.platform.security.Role.PROGRAMME_OFFICER));
        return "project/officer-list";
    }

    @GetMapping("/projects/{id}")
    String page(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Project p = projects.get(id);
        if (!projects.isInsider(p, me)) {
            throw new NotAllowedException("not an officer or team lead of project " + id);
        }
        fill(model, p, me);
        return "project/page";
    }

    private void fill(Model model, Project p, TandemUser me) {
        Programme programme = programmes.get(p.programmeId());
        model.addAttribute("project", p);
        model.addAttribute("programme", programme);
        Map<String, Contracts.Contract> contractOf = new LinkedHashMap<>();
        contracts.contracts(p.id()).forEach(c -> contractOf.put(c.partyCode(), c));
        model.addAttribute("contractOf", contractOf);
        model.addAttribute("reports", reports.of(p.id(), me));
        model.addAttribute("outputs", outputs.of(p.id(), me));
        Map<String, Boolean> ownParty = new LinkedHashMap<>();
        p.parties().forEach(part -> ownParty.put(part.partyCode(), projects.isOfficerOf(p, part.partyId(), me)
                && me.officerParties(p.programmeId()).contains(part.partyId())));
        model.addAttribute("ownParty", ownParty);
        model.addAttribute("signable", ProjectWorkflow.PROJECT.allows(p.status(), "sign"));
        model.addAttribute("leads", p.ledBy(me.id()).isPresent());
        model.addAttribute("running", ProjectWorkflow.RUNNING.equals(p.status()));
        model.addAttribute("outputsOpen", ProjectWorkflow.PROJECT.allows(p.status(), "addOutput"));
        model.addAttribute("outputKinds", Outputs.KINDS);
        model.addAttribute("patentStatuses", Outputs.PATENT_STATUSES);
        model.addAttribute("degrees", Outputs.DEGREES);
        model.addAttribute("genders", Outputs.GENDERS);
        model.addAttribute("publicationTypes", PublicationSources.COAR_TYPES);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
    }

    @PostMapping("/projects/{id}/contracts/{party}")
    String sign(@PathVariable long id, @PathVariable String party, @RequestParam Map<String, String> form, Model model) {
        TandemUser me = CurrentUser.require();
        List<Contracts.TrancheInput> tranches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String year = form.get("trancheYear" + i);
            String amount = form.get("trancheAmount" + i);
            if (blank(year) && blank(amount)) {
                continue;
            }
            tranches.add(new Contracts.TrancheInput(integer(year), null, decimal(amount)));
        }
        try {
            contracts.sign(id, party, new Contracts.ContractInput(form.get("number"), date(form.get("signedOn")),
                    form.get("hostOrganisation"), form.get("piName"), date(form.get("startDate")), date(form.get("endDate")),
                    tranches), me);
        } catch (InvalidInputException e) {
            return again(model, id, me, e.problems(), form);
        }
        return "redirect:/projects/" + id + "?signed";
    }

    @PostMapping("/projects/{id}/payments/{party}")
    String pay(@PathVariable long id, @PathVariable String party, @RequestParam Map<String, String> form, Model model) {
        TandemUser me = CurrentUser.require();
        try {
            Long tranche = form.get("trancheId") == null ? null : Long.valueOf(form.get("trancheId"));
            contracts.pay(id, party, tranche == null ? -1 : tranche, decimal(form.get("amount")), date(form.get("paidOn")),
                    form.get("reference"), me);
        } catch (InvalidInputException e) {
            return again(model, id, me, e.problems(), form);
        }
        return "redirect:/projects/" + id + "?paid";
    }

    @PostMapping("/projects/{id}/reports/{reportId}")
    String decide(@PathVariable long id, @PathVariable long reportId, @RequestParam String decision,
                  @RequestParam(required = false) String comment, Model model) {
        TandemUser me = CurrentUser.require();
        if (reports.get(reportId, me).projectId() != id) {
            throw new NotFoundException("report " + reportId);
        }
        try {
            reports.decide(reportId, "accept".equals(decision), comment, me);
        } catch (InvalidInputException e) {
            return again(model, id, me, e.problems(), comment == null ? Map.of() : Map.of("comment", comment));
        }
        return "redirect:/projects/" + id + "?decided";
    }

    /**
     * An output typed into the form, or a pasted BibTeX / RIS record or Crossref work JSON; the
     * paste fills what the fields leave empty, so a team can correct an imported record.
     */
    @PostMapping("/projects/{id}/outputs")
    String addOutput(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        TandemUser me = CurrentUser.require();
        String record = form.get("record");
        String format = form.getOrDefault("recordFormat", "BIBTEX");
        tools.jackson.databind.JsonNode crossref = null;
        if (!blank(record) && "CROSSREF".equals(format)) {
            try {
                crossref = json.readTree(record);
            } catch (tools.jackson.core.JacksonException e) {
                return again(model, id, me, new org.tandem.platform.validation.Problems()
                        .add("record", "project.output.crossref").list(), form);
            }
        }
        String kind = blank(form.get("kind")) ? null : form.get("kind");
        try {
            outputs.add(id, new Outputs.OutputInput(kind, form.get("title"), form.get("doi"), integer(form.get("year")),
                    form.get("venue"), lines(form.get("authors")), blank(form.get("publicationType")) ? null
                    : form.get("publicationType"), form.get("patentNumber"), form.get("patentOffice"),
                    date(form.get("applicationDate")), date(form.get("grantDate")), blankToNull(form.get("patentStatus")),
                    lines(form.get("holders")), blankToNull(form.get("degree")), blankToNull(form.get("party")),
                    blankToNull(form.get("gender")), form.get("url"), form.get("evidence"), form.containsKey("isPublic"),
                    crossref, !blank(record) && "BIBTEX".equals(format) ? record : null,
                    !blank(record) && "RIS".equals(format) ? record : null), me);
        } catch (InvalidInputException e) {
            return again(model, id, me, e.problems(), form);
        }
        return "redirect:/projects/" + id + "?outputAdded";
    }

    private static List<String> lines(String s) {
        return blank(s) ? List.of() : s.lines().map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private String again(Model model, long id, TandemUser me, List<Problem> problems, Map<String, String> typed) {
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        fill(model, projects.get(id), me);
        return "project/page";
    }

    @GetMapping("/projects/{id}/report")
    String reportForm(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Project p = projects.get(id);
        Project.Part part = p.ledBy(me.id()).orElseThrow(() -> new NotAllowedException("not a team lead of " + id));
        var draft = drafts.find(id, me);
        draft.ifPresent(d -> model.addAttribute("draftSavedAt", d.savedAt()));
        return form(model, p, part, List.of(), draft.map(ReportDrafts.Draft::fields).orElse(Map.of("kind", "ANNUAL", "year", "1")));
    }

    private String form(Model model, Project p, Project.Part part, List<Problem> problems, Map<String, String> typed) {
        model.addAttribute("project", p);
        model.addAttribute("part", part);
        List<Integer> years = new ArrayList<>();
        for (int y = 1; y <= Reports.years(p); y++) {
            years.add(y);
        }
        model.addAttribute("years", years);
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        return "project/report-form";
    }

    @PostMapping("/projects/{id}/report")
    String submitReport(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        TandemUser me = CurrentUser.require();
        Project p = projects.get(id);
        Project.Part part = p.ledBy(me.id()).orElseThrow(() -> new NotAllowedException("not a team lead of " + id));
        List<Reports.SpendingInput> spending = new ArrayList<>();
        List<String> categories = part.categories();
        for (int y = 1; y <= Reports.years(p); y++) {
            for (int c = 0; c < categories.size(); c++) {
                String amount = form.get("spent_" + y + "_" + c);
                if (!blank(amount)) {
                    spending.add(new Reports.SpendingInput(y, categories.get(c), decimal(amount)));
                }
            }
        }
        try {
            reports.submit(id, new Reports.ReportInput(form.get("kind"), integer(form.get("year")), form.get("scientific"),
                    form.get("financialNotes"), spending), me);
        } catch (InvalidInputException e) {
            return form(model, p, part, e.problems(), form);
        }
        return "redirect:/projects/" + id + "?reported";
    }

    // ---- public -----------------------------------------------------------------------------

    @GetMapping("/programmes/{programmeId}/projects")
    String publicList(@PathVariable long programmeId, @RequestParam(required = false) String q, Model model) {
        Programme programme = programmes.get(programmeId);
        String words = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("programme", programme);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("projects", projects.ofProgramme(programmeId).stream()
                .filter(p -> words.isEmpty() || (p.title() + " " + p.acronym() + " " + String.join(" ", ProjectApi.codes(p).values())
                        + " " + String.join(" ", p.parties().stream().map(x -> String.valueOf(x.hostOrganisation())).toList()))
                        .toLowerCase(Locale.ROOT).contains(words))
                .toList());
        return "project/public-list";
    }

    @GetMapping("/programmes/{programmeId}/projects/{id}")
    String publicPage(@PathVariable long programmeId, @PathVariable long id, Model model) {
        Project p = projects.get(id);
        if (p.programmeId() != programmeId) {
            throw new NotFoundException("project " + id);
        }
        model.addAttribute("programme", programmes.get(programmeId));
        model.addAttribute("project", p);
        model.addAttribute("outputs", outputs.of(id, null));
        return "project/public-page";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Unreadable numbers become invalid ones, so the service names the field. */
    private static BigDecimal decimal(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(" ", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return new BigDecimal("-1");
        }
    }

    private static Integer integer(String s) {
        try {
            return blank(s) ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static LocalDate date(String s) {
        try {
            return blank(s) ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
