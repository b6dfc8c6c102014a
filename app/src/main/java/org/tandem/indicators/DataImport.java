package org.tandem.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.engine.index.IndexFiles;
import org.tandem.engine.io.BadInputException;
import org.tandem.platform.validation.Problems;

/**
 * Checks an uploaded iMeta and iData (COINr's conventions, as the engine reads them) cell by
 * cell and collects every problem with its sheet, row and column, so the analyst fixes them all
 * in one go; only a clean upload becomes an {@link Imported}. The common mistakes are named here
 * in the reader's language; whatever else the engine refuses is passed on with its position.
 */
final class DataImport {

    static final Set<String> TYPES = Set.of("Indicator", "Aggregate", "Group", "Denominator", "Other");
    static final List<String> META_REQUIRED = List.of("Level", "iCode", "Direction", "Weight", "Parent", "Type");

    record Imported(List<Indicators.Node> nodes, List<UnitRow> units) {
    }

    record UnitRow(String code, String name, Map<String, Double> values, Map<String, String> texts) {
    }

    private final Problems problems = new Problems();

    private DataImport() {
    }

    static Imported check(Sheet meta, Sheet data) {
        DataImport i = new DataImport();
        List<Indicators.Node> nodes = i.meta(meta);
        List<UnitRow> units = nodes == null ? null : i.data(data, nodes);
        i.problems.throwIfAny();
        Imported result = new Imported(nodes, units);
        engineCheck(meta, data, result);
        return result;
    }

    private void at(Sheet s, Sheet.Line line, int column, String code, String value) {
        problems.add(s.name() + "!" + Sheet.letter(column) + line.row(), code, s.name(), line.row(),
                Sheet.letter(column) + " (" + s.header().get(column) + ")", value);
    }

    private List<Indicators.Node> meta(Sheet s) {
        boolean complete = true;
        for (String c : META_REQUIRED) {
            if (s.column(c) < 0) {
                problems.add(s.name(), "indicators.import.missingColumn", s.name(), c);
                complete = false;
            }
        }
        if (!complete) {
            return null;
        }
        if (s.lines().isEmpty()) {
            problems.add(s.name(), "indicators.import.noRows", s.name());
            return null;
        }
        int cLevel = s.column("Level"), cCode = s.column("iCode"), cDir = s.column("Direction"),
                cWeight = s.column("Weight"), cParent = s.column("Parent"), cType = s.column("Type"),
                cName = s.column("iName"), cNameVi = s.column("iName_vi"), cNameRu = s.column("iName_ru"),
                cUnit = s.column("Unit"), cSource = s.column("Source"), cTarget = s.column("Target"),
                cDenom = s.column("Denominator");
        List<Indicators.Node> nodes = new ArrayList<>();
        Map<String, Sheet.Line> seen = new HashMap<>();
        Map<String, Integer> levelOf = new HashMap<>();
        List<Sheet.Line> lines = new ArrayList<>();
        int position = 0;
        for (Sheet.Line line : s.lines()) {
            String code = s.cell(line, cCode);
            if (code.isEmpty()) {
                at(s, line, cCode, "indicators.import.required", code);
                continue;
            }
            if (seen.putIfAbsent(code, line) != null) {
                at(s, line, cCode, "indicators.import.duplicate", code);
                continue;
            }
            String type = null;
            for (String t : TYPES) {
                if (t.equalsIgnoreCase(s.cell(line, cType))) {
                    type = t;
                }
            }
            if (type == null) {
                at(s, line, cType, "indicators.import.badType", s.cell(line, cType));
                continue;
            }
            Integer level = null;
            boolean ranked = type.equals("Indicator") || type.equals("Aggregate");
            if (ranked) {
                try {
                    level = Integer.parseInt(s.cell(line, cLevel).replaceAll("\\.0+$", ""));
                } catch (NumberFormatException e) {
                    level = null;
                }
                if (level == null || level < 1 || type.equals("Indicator") != (level == 1)) {
                    at(s, line, cLevel, "indicators.import.badLevel", s.cell(line, cLevel));
                    continue;
                }
                levelOf.put(code, type.equals("Aggregate") ? level : -level);
            }
            Double weight = number(s.cell(line, cWeight));
            if (ranked && (weight == null || weight.isNaN() || weight < 0)) {
                at(s, line, cWeight, "indicators.import.badWeight", s.cell(line, cWeight));
            }
            Integer direction = null;
            if (type.equals("Indicator")) {
                Double d = number(s.cell(line, cDir));
                if (d == null || (d != 1 && d != -1)) {
                    at(s, line, cDir, "indicators.import.badDirection", s.cell(line, cDir));
                } else {
                    direction = d.intValue();
                }
            }
            String parent = s.cell(line, cParent);
            String name = cName < 0 || s.cell(line, cName).isEmpty() ? code : s.cell(line, cName);
            Double target = cTarget < 0 ? null : number(s.cell(line, cTarget));
            if (cTarget >= 0 && !s.cell(line, cTarget).isEmpty() && !isNa(s.cell(line, cTarget)) && target == null) {
                at(s, line, cTarget, "indicators.import.notANumber", s.cell(line, cTarget));
            }
            String denominator = cDenom < 0 ? null : emptyToNull(s.cell(line, cDenom));
            nodes.add(new Indicators.Node(code, position++, level == null ? 0 : level, type, emptyToNull(parent),
                    new Names(name, cNameVi < 0 ? null : s.cell(line, cNameVi), cNameRu < 0 ? null : s.cell(line, cNameRu)),
                    direction, weight, cUnit < 0 ? null : emptyToNull(s.cell(line, cUnit)),
                    cSource < 0 ? null : emptyToNull(s.cell(line, cSource)), target, denominator));
            lines.add(line);
        }
        // Parents: an aggregate exactly one level up (new_coin's rule), checked once every code is known.
        int top = levelOf.values().stream().mapToInt(Math::abs).max().orElse(0);
        for (int k = 0; k < nodes.size(); k++) {
            Indicators.Node n = nodes.get(k);
            if (n.level() == 0) {
                continue;
            }
            Integer parentLevel = n.parent() == null ? null : levelOf.get(n.parent());
            if (n.level() == top && n.type().equals("Aggregate")) {
                if (n.parent() != null) {
                    at(s, lines.get(k), cParent, "indicators.import.topHasParent", n.parent());
                }
            } else if (parentLevel == null || parentLevel != n.level() + 1) {
                at(s, lines.get(k), cParent, "indicators.import.badParent", n.parent() == null ? "" : n.parent());
            }
        }
        if (nodes.stream().filter(n -> n.level() == top && n.type().equals("Aggregate")).count() > 1) {
            problems.add(s.name(), "indicators.import.oneTop", s.name(), top);
        }
        return nodes;
    }

    private List<UnitRow> data(Sheet s, List<Indicators.Node> nodes) {
        int cCode = s.column("uCode");
        if (cCode < 0) {
            problems.add(s.name(), "indicators.import.missingColumn", s.name(), "uCode");
            return null;
        }
        int cName = s.column("uName");
        Map<String, Indicators.Node> byCode = new LinkedHashMap<>();
        nodes.forEach(n -> byCode.put(n.code().toLowerCase(Locale.ROOT), n));
        Map<Integer, Indicators.Node> columns = new LinkedHashMap<>();
        for (int c = 0; c < s.header().size(); c++) {
            String h = s.header().get(c);
            if (h.isEmpty() || h.equalsIgnoreCase("uCode") || h.equalsIgnoreCase("uName") || h.equalsIgnoreCase("Time")) {
                continue;
            }
            Indicators.Node n = byCode.get(h.toLowerCase(Locale.ROOT));
            if (n == null || n.type().equals("Aggregate")) {
                problems.add(s.name() + "!" + Sheet.letter(c) + "1", "indicators.import.unknownColumn", s.name(), 1,
                        Sheet.letter(c), h);
            } else {
                columns.put(c, n);
            }
        }
        for (Indicators.Node n : nodes) {
            if (!n.type().equals("Aggregate") && columns.values().stream().noneMatch(x -> x == n)) {
                problems.add(s.name(), "indicators.import.missingIndicator", s.name(), n.code());
            }
        }
        if (s.lines().isEmpty()) {
            problems.add(s.name(), "indicators.import.noRows", s.name());
        }
        List<UnitRow> units = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Sheet.Line line : s.lines()) {
            String code = s.cell(line, cCode);
            if (code.isEmpty()) {
                at(s, line, cCode, "indicators.import.required", code);
                continue;
            }
            if (code.length() > 40) {
                at(s, line, cCode, "indicators.import.tooLong", code);
                continue;
            }
            if (seen.putIfAbsent(code, line.row()) != null) {
                at(s, line, cCode, "indicators.import.duplicate", code);
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            for (var e : columns.entrySet()) {
                String cell = s.cell(line, e.getKey());
                Indicators.Node n = e.getValue();
                if (n.type().equals("Indicator") || n.type().equals("Denominator")) {
                    if (cell.isEmpty() || isNa(cell)) {
                        values.put(n.code(), null);
                    } else {
                        Double v = number(cell);
                        if (v == null || v.isNaN() || v.isInfinite()) {
                            at(s, line, e.getKey(), "indicators.import.notANumber", cell);
                        } else {
                            values.put(n.code(), v);
                        }
                    }
                } else {
                    texts.put(n.code(), cell);
                }
            }
            units.add(new UnitRow(code, cName < 0 || s.cell(line, cName).isEmpty() ? code : s.cell(line, cName), values, texts));
        }
        return units;
    }

    private static final Pattern ENGINE_ERROR = Pattern.compile("^(.*?):(\\d+): (.*?): (.*)$", Pattern.DOTALL);

    /** The engine's own reading of the clean tables, for the rules not named above. */
    private static void engineCheck(Sheet meta, Sheet data, Imported imported) {
        try (EngineFiles files = new EngineFiles()) {
            Indicators.writeMeta(files.meta, imported.nodes());
            Indicators.writeData(files.data, imported.nodes(), imported.units());
            IndexFiles.Meta m = IndexFiles.readMeta(files.meta);
            IndexFiles.readData(files.data, m);
        } catch (BadInputException e) {
            Matcher x = ENGINE_ERROR.matcher(e.getMessage());
            Problems p = new Problems();
            if (x.matches()) {
                Sheet s = x.group(1).endsWith("iMeta.csv") ? meta : data;
                int line = Integer.parseInt(x.group(2));
                // Line 1 is the header; line k + 1 the k-th row written, which is the k-th row kept from the sheet.
                int row = line <= 1 || line - 2 >= s.lines().size() ? 1 : s.lines().get(line - 2).row();
                p.add(s.name(), "indicators.import.engine", s.name(), row, x.group(3), x.group(4));
            } else {
                p.add("file", "indicators.import.engine", meta.name(), 0, "", e.getMessage());
            }
            p.throwIfAny();
        }
    }

    static boolean isNa(String s) {
        return s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("n/a") || s.equals("..");
    }

    static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.strip().replace('\u2212', '-'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
