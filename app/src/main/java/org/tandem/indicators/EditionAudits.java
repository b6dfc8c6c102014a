package org.tandem.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tandem.engine.index.Framework;
import org.tandem.engine.index.IndexAudit;
import org.tandem.engine.index.IndexComputation;
import org.tandem.engine.index.IndexResult;
import org.tandem.engine.index.Pipeline;
import org.tandem.engine.index.PipelineReader;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotFoundException;

/**
 * The JRC-style statistical audit of a computed edition: correlations of every aggregate's
 * members with each other and with the aggregate (with the engine's flags), Cronbach's alpha
 * and the first principal component's share of variance per aggregate. Computed by the engine
 * in process on the edition's stored data and pipeline, the same route as the computation
 * itself, so the audit always describes exactly the scores on the results page.
 */
@Service
public class EditionAudits {

    /**
     * Colour bands of the heat map; the page writes the band as a CSS class (the policy forbids
     * style attributes) and the number itself, so the colour is never the only carrier.
     */
    static String band(double r) {
        if (Double.isNaN(r)) {
            return "corr-na";
        }
        if (r < IndexAudit.NEGATIVE) {
            return "corr-n2";
        }
        if (r < 0) {
            return "corr-n1";
        }
        if (r < IndexAudit.WEAK) {
            return "corr-p0";
        }
        if (r < 0.6) {
            return "corr-p1";
        }
        return r < IndexAudit.COLLINEAR ? "corr-p2" : "corr-p3";
    }

    /** One correlation; {@code flag} is the engine's ("collinear", "negative", "weak") or empty. */
    public record Cell(double r, String flag) {
        public String band() {
            return EditionAudits.band(r);
        }

        public boolean flagged() {
            return !flag.isEmpty();
        }

        public boolean defined() {
            return !Double.isNaN(r);
        }
    }

    /** Alpha and the first component's share are NaN where undefined (one member, a constant member). */
    public record Group(Indicators.Node aggregate, int children, double alpha, double pcaShare, int completeCases) {
        public boolean alphaDefined() {
            return !Double.isNaN(alpha);
        }

        public boolean pcaDefined() {
            return !Double.isNaN(pcaShare);
        }
    }

    /** An aggregate's members: their correlations with each other (a symmetric matrix) and with the aggregate. */
    public record Block(Indicators.Node aggregate, List<Indicators.Node> members, List<List<Cell>> within,
                        List<Cell> withAggregate, Group group) {
    }

    public record Flagged(Indicators.Node a, Indicators.Node b, String relation, double r, String flag) {
    }

    /** What the outlier treatment did to one indicator, with the skewness and kurtosis it tested. */
    public record Treated(Indicators.Node indicator, String outcome, int winsorised, double skew, double kurtosis) {
        public boolean tested() {
            return !Double.isNaN(skew) && !Double.isNaN(kurtosis);
        }
    }

    /** An aggregate above an indicator (its pillar, sub-index, index) and how the two correlate. */
    public record Ancestor(Indicators.Node node, Cell cell) {
    }

    /** One indicator against every aggregate it feeds, from the nearest to the index. */
    public record Lineage(Indicators.Node indicator, List<Ancestor> ancestors) {
    }

    public record Audit(Indicators.Edition edition, List<Block> blocks, List<Group> groups, List<Flagged> flagged,
                        int units, List<Treated> treatment, List<Integer> ancestorLevels, List<Lineage> lineage) {
        /** The chart's series, one value per group, empty where undefined. */
        public String alphaSeries() {
            return series(groups.stream().mapToDouble(Group::alpha).toArray());
        }

        public String pcaSeries() {
            return series(groups.stream().mapToDouble(Group::pcaShare).toArray());
        }

        private static String series(double[] v) {
            return String.join(",", java.util.Arrays.stream(v).mapToObj(x -> Double.isNaN(x) ? "" : Double.toString(x))
                    .toList());
        }
    }

    private final Indicators indicators;

    EditionAudits(Indicators indicators) {
        this.indicators = indicators;
    }

    /** The audit if the reader may see the edition's results (visitors: published editions only). */
    public Audit audit(long editionId, TandemUser reader) {
        Indicators.Edition e = indicators.edition(editionId, reader);
        if (!e.hasResults()) {
            throw new NotFoundException("audit");
        }
        List<Indicators.Node> nodes = indicators.nodes(editionId);
        Map<String, Indicators.Node> byCode = new LinkedHashMap<>();
        nodes.forEach(n -> byCode.put(n.code(), n));
        Framework f;
        IndexResult r;
        try (EngineFiles files = new EngineFiles()) {
            Indicators.Input in = indicators.input(editionId, nodes, files);
            EngineFiles.writeText(files.pipeline, e.choices().toJson());
            f = in.meta().framework();
            Pipeline pipeline = PipelineReader.read(files.pipeline, f, in.data());
            r = IndexComputation.run(f, in.data(), pipeline);
        }
        List<IndexAudit.Correlation> correlations = IndexAudit.correlations(f, r);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (IndexAudit.GroupStatistics g : IndexAudit.groups(f, r)) {
            groups.put(g.aggregate(), new Group(byCode.get(g.aggregate()), g.children(), g.cronbachAlpha(),
                    g.firstComponentShare(), g.completeCases()));
        }
        List<Block> blocks = new ArrayList<>();
        // Top aggregate first, as the results page orders them.
        for (int l = f.levels(); l >= 2; l--) {
            for (int p = 0; p < f.size(l); p++) {
                String parent = f.code(l, p);
                List<String> members = new ArrayList<>();
                for (int c : f.children(l, p)) {
                    members.add(f.code(l - 1, c));
                }
                blocks.add(block(byCode, parent, members, correlations, groups.get(parent)));
            }
        }
        List<Flagged> flagged = correlations.stream().filter(c -> !c.flag().isEmpty())
                .map(c -> new Flagged(byCode.get(c.a()), byCode.get(c.b()), c.relation(), c.r(), c.flag())).toList();
        List<Group> orderedGroups = blocks.stream().map(Block::group).toList();
        List<Treated> treated = new ArrayList<>();
        String[] indicatorCodes = f.indicatorCodes();
        for (int i = 0; i < r.treatment().size(); i++) {
            var t = r.treatment().get(i);
            treated.add(new Treated(byCode.get(indicatorCodes[i]), t.outcome().name(), t.winsorised(), t.skew(), t.kurtosis()));
        }
        // The JRC also reads each indicator against every level above it: an indicator weakly tied to the
        // index contributes little to it, whatever its tie to its own pillar.
        List<Integer> levels = new ArrayList<>();
        for (int l = 2; l <= f.levels(); l++) {
            levels.add(l);
        }
        List<Lineage> lineage = new ArrayList<>();
        for (int i = 0; i < indicatorCodes.length; i++) {
            List<Ancestor> above = new ArrayList<>();
            for (int l : levels) {
                int a = f.ancestorAt(l)[i];
                double c = IndexAudit.pearson(r.levels()[0][i], r.levels()[l - 1][a]);
                above.add(new Ancestor(byCode.get(f.code(l, a)), new Cell(c, c < IndexAudit.WEAK ? "weak" : "")));
            }
            lineage.add(new Lineage(byCode.get(indicatorCodes[i]), above));
        }
        return new Audit(e, blocks, orderedGroups, flagged, r.unitCodes().length, treated, levels, lineage);
    }

    private static Block block(Map<String, Indicators.Node> byCode, String parent, List<String> members,
                               List<IndexAudit.Correlation> correlations, Group group) {
        int n = members.size();
        Cell[][] m = new Cell[n][n];
        Cell[] withParent = new Cell[n];
        for (int i = 0; i < n; i++) {
            m[i][i] = new Cell(1, "");
        }
        for (IndexAudit.Correlation c : correlations) {
            if (!c.group().equals(parent)) {
                continue;
            }
            int a = members.indexOf(c.a());
            if (c.relation().equals("parent")) {
                withParent[a] = new Cell(c.r(), c.flag());
            } else {
                int b = members.indexOf(c.b());
                m[a][b] = new Cell(c.r(), c.flag());
                m[b][a] = m[a][b];
            }
        }
        List<List<Cell>> within = new ArrayList<>();
        for (Cell[] row : m) {
            within.add(List.of(row));
        }
        return new Block(byCode.get(parent), members.stream().map(byCode::get).toList(), within, List.of(withParent), group);
    }
}
