package org.tandem.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tandem.platform.security.CurrentUser;

/** Published indices for everyone (analysts also see their drafts here before publishing). */
@Controller
class IndexPages {

    private final Indicators indicators;

    IndexPages(Indicators indicators) {
        this.indicators = indicators;
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
