package org.tandem.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.validation.NotFoundException;

/** Public read API: published editions of composite indices and their results. */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators")
class IndicatorsApi {

    private final Indicators indicators;

    IndicatorsApi(Indicators indicators) {
        this.indicators = indicators;
    }

    record EditionJson(long id, String framework, int year, Map<String, String> titles, Instant publishedAt) {
    }

    record NodeJson(String code, int level, String type, String parent, Map<String, String> names, Integer direction,
                    Double weight, String unit, String source) {
    }

    record UnitJson(String uCode, Map<String, String> names, Integer rank, Map<String, Double> scores,
                    Map<String, Integer> ranks) {
    }

    record IntervalJson(String uCode, double nominalRank, double medianRank, double q05Rank, double q95Rank) {
    }

    record ResultsJson(EditionJson edition, List<NodeJson> framework, List<UnitJson> units, List<IntervalJson> rankIntervals) {
    }

    @GetMapping("/editions")
    @Operation(summary = "Published editions of composite indices")
    List<EditionJson> editions() {
        return indicators.publishedEditions().stream().map(IndicatorsApi::json).toList();
    }

    @GetMapping("/editions/{id}/results")
    @Operation(summary = "Scores and ranks of every unit on every level of a published edition")
    ResultsJson results(@PathVariable long id) {
        // Drafts do not exist for the API, whoever calls it.
        var r = indicators.results(id, null);
        if (!r.edition().published()) {
            throw new NotFoundException("edition");
        }
        return new ResultsJson(json(r.edition()),
                r.nodes().stream().map(n -> new NodeJson(n.code(), n.level(), n.type(), n.parent(), names(n.names()),
                        n.direction(), n.weight(), n.measure(), n.source())).toList(),
                r.units().stream().map(u -> new UnitJson(u.unitCode(), names(u.names()), u.rank(r.top()), u.scores(),
                        u.ranks())).toList(),
                r.intervals().stream().map(i -> new IntervalJson(i.unitCode(), i.nominal(), i.median(), i.q05(), i.q95()))
                        .toList());
    }

    private static EditionJson json(Indicators.Edition e) {
        return new EditionJson(e.id(), e.framework(), e.year(), names(e.titles()), e.publishedAt());
    }

    private static Map<String, String> names(Names n) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", n.en());
        m.put("vi", n.vi());
        m.put("ru", n.ru());
        return m;
    }
}
