package org.tandem.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotFoundException;

/**
 * The projects for other systems (fixed contract): the list and each project are public; the
 * outputs of a project are public where its teams made them so; reports are for the project's
 * officers and teams, with bearer tokens.
 */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects")
class ProjectApi {

    private final Projects projects;
    private final Contracts contracts;
    private final Reports reports;
    private final Outputs outputs;

    ProjectApi(Projects projects, Contracts contracts, Reports reports, Outputs outputs) {
        this.projects = projects;
        this.contracts = contracts;
        this.reports = reports;
        this.outputs = outputs;
    }

    record Budget(BigDecimal amount, String currency) {
    }

    record PartyJson(String party, String code, String hostOrganisation, String principalInvestigator, Budget budget) {
    }

    record Summary(long id, Map<String, String> codes, String title, long callId, String status, LocalDate startDate,
                   LocalDate endDate, List<PartyJson> parties) {
    }

    record Detail(long id, Map<String, String> codes, String acronym, String title, String abstractText,
                  List<String> keywords, long callId, long programmeId, String status, LocalDate startDate,
                  LocalDate endDate, Integer durationMonths, Integer trlStart, Integer trlEnd, List<PartyJson> parties,
                  List<Contracts.Contract> contracts) {
    }

    record Decision(Boolean accept, String comment) {
    }

    static Summary summary(Project p) {
        return new Summary(p.id(), codes(p), p.title(), p.callId(), p.status(), p.startDate(), p.endDate(), parties(p));
    }

    static Map<String, String> codes(Project p) {
        Map<String, String> codes = new LinkedHashMap<>();
        p.parties().forEach(part -> codes.put(part.partyCode(), part.code()));
        return codes;
    }

    static List<PartyJson> parties(Project p) {
        return p.parties().stream().map(part -> new PartyJson(part.partyCode(), part.code(), part.hostOrganisation(),
                part.piName(), new Budget(part.budgetTotal(), part.currency()))).toList();
    }

    @GetMapping
    @Operation(summary = "Funded joint projects (public); filter by call, status or words of the title")
    List<Summary> list(@RequestParam(required = false) Long callId, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String q) {
        String words = q == null ? null : q.strip().toLowerCase(Locale.ROOT);
        return projects.all().stream()
                .filter(p -> callId == null || p.callId() == callId)
                .filter(p -> status == null || p.status().equalsIgnoreCase(status))
                .filter(p -> words == null || words.isEmpty() || (p.title() + " " + p.acronym() + " "
                        + String.join(" ", codes(p).values())).toLowerCase(Locale.ROOT).contains(words))
                .map(ProjectApi::summary).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project (public); its contracts too for its officers and teams")
    Detail get(@PathVariable long id) {
        Project p = projects.get(id);
        TandemUser me = CurrentUser.get().orElse(null);
        List<Contracts.Contract> visible = !projects.isInsider(p, me) ? List.of()
                : contracts.contracts(id).stream().filter(c -> projects.isOfficer(p, me)
                        || p.ledBy(me.id()).map(part -> part.partyId() == c.partyId()).orElse(false)).toList();
        return new Detail(p.id(), codes(p), p.acronym(), p.title(), p.abstractText(), p.keywords(), p.callId(),
                p.programmeId(), p.status(), p.startDate(), p.endDate(), p.durationMonths(), p.trlStart(), p.trlEnd(),
                parties(p), visible);
    }

    @GetMapping("/{id}/outputs")
    @Operation(summary = "The project's outputs: all for its officers and teams, the public ones for others")
    List<Outputs.Output> outputs(@PathVariable long id) {
        return outputs.of(id, CurrentUser.get().orElse(null));
    }

    @PostMapping("/{id}/outputs")
    @Operation(summary = "Add an output; a publication may come as a Crossref work (crossref), a BibTeX entry (bibtex) or a RIS record (ris)")
    ResponseEntity<Outputs.Output> addOutput(@PathVariable long id, @RequestBody Outputs.OutputInput body) {
        Outputs.Output o = outputs.add(id, body, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/outputs/" + o.id())).body(o);
    }

    @GetMapping("/{id}/reports")
    @Operation(summary = "The project's reports with every version, for its officers and teams")
    List<Reports.Report> reports(@PathVariable long id) {
        return reports.of(id, CurrentUser.require());
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "File the caller's team's report, or a new version of a returned one")
    ResponseEntity<Reports.Report> submit(@PathVariable long id, @RequestBody Reports.ReportInput body) {
        Reports.Report r = reports.submit(id, body, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/reports/" + r.id())).body(r);
    }

    @PostMapping("/{id}/reports/{reportId}/decision")
    @Operation(summary = "The party's officer accepts the report or returns it with a comment")
    Reports.Report decide(@PathVariable long id, @PathVariable long reportId, @RequestBody Decision body) {
        Reports.Report r = reports.get(reportId, CurrentUser.require());
        if (r.projectId() != id) {
            throw new NotFoundException("report " + reportId);
        }
        return reports.decide(reportId, Boolean.TRUE.equals(body.accept()), body.comment(), CurrentUser.require());
    }

    @PostMapping("/{id}/contracts/{party}")
    @Operation(summary = "The party's officer records its signed contract; the last signature starts the project")
    Contracts.Contract sign(@PathVariable long id, @PathVariable String party, @RequestBody Contracts.ContractInput body) {
        return contracts.sign(id, party, body, CurrentUser.require());
    }
}
