package org.tandem.project;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
import org.tandem.project.AcceptanceRule.Criterion;
import org.tandem.project.AcceptanceRule.Grade;

/**
 * A party's acceptance page: its councils with every member's grades, the rule's result and
 * why; for the party's officers the forms to form a council, record a member's grades and
 * conclude. Also the party's documents as PDF: the council's minutes and the contract.
 */
@Controller
class AcceptancePages {

    /** A council with the rule's result once every grade is in. */
    public record View(Acceptance.Council council, AcceptanceRule.Result result) {
    }

    private final Projects projects;
    private final Acceptance acceptance;
    private final Contracts contracts;
    private final Outputs outputs;
    private final ProjectDocuments documents;

    AcceptancePages(Projects projects, Acceptance acceptance, Contracts contracts, Outputs outputs,
                    ProjectDocuments documents) {
        this.projects = projects;
        this.acceptance = acceptance;
        this.contracts = contracts;
        this.outputs = outputs;
        this.documents = documents;
    }

    @GetMapping("/projects/{id}/acceptance/{party}")
    String page(@PathVariable long id, @PathVariable String party, Model model) {
        TandemUser me = CurrentUser.require();
        return show(model, id, party, me, List.of(), Map.of());
    }

    private String show(Model model, long id, String party, TandemUser me, List<Problem> problems, Map<String, String> typed) {
        Project p = projects.get(id);
        List<Acceptance.Council> councils = acceptance.of(id, party, me);
        Project.Part part = p.partByCode(party).orElseThrow();
        boolean own = projects.isOfficerOf(p, part.partyId(), me) && me.officerParties(p.programmeId()).contains(part.partyId());
        model.addAttribute("project", p);
        model.addAttribute("part", part);
        model.addAttribute("own", own);
        model.addAttribute("councils", councils.stream().map(c -> new View(c, acceptance.evaluate(c).orElse(null))).toList());
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("grades", Grade.values());
        boolean formable = own && acceptance.formable(p, part.partyId());
        model.addAttribute("formable", formable);
        if (formable) {
            model.addAttribute("candidates", acceptance.candidates(id, party, me));
            if (!typed.containsKey("products")) {
                // The outputs the team recorded are the natural list of what it promised and delivered.
                typed = new LinkedHashMap<>(typed);
                typed.put("products", String.join("\n", outputs.of(id, me).stream().map(Outputs.Output::title).toList()));
            }
        }
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        return "project/acceptance";
    }

    @PostMapping("/projects/{id}/acceptance/{party}")
    String form(@PathVariable long id, @PathVariable String party, @RequestParam MultiValueMap<String, String> form,
                Model model) {
        TandemUser me = CurrentUser.require();
        List<Long> members = new ArrayList<>();
        for (String m : form.getOrDefault("member", List.of())) {
            try {
                members.add(Long.valueOf(m.strip()));
            } catch (NumberFormatException e) {
                members.add(-1L);
            }
        }
        String products = form.getFirst("products") == null ? "" : form.getFirst("products");
        try {
            acceptance.form(id, party, members, List.of(products.split("\\R")), me);
        } catch (InvalidInputException e) {
            return show(model, id, party, me, e.problems(), Map.of("products", products));
        }
        return "redirect:/projects/" + id + "/acceptance/" + party + "?formed";
    }

    @PostMapping("/projects/{id}/acceptance/{party}/{council}/grades")
    String grade(@PathVariable long id, @PathVariable String party, @PathVariable long council,
                 @RequestParam Map<String, String> form, Model model) {
        TandemUser me = CurrentUser.require();
        Acceptance.Council c = belonging(id, party, council, me);
        long member;
        try {
            member = Long.parseLong(form.getOrDefault("member", "").strip());
        } catch (NumberFormatException e) {
            member = -1;
        }
        Map<Long, Map<Criterion, Grade>> grades = new LinkedHashMap<>();
        for (Acceptance.Product p : c.products()) {
            Map<Criterion, Grade> g = new EnumMap<>(Criterion.class);
            for (Criterion criterion : Criterion.values()) {
                String v = form.get("grade_" + p.id() + "_" + criterion);
                for (Grade grade : Grade.values()) {
                    if (grade.name().equals(v)) {
                        g.put(criterion, grade);
                    }
                }
            }
            grades.put(p.id(), g);
        }
        try {
            acceptance.grade(council, member, grades, me);
        } catch (InvalidInputException e) {
            return show(model, id, party, me, e.problems(), form);
        }
        return "redirect:/projects/" + id + "/acceptance/" + party + "?graded";
    }

    @PostMapping("/projects/{id}/acceptance/{party}/{council}/conclude")
    String conclude(@PathVariable long id, @PathVariable String party, @PathVariable long council, Model model) {
        TandemUser me = CurrentUser.require();
        belonging(id, party, council, me);
        try {
            acceptance.conclude(council, me);
        } catch (InvalidInputException e) {
            return show(model, id, party, me, e.problems(), Map.of());
        }
        return "redirect:/projects/" + id + "/acceptance/" + party + "?concluded";
    }

    /** The minutes of a concluded council, in the party's language. */
    @GetMapping("/projects/{id}/acceptance/{party}/{council}/minutes.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable long id, @PathVariable String party, @PathVariable long council) {
        TandemUser me = CurrentUser.require();
        Acceptance.Council c = belonging(id, party, council, me);
        AcceptanceRule.Result result = acceptance.evaluate(c).filter(r -> c.concludedAt() != null)
                .orElseThrow(() -> new NotFoundException("minutes of council " + council));
        Project p = projects.get(id);
        byte[] body = documents.minutes(p, p.partByCode(party).orElseThrow(), c, result);
        return pdf(body, "acceptance-" + party + "-" + council + ".pdf");
    }

    /** A party's contract, from the party's template in its language; for the project's officers and teams. */
    @GetMapping("/projects/{id}/contracts/{party}/contract.pdf")
    ResponseEntity<byte[]> contract(@PathVariable long id, @PathVariable String party) {
        TandemUser me = CurrentUser.require();
        Project p = projects.get(id);
        if (!projects.isInsider(p, me)) {
            throw new NotAllowedException("not an officer or team lead of project " + id);
        }
        Project.Part part = p.partByCode(party).orElseThrow(() -> new NotFoundException("party " + party));
        Contracts.Contract c = contracts.contract(id, part.partyId())
                .orElseThrow(() -> new NotFoundException("contract of " + party));
        return pdf(documents.contract(p, part, c), "contract-" + party + "-" + id + ".pdf");
    }

    private Acceptance.Council belonging(long id, String party, long council, TandemUser me) {
        Acceptance.Council c = acceptance.get(council, me);
        if (c.projectId() != id || !c.partyCode().equals(party)) {
            throw new NotFoundException("council " + council);
        }
        return c;
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
