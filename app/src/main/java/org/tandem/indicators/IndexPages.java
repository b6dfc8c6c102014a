package org.tandem.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.platform.security.CurrentUser;

/** Published indices for everyone (analysts also see their drafts here before publishing). */
@Controller
class IndexPages {

    private final Indicators indicators;
    private final EditionAudits audits;
    private final EditionComparisons comparisons;
    private final EditionReports reports;

    IndexPages(Indicators indicators, EditionAudits audits, EditionComparisons comparisons, EditionReports reports) {
        this.reports = reports;
        this.indicators = indicators;
        this.audits = audits;
        this.comparisons = comparisons;
    }

    @GetMapping("/indices")
    String published(Model model) {
        model.addAttribute("editions", indicators.publishedEditions());
        return "indicators/published";
    }

    @GetMapping("/indices/{id}")
    String results(@PathVariable long id, Model model) {
        var results = indicators.results(id, CurrentUser.get().orElse(null));
        model.addAttribute("results", results);
        model.addAttribute("edition", results.edition());
        return "indicators/results";
    }

    @GetMapping("/indices/{id}/report.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, Locale locale) {
        return download(reports.xlsx(id, CurrentUser.get().orElse(null), locale), id, "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/indices/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        return download(reports.pdf(id, CurrentUser.get().orElse(null), locale), id, "pdf", "application/pdf");
    }

    private static ResponseEntity<byte[]> download(byte[] body, long id, String extension, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("index-" + id + "." + extension).build().toString())
                .body(body);
    }

    @GetMapping("/indices/{id}/audit")
    String audit(@PathVariable long id, Model model) {
        var audit = audits.audit(id, CurrentUser.get().orElse(null));
        model.addAttribute("audit", audit);
        model.addAttribute("edition", audit.edition());
        return "indicators/audit";
    }

    @GetMapping("/indices/frameworks/{framework}")
    String compare(@PathVariable String framework, @RequestParam(required = false) String unit, Model model,
                   Locale locale) {
        var c = comparisons.compare(framework, unit, CurrentUser.get().orElse(null));
        model.addAttribute("comparison", c);
        if (c.unit() != null) {
            model.addAttribute("historyLabels", String.join("|", c.unit().lines().stream()
                    .map(l -> l.node().names().in(locale)).toList()));
            model.addAttribute("historySeries", String.join(";", c.unit().lines().stream()
                    .map(l -> String.join(",", l.scores().stream().map(v -> v == null ? "" : Double.toString(v)).toList()))
                    .toList()));
        }
        return "indicators/compare";
    }

    @GetMapping("/indices/{id}/units/{code}")
    String profile(@PathVariable long id, @PathVariable String code, Model model, Locale locale) {
        var profile = indicators.profile(id, code, CurrentUser.get().orElse(null));
        model.addAttribute("profile", profile);
        model.addAttribute("results", profile.results());
        model.addAttribute("edition", profile.results().edition());
        model.addAttribute("radar", radar(profile, locale));
        return "indicators/profile";
    }

    /** The unit's pillar scores against the mean of all units (its peers), for the radar chart. */
    record Radar(List<String> labels, String unit, String peers) {
    }

    static Radar radar(Indicators.Profile p, Locale locale) {
        var r = p.results();
        int pillarLevel = r.nodes().stream().mapToInt(Indicators.Node::level).max().orElse(1) - 1;
        var pillars = r.level(Math.max(pillarLevel, 1));
        List<String> unit = new ArrayList<>();
        List<String> peers = new ArrayList<>();
        for (var n : pillars) {
            Double v = p.unit().score(n.code());
            unit.add(v == null ? "" : Double.toString(v));
            peers.add(Double.toString(r.units().stream().map(u -> u.score(n.code())).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        }
        return new Radar(pillars.stream().map(n -> n.names().in(locale)).toList(), String.join(",", unit),
                String.join(",", peers));
    }
}
