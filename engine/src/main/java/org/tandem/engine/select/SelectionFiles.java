package org.tandem.engine.select;

import org.tandem.engine.io.BadInputException;
import org.tandem.engine.io.CsvTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the four CSV files of {@code select} into domain objects, checking everything the library
 * would reject, so that every refusal names file, line and field (the library can only name ids).
 */
final class SelectionFiles {

    private SelectionFiles() {
    }

    /** A small file read whole: its name and, per data row, the line and the values of the columns asked for. */
    private record Table(String name, List<Row> rows) {
        static Table read(Path file, String... columns) {
            List<Row> rows = new ArrayList<>();
            CsvTable.read(file, List.of(columns), row -> {
                Map<String, String> values = new HashMap<>();
                for (String c : columns) {
                    String v = row.optional(c);
                    values.put(c, v == null ? "" : v);
                }
                rows.add(new Row(row.line(), values));
            });
            return new Table(file.toString(), rows);
        }

        String get(Row row, String column) {
            return row.values.get(column);
        }
    }

    private record Row(int line, Map<String, String> values) {
    }

    static SelectionInput read(Path proposalsCsv, Path costsCsv, Path budgetsCsv, Path quotasCsv) throws BadInputException {
        Map<String, BigDecimal> budgets = readBudgets(Table.read(budgetsCsv, "party", "budget"));

        Table p = Table.read(proposalsCsv, "proposal_id", "field", "merit");
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Row row : p.rows()) {
            String id = nonEmpty(p, row, "proposal_id");
            String field = nonEmpty(p, row, "field");
            BigDecimal merit = amount(p, row, "merit");
            if (drafts.putIfAbsent(id, new Draft(row.line(), field, merit)) != null) {
                throw new BadInputException(p.name(), row.line(), "proposal_id", "duplicate proposal id '" + id
                        + "' (first on line " + drafts.get(id).line + ")");
            }
        }

        Table c = Table.read(costsCsv, "proposal_id", "party", "cost");
        for (Row row : c.rows()) {
            String id = nonEmpty(c, row, "proposal_id");
            String party = nonEmpty(c, row, "party");
            BigDecimal cost = amount(c, row, "cost");
            Draft d = drafts.get(id);
            if (d == null) {
                throw new BadInputException(c.name(), row.line(), "proposal_id", "unknown proposal '" + id
                        + "' (not in " + p.name() + ")");
            }
            if (!budgets.containsKey(party)) {
                throw new BadInputException(c.name(), row.line(), "party", "party '" + party
                        + "' has no budget in " + budgetsCsv);
            }
            if (d.costs.putIfAbsent(party, cost) != null) {
                throw new BadInputException(c.name(), row.line(), "party", "duplicate cost of proposal '" + id
                        + "' for party '" + party + "'");
            }
        }

        List<Proposal> proposals = new ArrayList<>(drafts.size());
        for (Map.Entry<String, Draft> e : drafts.entrySet()) {
            Draft d = e.getValue();
            if (d.costs.isEmpty()) {
                throw new BadInputException(p.name(), d.line, "proposal_id", "proposal '" + e.getKey()
                        + "' has no cost rows in " + c.name());
            }
            proposals.add(new Proposal(e.getKey(), d.field, d.merit, d.costs));
        }

        List<Budget> budgetList = new ArrayList<>();
        budgets.forEach((party, amount) -> budgetList.add(new Budget(party, amount)));
        List<FieldQuota> quotas = quotasCsv == null ? List.of()
                : readQuotas(Table.read(quotasCsv, "field", "min_count", "max_count"));
        return new SelectionInput(proposals, budgetList, quotas);
    }

    private static Map<String, BigDecimal> readBudgets(Table b) throws BadInputException {
        Map<String, BigDecimal> budgets = new TreeMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Row row : b.rows()) {
            String party = nonEmpty(b, row, "party");
            BigDecimal amount = amount(b, row, "budget");
            if (budgets.putIfAbsent(party, amount) != null) {
                throw new BadInputException(b.name(), row.line(), "party", "duplicate budget for party '" + party
                        + "' (first on line " + lines.get(party) + ")");
            }
            lines.put(party, row.line());
        }
        return budgets;
    }

    private static List<FieldQuota> readQuotas(Table q) throws BadInputException {
        Map<String, FieldQuota> quotas = new LinkedHashMap<>();
        for (Row row : q.rows()) {
            String field = nonEmpty(q, row, "field");
            // An empty min means 0, an empty max means "no maximum": spreadsheets leave cells blank.
            int min = count(q, row, "min_count", 0);
            int max = count(q, row, "max_count", FieldQuota.UNBOUNDED);
            if (min > max) {
                throw new BadInputException(q.name(), row.line(), "max_count", "min_count " + min
                        + " is greater than max_count " + max);
            }
            if (quotas.putIfAbsent(field, new FieldQuota(field, min, max)) != null) {
                throw new BadInputException(q.name(), row.line(), "field", "duplicate quota for field '" + field + "'");
            }
        }
        return List.copyOf(quotas.values());
    }

    private static String nonEmpty(Table t, Row row, String column) throws BadInputException {
        String v = t.get(row, column);
        if (v.isEmpty()) {
            throw new BadInputException(t.name(), row.line(), column, "empty value");
        }
        return v;
    }

    /** A non-negative exact decimal; no thousands separators, no currency signs, no NaN/Infinity. */
    private static BigDecimal amount(Table t, Row row, String column) throws BadInputException {
        String v = nonEmpty(t, row, column);
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new BadInputException(t.name(), row.line(), column, "not a number: '" + v + "'");
        }
        if (d.signum() < 0) {
            throw new BadInputException(t.name(), row.line(), column, "negative: " + v);
        }
        // 1E+999999 would make exact arithmetic explode; no real amount has more than 30 digits.
        if (d.precision() - d.scale() > 30 || d.scale() > 30) {
            throw new BadInputException(t.name(), row.line(), column, "out of range: " + v);
        }
        return d;
    }

    private static int count(Table t, Row row, String column, int ifEmpty) throws BadInputException {
        String v = t.get(row, column);
        if (v.isEmpty()) {
            return ifEmpty;
        }
        try {
            BigInteger n = new BigDecimal(v).toBigIntegerExact();
            if (n.signum() < 0) {
                throw new BadInputException(t.name(), row.line(), column, "negative: " + v);
            }
            return n.bitLength() < 31 ? n.intValue() : FieldQuota.UNBOUNDED;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadInputException(t.name(), row.line(), column, "not a whole number: '" + v + "'");
        }
    }

    private static final class Draft {
        final int line;
        final String field;
        final BigDecimal merit;
        final Map<String, BigDecimal> costs = new TreeMap<>();

        Draft(int line, String field, BigDecimal merit) {
            this.line = line;
            this.field = field;
            this.merit = merit;
        }
    }
}
