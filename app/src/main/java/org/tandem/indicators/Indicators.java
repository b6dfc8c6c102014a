package org.tandem.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.engine.index.IndexAudit;
import org.tandem.engine.index.IndexData;
import org.tandem.engine.index.IndexFiles;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;

/**
 * Composite indices: editions of a framework (one per year) with their indicator tree and data,
 * the analyst's pipeline choices, computation through the engine (in the background, see
 * {@link IndexRuns}) and publication. Visitors see published editions only.
 */
@Service
public class Indicators {

    public record Unit(String code, String kind, Names names) {
    }

    public record Edition(long id, String framework, int year, Names titles, String state, PipelineChoices choices,
                          Instant importedAt, Instant computedAt, Instant publishedAt) {
        public boolean published() {
            return EditionWorkflow.PUBLISHED.equals(state);
        }

        public boolean hasResults() {
            return !EditionWorkflow.DRAFT.equals(state);
        }
    }

    /** A node of the indicator tree (a row of COINr's iMeta). Level 0 for groups, denominators and others. */
    public record Node(String code, int position, int level, String type, String parent, Names names, Integer direction,
                       Double weight, String measure, String source, Double target, String denominator) {
    }

    public record Run(long id, String kind, String status, int progress, String message, Instant requestedAt,
                      Instant finishedAt) {
    }

    /** One unit's scores by node code, and its rank on every node. */
    public record UnitResult(String unitCode, Names names, Map<String, Double> scores, Map<String, Integer> ranks) {
        public Double score(String code) {
            return scores.get(code);
        }

        public Integer rank(String code) {
            return ranks.get(code);
        }
    }

    public record RankInterval(String unitCode, double nominal, double median, double q05, double q95) {
    }

    public record Results(Edition edition, List<Node> nodes, String top, List<UnitResult> units,
                          List<RankInterval> intervals) {
        /** Aggregates from the top level down (index, pillars, sub-pillars). */
        public List<Node> aggregates() {
            return nodes.stream().filter(n -> n.type().equals("Aggregate"))
                    .sorted(Comparator.comparingInt(Node::level).reversed().thenComparingInt(Node::position)).toList();
        }

        public List<Node> level(int level) {
            return nodes.stream().filter(n -> n.level() == level && n.level() > 0).toList();
        }
    }

    public record Profile(Results results, UnitResult unit, List<Strength> strengths, List<Strength> weaknesses,
                          RankInterval interval) {
    }

    public record Strength(String code, Names names, int rank) {
    }

    /** Share of present values, per unit and per indicator (0–1). */
    public record Availability(List<Node> indicators, List<String> unitCodes, Map<String, Names> unitNames,
                               double[] byUnit, double[] byIndicator, Map<String, Map<String, Boolean>> present) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final AuditTrail audit;
    private final Clock clock;

    Indicators(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
        this.clock = clock;
    }

    static void requireAnalyst(TandemUser user) {
        if (user == null || !(user.has(Role.ANALYST) || user.isAdministrator())) {
            throw new NotAllowedException("indicators");
        }
    }

    public static boolean isAnalyst(TandemUser user) {
        return user != null && (user.has(Role.ANALYST) || user.isAdministrator());
    }

    // --- units ---------------------------------------------------------------------------------

    /** Defines or renames a unit (a province, a region, a country). */
    @Transactional
    public void defineUnit(String code, String kind, Names names) {
        jdbc.sql("""
                insert into indicator_unit (code, kind, name_en, name_vi, name_ru) values (?, ?, ?, ?, ?)
                on conflict (code) do update set kind = excluded.kind, name_en = excluded.name_en,
                    name_vi = excluded.name_vi, name_ru = excluded.name_ru""")
                .params(code, kind, names.en(), names.vi(), names.ru()).update();
    }

    public List<Unit> units() {
        return jdbc.sql("select code, kind, name_en, name_vi, name_ru from indicator_unit order by code")
                .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2),
                        new Names(rs.getString(3), rs.getString(4), rs.getString(5)))).list();
    }

    // --- editions ------------------------------------------------------------------------------

    @Transactional
    public Edition createEdition(String framework, int year, Names titles, TandemUser user) {
        requireAnalyst(user);
        var p = new org.tandem.platform.validation.Problems();
        p.require(framework != null && framework.matches("[A-Za-z0-9_-]{1,40}"), "framework", "indicators.edition.badFramework");
        p.require(year >= 1990 && year <= 2100, "year", "indicators.edition.badYear");
        p.require(titles.en() != null && !titles.en().isBlank(), "title", "indicators.edition.noTitle");
        p.throwIfAny();
        if (jdbc.sql("select count(*) from indicator_edition where framework = ? and year = ?").params(framework, year)
                .query(Long.class).single() > 0) {
            throw InvalidInputException.of("year", "indicators.edition.exists", framework, year);
        }
        long id = jdbc.sql("""
                insert into indicator_edition (framework, year, title_en, title_vi, title_ru, state, pipeline, created_by, created_at)
                values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) returning id""")
                .params(framework, year, titles.en(), titles.vi(), titles.ru(), PipelineChoices.defaults().encode(),
                        user.getUsername(), Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(user.getUsername(), "indicator_edition", id, "create", null,
                Map.of("framework", framework, "year", year));
        return edition(id);
    }

    Edition edition(long id) {
        return jdbc.sql("""
                select id, framework, year, title_en, title_vi, title_ru, state, pipeline, imported_at, computed_at, published_at
                from indicator_edition where id = ?""").param(id).query((rs, i) -> new Edition(rs.getLong(1), rs.getString(2),
                        rs.getInt(3), new Names(rs.getString(4), rs.getString(5), rs.getString(6)), rs.getString(7),
                        PipelineChoices.decode(rs.getString(8)), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                        instant(rs.getTimestamp(11)))).optional().orElseThrow(() -> new NotFoundException("edition"));
    }

    /** The edition if this reader may see it: analysts every edition, everyone else published ones. */
    public Edition edition(long id, TandemUser reader) {
        Edition e = edition(id);
        if (!e.published() && !isAnalyst(reader)) {
            throw new NotFoundException("edition");
        }
        return e;
    }

    public List<Edition> editions(TandemUser user) {
        requireAnalyst(user);
        return jdbc.sql("select id from indicator_edition order by framework, year desc").query(Long.class).list()
                .stream().map(this::edition).toList();
    }

    public List<Edition> publishedEditions() {
        return jdbc.sql("select id from indicator_edition where state = 'PUBLISHED' order by year desc, framework")
                .query(Long.class).list().stream().map(this::edition).toList();
    }

    /** A framework's editions this reader may see: analysts every one, everyone else the published ones. */
    public List<Edition> editionsOf(String framework, TandemUser reader) {
        return jdbc.sql("select id from indicator_edition where framework = ? order by year").param(framework)
                .query(Long.class).list().stream().map(this::edition).filter(e -> e.published() || isAnalyst(reader))
                .toList();
    }

    public Optional<Edition> find(String framework, int year) {
        return jdbc.sql("select id from indicator_edition where framework = ? and year = ?").params(framework, year)
                .query(Long.class).optional().map(this::edition);
    }

    // --- import --------------------------------------------------------------------------------

    /** iMeta and iData as two CSV files. */
    @Transactional
    public void importCsv(long editionId, InputStream meta, InputStream data, TandemUser user) throws IOException {
        requireAnalyst(user);
        store(editionId, Sheet.csv("iMeta", meta), Sheet.csv("iData", data), user);
    }

    /** One workbook with the sheets iMeta and iData. */
    @Transactional
    public void importXlsx(long editionId, InputStream workbook, TandemUser user) {
        requireAnalyst(user);
        Map<String, Sheet> sheets = Sheet.xlsx(workbook);
        var p = new org.tandem.platform.validation.Problems();
        p.require(sheets.containsKey("imeta"), "file", "indicators.import.noSheet", "iMeta");
        p.require(sheets.containsKey("idata"), "file", "indicators.import.noSheet", "iData");
        p.throwIfAny();
        store(editionId, sheets.get("imeta"), sheets.get("idata"), user);
    }

    /** Everything is checked before the first write, and the writes are one transaction: an error stores nothing. */
    private void store(long editionId, Sheet meta, Sheet data, TandemUser user) {
        requireAnalyst(user);
        Edition e = lockEdition(editionId);
        String next = EditionWorkflow.EDITIONS.require(e.state(), "import");
        DataImport.Imported imported = DataImport.check(meta, data);
        clearResults(editionId);
        jdbc.sql("delete from indicator_value where edition_id = ?").param(editionId).update();
        jdbc.sql("delete from indicator_node where edition_id = ?").param(editionId).update();
        for (Node n : imported.nodes()) {
            jdbc.sql("""
                    insert into indicator_node (edition_id, code, position, level, type, parent, name_en, name_vi, name_ru,
                        direction, weight, measure, source, target, denominator)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(editionId, n.code(), n.position(), n.level(), n.type(), n.parent(), n.names().en(),
                            n.names().vi(), n.names().ru(), n.direction(), n.weight(), n.measure(), n.source(), n.target(),
                            n.denominator()).update();
        }
        List<Object[]> values = new ArrayList<>();
        for (DataImport.UnitRow u : imported.units()) {
            // A unit the platform does not know yet is registered under the name the data gives it.
            jdbc.sql("""
                    insert into indicator_unit (code, kind, name_en, name_vi, name_ru) values (?, 'OTHER', ?, ?, ?)
                    on conflict (code) do nothing""").params(u.code(), u.name(), u.name(), u.name()).update();
            for (var v : u.values().entrySet()) {
                values.add(new Object[] {editionId, u.code(), v.getKey(), v.getValue(), null});
            }
            for (var v : u.texts().entrySet()) {
                values.add(new Object[] {editionId, u.code(), v.getKey(), null, v.getValue()});
            }
        }
        // One statement per cell would make a large panel (thousands of units × hundreds of indicators) take minutes.
        batch.batchUpdate("insert into indicator_value (edition_id, unit_code, code, value, text_value) values (?, ?, ?, ?, ?)",
                values);
        jdbc.sql("update indicator_edition set state = ?, imported_at = ?, computed_at = null where id = ?")
                .params(next, Timestamp.from(clock.instant()), editionId).update();
        long indicators = imported.nodes().stream().filter(n -> n.type().equals("Indicator")).count();
        audit.record(user.getUsername(), "indicator_edition", editionId, "import", Map.of("state", e.state()),
                Map.of("state", next, "units", imported.units().size(), "indicators", indicators,
                        "nodes", imported.nodes().size()));
    }

    private void clearResults(long editionId) {
        jdbc.sql("delete from indicator_score where edition_id = ?").param(editionId).update();
        jdbc.sql("delete from indicator_rank_interval where edition_id = ?").param(editionId).update();
        jdbc.sql("delete from indicator_strength where edition_id = ?").param(editionId).update();
    }

    private Edition lockEdition(long id) {
        jdbc.sql("select id from indicator_edition where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("edition"));
        return edition(id);
    }

    // --- pipeline, computation, publication -----------------------------------------------------

    @Transactional
    public void configure(long editionId, PipelineChoices choices, TandemUser user) {
        requireAnalyst(user);
        Edition e = lockEdition(editionId);
        choices.check();
        String next = EditionWorkflow.EDITIONS.require(e.state(), "configure");
        clearResults(editionId);
        jdbc.sql("update indicator_edition set pipeline = ?, state = ?, computed_at = null where id = ?")
                .params(choices.encode(), next, editionId).update();
        audit.record(user.getUsername(), "indicator_edition", editionId, "configure",
                Map.of("pipeline", e.choices().encode()), Map.of("pipeline", choices.encode()));
    }

    /** Queues the computation; {@link IndexRuns} picks it up on whichever node is free. */
    @Transactional
    public long requestCompute(long editionId, TandemUser user) {
        requireAnalyst(user);
        Edition e = lockEdition(editionId);
        EditionWorkflow.EDITIONS.require(e.state(), "compute");
        if (e.importedAt() == null) {
            throw InvalidInputException.of("file", "indicators.compute.noData");
        }
        return queue(editionId, "COMPUTE", 0, 0, user);
    }

    @Transactional
    public long requestUncertainty(long editionId, int replications, long seed, TandemUser user) {
        requireAnalyst(user);
        Edition e = lockEdition(editionId);
        EditionWorkflow.EDITIONS.require(e.state(), "uncertainty");
        if (replications < 10 || replications > 10_000) {
            throw InvalidInputException.of("replications", "indicators.uncertainty.badReplications", 10, 10_000);
        }
        return queue(editionId, "UNCERTAINTY", replications, seed, user);
    }

    private long queue(long editionId, String kind, int replications, long seed, TandemUser user) {
        // One run at a time per edition (the edition row is locked by the caller): a second click waits for the first.
        if (jdbc.sql("select count(*) from indicator_run where edition_id = ? and status in ('QUEUED', 'RUNNING')")
                .param(editionId).query(Long.class).single() > 0) {
            throw new org.tandem.platform.validation.ConflictException("INDICATORS_RUNNING");
        }
        return jdbc.sql("""
                insert into indicator_run (edition_id, kind, replications, seed, status, requested_by, requested_at)
                values (?, ?, ?, ?, 'QUEUED', ?, ?) returning id""")
                .params(editionId, kind, replications, seed, user.getUsername(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    public Optional<Run> latestRun(long editionId) {
        return jdbc.sql("""
                select id, kind, status, progress, message, requested_at, finished_at from indicator_run
                where edition_id = ? order by id desc limit 1""").param(editionId)
                .query((rs, i) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)))).optional();
    }

    public Run run(long runId) {
        return jdbc.sql("select id, kind, status, progress, message, requested_at, finished_at from indicator_run where id = ?")
                .param(runId).query((rs, i) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)))).optional()
                .orElseThrow(() -> new NotFoundException("run"));
    }

    @Transactional
    public void publish(long editionId, TandemUser user) {
        requireAnalyst(user);
        Edition e = lockEdition(editionId);
        String next = EditionWorkflow.EDITIONS.require(e.state(), "publish");
        jdbc.sql("update indicator_edition set state = ?, published_at = ? where id = ?")
                .params(next, Timestamp.from(clock.instant()), editionId).update();
        audit.record(user.getUsername(), "indicator_edition", editionId, "publish", Map.of("state", e.state()),
                Map.of("state", next));
    }

    // --- reading -------------------------------------------------------------------------------

    public List<Node> nodes(long editionId) {
        return jdbc.sql("""
                select code, position, level, type, parent, name_en, name_vi, name_ru, direction, weight, measure, source,
                       target, denominator
                from indicator_node where edition_id = ? order by position""").param(editionId)
                .query((rs, i) -> new Node(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        new Names(rs.getString(6), rs.getString(7), rs.getString(8)), (Integer) rs.getObject(9),
                        (Double) rs.getObject(10), rs.getString(11), rs.getString(12), (Double) rs.getObject(13),
                        rs.getString(14))).list();
    }

    public Results results(long editionId, TandemUser reader) {
        Edition e = edition(editionId, reader);
        List<Node> nodes = nodes(editionId);
        String top = nodes.stream().filter(n -> n.type().equals("Aggregate")).max(Comparator.comparingInt(Node::level))
                .map(Node::code).orElse(null);
        Map<String, Names> names = unitNames();
        Map<String, UnitResult> units = new LinkedHashMap<>();
        jdbc.sql("select unit_code, code, score, rank from indicator_score where edition_id = ? order by unit_code")
                .param(editionId).query(rs -> {
                    String u = rs.getString(1);
                    UnitResult r = units.computeIfAbsent(u, k -> new UnitResult(k, names.getOrDefault(k, new Names(k, k, k)),
                            new LinkedHashMap<>(), new LinkedHashMap<>()));
                    r.scores().put(rs.getString(2), (Double) rs.getObject(3));
                    Object rank = rs.getObject(4);
                    if (rank != null) {
                        r.ranks().put(rs.getString(2), ((Number) rank).intValue());
                    }
                });
        List<UnitResult> ordered = new ArrayList<>(units.values());
        ordered.sort(Comparator.comparing((UnitResult u) -> u.rank(top), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UnitResult::unitCode));
        List<RankInterval> intervals = jdbc.sql("""
                select unit_code, nominal_rank, median_rank, q05_rank, q95_rank from indicator_rank_interval
                where edition_id = ? order by nominal_rank, unit_code""").param(editionId)
                .query((rs, i) -> new RankInterval(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5))).list();
        return new Results(e, nodes, top, ordered, intervals);
    }

    public Profile profile(long editionId, String unitCode, TandemUser reader) {
        Results r = results(editionId, reader);
        UnitResult u = r.units().stream().filter(x -> x.unitCode().equals(unitCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("unit"));
        Map<String, Node> byCode = new LinkedHashMap<>();
        r.nodes().forEach(n -> byCode.put(n.code(), n));
        List<Strength> s = new ArrayList<>();
        List<Strength> w = new ArrayList<>();
        jdbc.sql("select code, kind, rank from indicator_strength where edition_id = ? and unit_code = ? order by rank, code")
                .params(editionId, unitCode).query(rs -> {
                    Node n = byCode.get(rs.getString(1));
                    Strength x = new Strength(rs.getString(1), n == null ? new Names(rs.getString(1), null, null) : n.names(),
                            rs.getInt(3));
                    (rs.getString(2).equals("S") ? s : w).add(x);
                });
        w.sort(Comparator.comparingInt(Strength::rank).reversed());
        RankInterval interval = r.intervals().stream().filter(i -> i.unitCode().equals(unitCode)).findFirst().orElse(null);
        return new Profile(r, u, s, w, interval);
    }

    /** Every unit's strengths and weaknesses at once (for reports), in the order a profile lists them. */
    public Map<String, Profile> profiles(Results r) {
        Map<String, Node> byCode = new LinkedHashMap<>();
        r.nodes().forEach(n -> byCode.put(n.code(), n));
        Map<String, List<Strength>> s = new LinkedHashMap<>();
        Map<String, List<Strength>> w = new LinkedHashMap<>();
        jdbc.sql("select unit_code, code, kind, rank from indicator_strength where edition_id = ? order by rank, code")
                .param(r.edition().id()).query(rs -> {
                    Node n = byCode.get(rs.getString(2));
                    Strength x = new Strength(rs.getString(2), n == null ? new Names(rs.getString(2), null, null) : n.names(),
                            rs.getInt(4));
                    (rs.getString(3).equals("S") ? s : w).computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(x);
                });
        Map<String, Profile> out = new LinkedHashMap<>();
        for (UnitResult u : r.units()) {
            List<Strength> weak = new ArrayList<>(w.getOrDefault(u.unitCode(), List.of()));
            weak.sort(Comparator.comparingInt(Strength::rank).reversed());
            RankInterval interval = r.intervals().stream().filter(i -> i.unitCode().equals(u.unitCode())).findFirst()
                    .orElse(null);
            out.put(u.unitCode(), new Profile(r, u, s.getOrDefault(u.unitCode(), List.of()), weak, interval));
        }
        return out;
    }

    /** Data availability through the engine's own rule ({@code get_data_avail}). */
    public Availability availability(long editionId, TandemUser user) {
        requireAnalyst(user);
        List<Node> nodes = nodes(editionId);
        try (EngineFiles files = new EngineFiles()) {
            Input in = input(editionId, nodes, files);
            IndexAudit.Availability a = IndexAudit.availability(in.meta().framework(), in.data());
            List<Node> indicators = nodes.stream().filter(n -> n.type().equals("Indicator")).toList();
            Map<String, Map<String, Boolean>> present = new LinkedHashMap<>();
            String[] codes = in.meta().framework().indicatorCodes();
            for (int u = 0; u < in.data().unitCount(); u++) {
                Map<String, Boolean> row = new LinkedHashMap<>();
                for (int k = 0; k < codes.length; k++) {
                    row.put(codes[k], !Double.isNaN(in.data().values()[k][u]));
                }
                present.put(in.data().unitCodes()[u], row);
            }
            Map<String, Double> byIndicator = new LinkedHashMap<>();
            for (int k = 0; k < a.indicatorCodes().length; k++) {
                byIndicator.put(a.indicatorCodes()[k], a.byIndicator()[k]);
            }
            double[] inOrder = indicators.stream().mapToDouble(n -> byIndicator.getOrDefault(n.code(), Double.NaN)).toArray();
            return new Availability(indicators, List.of(a.unitCodes()), unitNames(), a.byUnit(), inOrder, present);
        }
    }

    Map<String, Names> unitNames() {
        Map<String, Names> m = new LinkedHashMap<>();
        units().forEach(u -> m.put(u.code(), u.names()));
        return m;
    }

    // --- engine input ----------------------------------------------------------------------------

    record Input(IndexFiles.Meta meta, IndexData data) {
    }

    /** Writes the stored tree and data as COINr tables and reads them through the engine. */
    Input input(long editionId, List<Node> nodes, EngineFiles files) {
        List<DataImport.UnitRow> rows = new ArrayList<>();
        Map<String, DataImport.UnitRow> byUnit = new LinkedHashMap<>();
        jdbc.sql("select unit_code, code, value, text_value from indicator_value where edition_id = ? order by unit_code")
                .param(editionId).query(rs -> {
                    DataImport.UnitRow r = byUnit.computeIfAbsent(rs.getString(1), k -> new DataImport.UnitRow(k, k,
                            new LinkedHashMap<>(), new LinkedHashMap<>()));
                    if (rs.getObject(4) != null) {
                        r.texts().put(rs.getString(2), rs.getString(4));
                    } else {
                        r.values().put(rs.getString(2), (Double) rs.getObject(3));
                    }
                });
        rows.addAll(byUnit.values());
        writeMeta(files.meta, nodes);
        writeData(files.data, nodes, rows);
        IndexFiles.Meta meta = IndexFiles.readMeta(files.meta);
        return new Input(meta, IndexFiles.readData(files.data, meta));
    }

    static void writeMeta(Path file, List<Node> nodes) {
        List<List<String>> rows = new ArrayList<>();
        for (Node n : nodes) {
            rows.add(java.util.Arrays.asList(n.level() == 0 ? "" : Integer.toString(n.level()), n.code(), n.names().en(),
                    n.direction() == null ? "" : n.direction().toString(), n.weight() == null ? "" : num(n.weight()),
                    n.measure(), n.target() == null ? "" : num(n.target()), n.denominator(), n.parent(), n.type()));
        }
        EngineFiles.write(file, List.of("Level", "iCode", "iName", "Direction", "Weight", "Unit", "Target", "Denominator",
                "Parent", "Type"), rows);
    }

    static void writeData(Path file, List<Node> nodes, List<DataImport.UnitRow> units) {
        List<String> columns = nodes.stream().filter(n -> !n.type().equals("Aggregate")).map(Node::code).toList();
        List<String> header = new ArrayList<>(List.of("uCode"));
        header.addAll(columns);
        List<List<String>> rows = new ArrayList<>();
        for (DataImport.UnitRow u : units) {
            List<String> r = new ArrayList<>(List.of(u.code()));
            for (String c : columns) {
                if (u.texts().containsKey(c)) {
                    r.add(u.texts().get(c));
                } else {
                    Double v = u.values().get(c);
                    r.add(v == null ? "" : num(v));
                }
            }
            rows.add(r);
        }
        EngineFiles.write(file, header, rows);
    }

    /** Shortest text that reads back to the same double, so nothing is lost on the way to the engine. */
    static String num(double v) {
        return Double.toString(v);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
