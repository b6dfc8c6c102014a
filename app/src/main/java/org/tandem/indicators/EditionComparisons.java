package org.tandem.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotFoundException;

/**
 * A framework's editions side by side: every unit's index rank and score per year and how its
 * rank moved between the two latest editions; for one unit, its score and rank on every
 * aggregate per year. Only editions the reader may see and that have results take part.
 */
@Service
public class EditionComparisons {

    /** Per edition (oldest first) the unit's index rank and score; null where it was not ranked that year. */
    public record Row(String unitCode, Names names, List<Integer> ranks, List<Double> scores) {
        /** Places gained from the previous edition to the latest one (positive = climbed); null without both. */
        public Integer change() {
            if (ranks.size() < 2) {
                return null;
            }
            Integer before = ranks.get(ranks.size() - 2);
            Integer now = ranks.get(ranks.size() - 1);
            return before == null || now == null ? null : before - now;
        }

        public Integer latestRank() {
            return ranks.isEmpty() ? null : ranks.get(ranks.size() - 1);
        }
    }

    /** One aggregate's score and rank per edition for a single unit. */
    public record Line(Indicators.Node node, List<Double> scores, List<Integer> ranks) {
    }

    public record UnitHistory(Row row, List<Line> lines) {
    }

    public record Comparison(String framework, List<Indicators.Edition> editions, List<Row> rows, UnitHistory unit) {
        public List<Integer> years() {
            return editions.stream().map(Indicators.Edition::year).toList();
        }
    }

    private final Indicators indicators;

    EditionComparisons(Indicators indicators) {
        this.indicators = indicators;
    }

    public Comparison compare(String framework, String unitCode, TandemUser reader) {
        List<Indicators.Results> years = indicators.editionsOf(framework, reader).stream()
                .filter(Indicators.Edition::hasResults)
                .sorted(Comparator.comparingInt(Indicators.Edition::year))
                .map(e -> indicators.results(e.id(), reader)).toList();
        if (years.isEmpty()) {
            throw new NotFoundException("framework");
        }
        Map<String, Names> names = indicators.unitNames();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int y = 0; y < years.size(); y++) {
            Indicators.Results r = years.get(y);
            for (Indicators.UnitResult u : r.units()) {
                Row row = rows.computeIfAbsent(u.unitCode(), k -> new Row(k, names.getOrDefault(k, u.names()),
                        nulls(years.size()), nulls(years.size())));
                row.ranks().set(y, u.rank(r.top()));
                row.scores().set(y, u.score(r.top()));
            }
        }
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort(Comparator.comparing(Row::latestRank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Row::unitCode));
        UnitHistory history = null;
        if (unitCode != null && !unitCode.isBlank()) {
            Row row = rows.get(unitCode);
            if (row == null) {
                throw new NotFoundException("unit");
            }
            history = new UnitHistory(row, lines(years, unitCode));
        }
        List<Indicators.Edition> editions = years.stream().map(Indicators.Results::edition).toList();
        return new Comparison(framework, editions, ordered, history);
    }

    /** The aggregates of the latest edition, matched by code in the earlier ones (a framework's codes are stable). */
    private static List<Line> lines(List<Indicators.Results> years, String unitCode) {
        Indicators.Results latest = years.get(years.size() - 1);
        List<Line> lines = new ArrayList<>();
        for (Indicators.Node n : latest.aggregates()) {
            List<Double> scores = nulls(years.size());
            List<Integer> ranks = nulls(years.size());
            for (int y = 0; y < years.size(); y++) {
                for (Indicators.UnitResult u : years.get(y).units()) {
                    if (u.unitCode().equals(unitCode)) {
                        scores.set(y, u.score(n.code()));
                        ranks.set(y, u.rank(n.code()));
                    }
                }
            }
            lines.add(new Line(n, scores, ranks));
        }
        return lines;
    }

    private static <T> List<T> nulls(int n) {
        List<T> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(null);
        }
        return l;
    }
}
