package org.tandem.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/** The projects dashboard of a programme: a page with charts and tables, and the same figures as JSON. */
@Controller
class ProjectDashboardPages {

    private final ProjectDashboard dashboard;
    private final Programmes programmes;
    private final org.springframework.context.MessageSource messages;

    ProjectDashboardPages(ProjectDashboard dashboard, Programmes programmes,
                          org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.dashboard = dashboard;
        this.programmes = programmes;
    }

    @GetMapping("/projects/dashboard")
    String page(@RequestParam(required = false) Long programme, Model model) {
        TandemUser me = CurrentUser.require();
        List<Programme> readable = programmes.all().stream().filter(p -> ProjectDashboard.mayRead(p, me)).toList();
        // Without a choice: the programme running now if the reader may read it, else the first they may.
        Long current = programmes.current(java.time.Year.now().getValue()).map(Programme::getId).orElse(null);
        long id = programme != null ? programme : readable.stream().filter(p -> p.getId().equals(current)).findFirst()
                .or(() -> readable.stream().findFirst())
                .orElseThrow(() -> new org.tandem.platform.validation.NotAllowedException("no programme to read")).getId();
        ProjectDashboard.Board b = dashboard.board(id, me);
        List<Integer> years = ProjectDashboard.years(b);
        model.addAttribute("b", b);
        model.addAttribute("programmes", readable);
        model.addAttribute("years", years);
        // Per party, the chart's series as comma-separated numbers over the same years (data-* attributes, no inline script).
        Map<String, Map<String, String>> series = new LinkedHashMap<>();
        for (ProjectDashboard.PartyMoney m : b.money()) {
            Map<Integer, ProjectDashboard.Year> byYear = m.years().stream()
                    .collect(Collectors.toMap(ProjectDashboard.Year::year, y -> y));
            Map<String, String> s = new LinkedHashMap<>();
            s.put("planned", join(years, byYear, ProjectDashboard.Year::planned));
            s.put("committed", join(years, byYear, ProjectDashboard.Year::committed));
            s.put("paid", join(years, byYear, ProjectDashboard.Year::paid));
            s.put("spent", join(years, byYear, ProjectDashboard.Year::spent));
            series.put(m.partyCode(), s);
        }
        model.addAttribute("series", series);
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("statusLabels", b.byStatus().keySet().stream()
                .map(st -> messages.getMessage("workflow.project.state." + st, null, locale).replace(",", " "))
                .collect(Collectors.joining(",")));
        model.addAttribute("yearList", years.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return "project/dashboard";
    }

    private static String join(List<Integer> years, Map<Integer, ProjectDashboard.Year> byYear,
                               java.util.function.Function<ProjectDashboard.Year, java.math.BigDecimal> of) {
        return years.stream().map(y -> byYear.containsKey(y) ? of.apply(byYear.get(y)).toPlainString() : "0")
                .collect(Collectors.joining(","));
    }

    @GetMapping(path = "/api/v1/projects/dashboard", produces = "application/json")
    @ResponseBody
    ProjectDashboard.Board api(@RequestParam long programme) {
        TandemUser me = CurrentUser.get().orElseThrow(
                () -> new org.tandem.platform.validation.NotAllowedException("sign in to read the dashboard"));
        return dashboard.board(programme, me);
    }
}
