package org.tandem.engine.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.engine.io.BadInputException;
import org.tandem.engine.io.CsvTable;

/**
 * Reads COINr's iMeta and iData tables (as written by {@code write.csv}: quoted text, empty cell
 * or {@code NA} = missing) and checks them the way {@code new_coin} does: unique codes, known
 * types, parents that exist one level up, numeric weights and directions of ±1, every indicator
 * and denominator present in iData, numbers where numbers belong. Every refusal names the file,
 * line and column.
 */
public final class IndexFiles {

    /** Columns of iMeta read as per-indicator normalisation parameters (COINr's use_iMeta columns). */
    static final List<String> PARAMETER_COLUMNS = List.of("goalpost_lower", "goalpost_upper", "goalpost_scale",
            "goalpost_trunc2posts");

    /** An iMeta row kept with its line, for errors found later (e.g. against iData). */
    record MetaRow(int line, int level, String code, String type, double weight, int direction, double target,
            String denominator, String parent, Map<String, Double> parameters) {
    }

    /** iMeta as read: the framework plus the rows, so iData errors can point back into iMeta. */
    public record Meta(Framework framework, List<MetaRow> rows, Path file) {
    }

    private IndexFiles() {
    }

    public static Meta readMeta(Path file) {
        List<MetaRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        CsvTable.read(file, List.of("level", "icode", "direction", "weight", "parent", "type"), row -> {
            String code = row.text("icode");
            if (code.equalsIgnoreCase("uCode") || code.equalsIgnoreCase("Rank") || code.equalsIgnoreCase("uName")
                    || code.equalsIgnoreCase("Time")) {
                throw row.error("iCode", "'" + code + "' is reserved (a column of iData or results.csv)");
            }
            if (seen.putIfAbsent(code, row.line()) != null) {
                throw row.error("iCode", "duplicate iCode '" + code + "' (first on line " + seen.get(code) + ")");
            }
            String type = normaliseType(row.optional("type"));
            if (type == null) {
                throw row.error("Type", "must be Indicator, Aggregate, Group, Denominator or Other, got '"
                        + row.optional("type") + "'");
            }
            if (!type.equals("Indicator") && !type.equals("Aggregate")) {
                rows.add(new MetaRow(row.line(), 0, code, type, Double.NaN, 0, Double.NaN, null, null, Map.of()));
                return;
            }
            int level = integer(row, "level", "Level");
            if (type.equals("Indicator") && level != 1) {
                throw row.error("Level", "an Indicator is level 1, got " + level);
            }
            if (type.equals("Aggregate") && level < 2) {
                throw row.error("Level", "an Aggregate is level 2 or above, got " + level);
            }
            double weight = number(row, "weight", "Weight", true);
            if (weight < 0) {
                throw row.error("Weight", "must not be negative, got " + row.optional("weight"));
            }
            int direction = 1;
            double target = Double.NaN;
            String denominator = null;
            Map<String, Double> params = new HashMap<>();
            if (type.equals("Indicator")) {
                double d = number(row, "direction", "Direction", true);
                if (d != 1 && d != -1) {
                    throw row.error("Direction", "must be 1 or -1, got " + row.optional("direction"));
                }
                direction = (int) d;
                target = number(row, "target", "Target", false);
                denominator = blankToNull(row.optional("denominator"));
                for (String c : PARAMETER_COLUMNS) {
                    params.put(c, number(row, c, c, false));
                }
            }
            rows.add(new MetaRow(row.line(), level, code, type, weight, direction, target, denominator,
                    blankToNull(row.optional("parent")), params));
        });
        return new Meta(structure(file, rows), rows, file);
    }

    private static Framework structure(Path file, List<MetaRow> rows) {
        int levels = 0;
        Map<String, MetaRow> byCode = new HashMap<>();
        for (MetaRow r : rows) {
            byCode.put(r.code(), r);
            levels = Math.max(levels, r.level());
        }
        if (levels == 0) {
            throw new BadInputException(file, 0, "Type", "no Indicator rows");
        }
        if (levels == 1) {
            throw new BadInputException(file, 0, "Type", "no Aggregate rows: there is nothing to aggregate into");
        }
        for (MetaRow r : rows) {
            if (r.level() == 0) {
                continue;
            }
            if (r.level() < levels) {
                if (r.parent() == null) {
                    throw new BadInputException(file, r.line(), "Parent", "missing: level " + r.level()
                            + " rows need an aggregate of level " + (r.level() + 1) + " above them");
                }
                MetaRow p = byCode.get(r.parent());
                if (p == null || !p.type().equals("Aggregate")) {
                    throw new BadInputException(file, r.line(), "Parent", "'" + r.parent()
                            + "' is not an Aggregate iCode of this iMeta");
                }
                if (p.level() != r.level() + 1) {
                    throw new BadInputException(file, r.line(), "Parent", "'" + r.parent() + "' is level "
                            + p.level() + ", expected level " + (r.level() + 1));
                }
            } else if (r.parent() != null) {
                throw new BadInputException(file, r.line(), "Parent", "the top level has no parent, got '"
                        + r.parent() + "'");
            }
        }
        // Level order as COINr's Aggregate.coin: indicators in iMeta order; each higher level in the
        // order its codes first appear as Parent below.
        List<List<String>> codes = new ArrayList<>();
        List<String> ind = new ArrayList<>();
        for (MetaRow r : rows) {
            if (r.level() == 1) {
                ind.add(r.code());
            }
        }
        codes.add(ind);
        for (int l = 2; l <= levels; l++) {
            LinkedHashMap<String, Boolean> parents = new LinkedHashMap<>();
            for (MetaRow r : rows) {
                if (r.level() == l - 1) {
                    parents.put(r.parent(), true);
                }
            }
            for (MetaRow r : rows) {
                if (r.level() == l && !parents.containsKey(r.code())) {
                    throw new BadInputException(file, r.line(), "iCode", "aggregate '" + r.code()
                            + "' has no children (no row names it as Parent)");
                }
            }
            codes.add(new ArrayList<>(parents.keySet()));
        }
        if (codes.get(levels - 1).size() != 1) {
            throw new BadInputException(file, 0, "Level", "the top level " + levels + " must hold exactly one aggregate, found "
                    + codes.get(levels - 1));
        }
        String[][] c = new String[levels][];
        double[][] w = new double[levels][];
        int[][][] children = new int[levels][][];
        for (int l = 1; l <= levels; l++) {
            c[l - 1] = codes.get(l - 1).toArray(String[]::new);
            w[l - 1] = new double[c[l - 1].length];
            for (int k = 0; k < c[l - 1].length; k++) {
                w[l - 1][k] = byCode.get(c[l - 1][k]).weight();
            }
        }
        children[0] = new int[0][];
        for (int l = 2; l <= levels; l++) {
            Map<String, Integer> at = new HashMap<>();
            for (int p = 0; p < c[l - 1].length; p++) {
                at.put(c[l - 1][p], p);
            }
            List<List<Integer>> ch = new ArrayList<>();
            for (int p = 0; p < c[l - 1].length; p++) {
                ch.add(new ArrayList<>());
            }
            for (int k = 0; k < c[l - 2].length; k++) {
                ch.get(at.get(byCode.get(c[l - 2][k]).parent())).add(k);
            }
            children[l - 1] = new int[ch.size()][];
            for (int p = 0; p < ch.size(); p++) {
                children[l - 1][p] = ch.get(p).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        int n = c[0].length;
        int[] dir = new int[n];
        double[] target = new double[n];
        String[] den = new String[n];
        Map<String, double[]> params = new HashMap<>();
        boolean[] hasColumn = new boolean[PARAMETER_COLUMNS.size()];
        for (int i = 0; i < n; i++) {
            MetaRow r = byCode.get(c[0][i]);
            dir[i] = r.direction();
            target[i] = r.target();
            den[i] = r.denominator();
            for (int j = 0; j < PARAMETER_COLUMNS.size(); j++) {
                String col = PARAMETER_COLUMNS.get(j);
                double v = r.parameters().getOrDefault(col, Double.NaN);
                params.computeIfAbsent(col, x -> new double[n])[i] = v;
                hasColumn[j] |= !Double.isNaN(v);
            }
        }
        for (int j = 0; j < hasColumn.length; j++) {
            if (!hasColumn[j]) {
                params.remove(PARAMETER_COLUMNS.get(j));
            }
        }
        return new Framework(c, w, children, dir, target, den, params);
    }

    /** Reads iData against the framework of {@code meta}; group columns are kept as text, denominators as numbers. */
    public static IndexData readData(Path file, Meta meta) {
        Framework f = meta.framework();
        String[] header = header(file);
        Map<String, String> columns = new HashMap<>();
        for (String h : header) {
            String lc = h.toLowerCase(Locale.ROOT);
            if (columns.putIfAbsent(lc, h) != null) {
                throw new BadInputException(file, 1, h, "column appears twice in the header");
            }
        }
        String[] ind = f.indicatorCodes();
        for (MetaRow r : meta.rows()) {
            // new_coin: every iCode that is not an Aggregate must be a column of iData.
            if (!r.type().equals("Aggregate") && !columns.containsKey(r.code().toLowerCase(Locale.ROOT))) {
                throw new BadInputException(meta.file(), r.line(), "iCode", r.type().toLowerCase(Locale.ROOT) + " '"
                        + r.code() + "' is not a column of " + file);
            }
        }
        List<String> denomNames = new ArrayList<>();
        for (int i = 0; i < ind.length; i++) {
            String d = f.denominator(i);
            if (d != null && !denomNames.contains(d)) {
                if (!columns.containsKey(d.toLowerCase(Locale.ROOT))) {
                    throw new BadInputException(meta.file(), row(meta, ind[i]).line(), "Denominator",
                            "denominator '" + d + "' is not a column of " + file);
                }
                denomNames.add(d);
            }
        }
        // new_coin: every column other than uCode, uName and Time must be described in iMeta.
        java.util.Set<String> described = new java.util.HashSet<>();
        for (MetaRow r : meta.rows()) {
            described.add(r.code().toLowerCase(Locale.ROOT));
        }
        List<String> groupNames = new ArrayList<>();
        for (String h : header) {
            String lc = h.toLowerCase(Locale.ROOT);
            if (lc.equals("ucode") || lc.equals("uname") || lc.equals("time")) {
                continue;
            }
            if (!described.contains(lc)) {
                throw new BadInputException(file, 1, h, "column is not an iCode of " + meta.file()
                        + " (only uCode, uName and Time may be left out of iMeta)");
            }
            if (!isIndicatorOrDenominator(h, ind, denomNames)) {
                // Groups and other non-indicator columns, kept as text (COINr's uMeta).
                groupNames.add(h);
            }
        }
        String[] indLc = lower(ind);
        String[] denLc = lower(denomNames.toArray(String[]::new));
        String[] grpLc = lower(groupNames.toArray(String[]::new));
        List<String> units = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<double[]> denRows = new ArrayList<>();
        List<String[]> grpRows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] firstTime = new String[1];
        CsvTable.read(file, List.of("ucode"), row -> {
            String u = row.text("ucode");
            if (seen.putIfAbsent(u, row.line()) != null) {
                throw row.error("uCode", "duplicate uCode '" + u + "' (first on line " + seen.get(u) + ")");
            }
            if (columns.containsKey(u.toLowerCase(Locale.ROOT))) {
                throw row.error("uCode", "'" + u + "' is also a column name (new_coin refuses overlapping codes)");
            }
            String time = row.optional("time");
            if (time != null) {
                if (firstTime[0] == null) {
                    firstTime[0] = time;
                } else if (!firstTime[0].equals(time)) {
                    throw row.error("Time", "panel data (Time " + firstTime[0] + " and " + time
                            + ") is not supported: give one edition per run");
                }
            }
            units.add(u);
            double[] v = new double[indLc.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = cell(row, indLc[i], ind[i]);
            }
            rows.add(v);
            double[] d = new double[denLc.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = cell(row, denLc[i], denomNames.get(i));
            }
            denRows.add(d);
            String[] g = new String[grpLc.length];
            for (int i = 0; i < g.length; i++) {
                String s = row.optional(grpLc[i]);
                g[i] = s == null || s.equals("NA") ? null : s;
            }
            grpRows.add(g);
        });
        if (units.isEmpty()) {
            throw new BadInputException(file, 2, "uCode", "no units (data rows)");
        }
        int n = units.size();
        // new_coin sorts the units by uCode; every later step (and the results) use that order.
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> units.get(a).compareTo(units.get(b)));
        String[] sortedUnits = new String[n];
        double[][] values = new double[ind.length][n];
        for (int k = 0; k < n; k++) {
            double[] r = rows.get(order[k]);
            sortedUnits[k] = units.get(order[k]);
            for (int i = 0; i < ind.length; i++) {
                values[i][k] = r[i];
            }
        }
        Map<String, double[]> dens = new HashMap<>();
        for (int i = 0; i < denomNames.size(); i++) {
            double[] col = new double[n];
            for (int k = 0; k < n; k++) {
                col[k] = denRows.get(order[k])[i];
            }
            dens.put(denomNames.get(i), col);
        }
        Map<String, String[]> groups = new HashMap<>();
        for (int i = 0; i < groupNames.size(); i++) {
            String[] col = new String[n];
            for (int k = 0; k < n; k++) {
                col[k] = grpRows.get(order[k])[i];
            }
            groups.put(groupNames.get(i), col);
        }
        return new IndexData(sortedUnits, values, groups, dens);
    }

    private static boolean isIndicatorOrDenominator(String h, String[] ind, List<String> den) {
        for (String s : ind) {
            if (s.equalsIgnoreCase(h)) {
                return true;
            }
        }
        return den.stream().anyMatch(s -> s.equalsIgnoreCase(h));
    }

    private static MetaRow row(Meta meta, String code) {
        for (MetaRow r : meta.rows()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalStateException(code);
    }

    private static double cell(CsvTable.Row row, String lc, String name) {
        String s = row.optional(lc);
        if (s == null || s.equals("NA")) {
            return Double.NaN;
        }
        return parse(row, s, name);
    }

    /** A decimal as R's read.csv takes it ({@code 12}, {@code -1.5}, {@code .5}, {@code 2e-3}); Java's extras (1.5d, 0x1p3, Infinity) are refused. */
    private static double parse(CsvTable.Row row, String s, String name) {
        if (!isDecimal(s)) {
            throw row.error(name, "'" + s + "' is not a number");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw row.error(name, "'" + s + "' is out of range");
        }
        return d;
    }

    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static String[] lower(String[] s) {
        String[] out = new String[s.length];
        for (int i = 0; i < s.length; i++) {
            // Interned so CsvTable's per-row column cache, which compares names by identity, hits.
            out[i] = s[i].toLowerCase(Locale.ROOT).intern();
        }
        return out;
    }

    private static String[] header(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) {
                throw new BadInputException(file, 1, "header", "the file is empty");
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            return CsvTable.split(first);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, "file", "no such file");
        } catch (IOException e) {
            throw new BadInputException(file, 0, "file", "cannot be read: " + e.getMessage());
        }
    }

    private static String normaliseType(String t) {
        if (t == null) {
            return null;
        }
        for (String s : List.of("Indicator", "Aggregate", "Group", "Denominator", "Other")) {
            if (s.equalsIgnoreCase(t)) {
                return s;
            }
        }
        return null;
    }

    private static int integer(CsvTable.Row row, String lc, String name) {
        String s = row.optional(lc);
        if (s == null) {
            throw row.error(name, "value is missing");
        }
        if (!isDecimal(s) || Double.parseDouble(s) != Math.rint(Double.parseDouble(s))
                || Math.abs(Double.parseDouble(s)) > 1000) {
            throw row.error(name, "'" + s + "' is not a level number");
        }
        return (int) Double.parseDouble(s);
    }

    private static double number(CsvTable.Row row, String lc, String name, boolean required) {
        String s = row.optional(lc);
        if (s == null || s.equals("NA")) {
            if (required) {
                throw row.error(name, "value is missing");
            }
            return Double.NaN;
        }
        return parse(row, s, name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equals("NA") ? null : s;
    }
}
