package org.tandem.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problem;

/** The analyst's workspace: editions, import, data availability, pipeline choices, computation and publication. */
@Controller
class IndicatorPages {

    private final Indicators indicators;
    private final ProgrammeScoreboard scoreboard;

    IndicatorPages(Indicators indicators, ProgrammeScoreboard scoreboard) {
        this.indicators = indicators;
        this.scoreboard = scoreboard;
    }

    @GetMapping("/analyst/indicators/scoreboard")
    String scoreboard(@RequestParam(required = false) Long programme, Model model, java.util.Locale locale) {
        var board = scoreboard.board(programme, CurrentUser.require());
        model.addAttribute("board", board);
        if (board != null) {
            // The chart's series: submitted and funded proposals per call.
            model.addAttribute("callLabels", String.join("|", board.calls().stream().map(t -> t.names().in(locale)).toList()));
            model.addAttribute("callProposals", String.join(",", board.calls().stream()
                    .map(t -> Integer.toString(t.proposals())).toList()));
            model.addAttribute("callFunded", String.join(",", board.calls().stream()
                    .map(t -> Integer.toString(t.funded())).toList()));
        }
        return "indicators/scoreboard";
    }

    @PostMapping("/analyst/indicators/editions/{id}/scoreboard")
    String importScoreboard(@PathVariable long id, @RequestParam(required = false) Long programme,
                            @RequestParam ProgrammeScoreboard.UnitKind units, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            scoreboard.importInto(id, programme, units, CurrentUser.require());
            redirect.addFlashAttribute("notice", "indicators.import.done");
        });
    }

    @GetMapping("/analyst/indicators")
    String editions(Model model) {
        model.addAttribute("editions", indicators.editions(CurrentUser.require()));
        return "indicators/editions";
    }

    @PostMapping("/analyst/indicators")
    String create(@RequestParam String framework, @RequestParam(defaultValue = "0") String year,
                  @RequestParam String titleEn, @RequestParam(required = false) String titleVi,
                  @RequestParam(required = false) String titleRu, RedirectAttributes redirect) {
        try {
            int y;
            try {
                y = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("year", "indicators.edition.badYear");
            }
            var e = indicators.createEdition(framework.strip(), y, new Names(titleEn.strip(), titleVi, titleRu),
                    CurrentUser.require());
            return "redirect:/analyst/indicators/editions/" + e.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
            return "redirect:/analyst/indicators";
        }
    }

    @GetMapping("/analyst/indicators/editions/{id}")
    String edition(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Indicators.requireAnalyst(me);
        var e = indicators.edition(id, me);
        model.addAttribute("edition", e);
        model.addAttribute("nodes", indicators.nodes(id));
        model.addAttribute("run", indicators.latestRun(id).orElse(null));
        model.addAttribute("imputes", PipelineChoices.Impute.values());
        model.addAttribute("normalisations", PipelineChoices.Normalise.values());
        model.addAttribute("aggregations", PipelineChoices.Aggregate.values());
        // Decided here, not in the template: SpEL may pick Workflow.allows(Enum, …) for a String state.
        model.addAttribute("canCompute", EditionWorkflow.EDITIONS.allows(e.state(), "compute") && e.importedAt() != null);
        model.addAttribute("canUncertainty", EditionWorkflow.EDITIONS.allows(e.state(), "uncertainty"));
        model.addAttribute("canPublish", EditionWorkflow.EDITIONS.allows(e.state(), "publish"));
        model.addAttribute("scoreboardUnits", ProgrammeScoreboard.UnitKind.values());
        return "indicators/edition";
    }

    @PostMapping("/analyst/indicators/editions/{id}/import")
    String importData(@PathVariable long id, @RequestParam(required = false) MultipartFile workbook,
                      @RequestParam(required = false) MultipartFile meta, @RequestParam(required = false) MultipartFile data,
                      RedirectAttributes redirect) throws IOException {
        TandemUser me = CurrentUser.require();
        try {
            if (workbook != null && !workbook.isEmpty()) {
                try (InputStream in = workbook.getInputStream()) {
                    indicators.importXlsx(id, in, me);
                }
            } else if (meta != null && !meta.isEmpty() && data != null && !data.isEmpty()) {
                try (InputStream m = meta.getInputStream(); InputStream d = data.getInputStream()) {
                    indicators.importCsv(id, m, d, me);
                }
            } else {
                throw InvalidInputException.of("file", "indicators.import.noFile");
            }
            redirect.addFlashAttribute("notice", "indicators.import.done");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problems", java.util.List.of(Problem.of("state", "error." + e.code())));
        }
        return "redirect:/analyst/indicators/editions/" + id;
    }

    @PostMapping("/analyst/indicators/editions/{id}/pipeline")
    String pipeline(@PathVariable long id, @RequestParam PipelineChoices.Impute impute,
                    @RequestParam(defaultValue = "false") boolean treat, @RequestParam PipelineChoices.Normalise normalise,
                    @RequestParam PipelineChoices.Aggregate aggregate, @RequestParam(defaultValue = "0.25") String weightsNoise,
                    @RequestParam(defaultValue = "") String screen, @RequestParam(defaultValue = "5") String maxPoints,
                    @RequestParam(defaultValue = "2") String maxSkew, @RequestParam(defaultValue = "3.5") String maxKurtosis,
                    @RequestParam(defaultValue = "0") String rangeLow, @RequestParam(defaultValue = "100") String rangeHigh,
                    RedirectAttributes redirect) {
        try {
            // An unreadable number becomes a value the choices' own check refuses, so every mistake is reported at once.
            Double share = DataImport.number(screen);
            Double points = DataImport.number(maxPoints);
            indicators.configure(id, new PipelineChoices(impute, treat, normalise, aggregate, orNaN(weightsNoise),
                    screen.isBlank() ? null : share == null ? Double.NaN : share / 100,
                    points == null || points != Math.rint(points) ? -1 : points.intValue(), orNaN(maxSkew),
                    orNaN(maxKurtosis), orNaN(rangeLow), orNaN(rangeHigh)), CurrentUser.require());
            redirect.addFlashAttribute("notice", "indicators.pipeline.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problems", java.util.List.of(Problem.of("state", "error." + e.code())));
        }
        return "redirect:/analyst/indicators/editions/" + id;
    }

    private static double orNaN(String number) {
        Double v = DataImport.number(number);
        return v == null ? Double.NaN : v;
    }

    @PostMapping("/analyst/indicators/editions/{id}/compute")
    String compute(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> indicators.requestCompute(id, CurrentUser.require()));
    }

    @PostMapping("/analyst/indicators/editions/{id}/uncertainty")
    String uncertainty(@PathVariable long id, @RequestParam(defaultValue = "1000") String replications,
                       @RequestParam(defaultValue = "1") String seed, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Double n = DataImport.number(replications);
            Double s = DataImport.number(seed);
            if (n == null || n != Math.rint(n) || s == null || s != Math.rint(s)) {
                throw InvalidInputException.of("replications", "indicators.uncertainty.badReplications", 10, 10_000);
            }
            indicators.requestUncertainty(id, n.intValue(), s.longValue(), CurrentUser.require());
        });
    }

    @PostMapping("/analyst/indicators/editions/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        act(id, redirect, () -> indicators.publish(id, CurrentUser.require()));
        return "redirect:/analyst/indicators/editions/" + id;
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problems", java.util.List.of(Problem.of("state", "error." + e.code())));
        }
        return "redirect:/analyst/indicators/editions/" + id;
    }

    /** What the progress bar polls. */
    @GetMapping("/analyst/indicators/editions/{id}/status")
    @ResponseBody
    Map<String, Object> status(@PathVariable long id) {
        TandemUser me = CurrentUser.require();
        Indicators.requireAnalyst(me);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", indicators.edition(id, me).state());
        indicators.latestRun(id).ifPresent(r -> {
            m.put("run", r.id());
            m.put("kind", r.kind());
            m.put("status", r.status());
            m.put("progress", r.progress());
        });
        return m;
    }

    @GetMapping("/analyst/indicators/editions/{id}/availability")
    String availability(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("edition", indicators.edition(id, me));
        model.addAttribute("availability", indicators.availability(id, me));
        return "indicators/availability";
    }
}
