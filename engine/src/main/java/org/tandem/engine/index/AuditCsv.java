package org.tandem.engine.index;

import java.util.ArrayList;
import java.util.List;
import org.tandem.engine.io.CsvTable;

/**
 * The audit as one long CSV, {@code section,code,other,value,flag}: {@code availability_unit},
 * {@code availability_indicator}, {@code availability_group} (unit, aggregate), {@code correlation}
 * (a, b: r, "within" or "parent" and a flag), {@code cronbach}, {@code pca_first_share},
 * {@code strength} and {@code weakness} (unit, indicator: the unit's rank).
 */
final class AuditCsv {

    private AuditCsv() {
    }

    static List<String> lines(IndexAudit.Report a) {
        List<String> out = new ArrayList<>();
        out.add("section,code,other,value,flag");
        IndexAudit.Availability av = a.availability();
        for (int k = 0; k < av.unitCodes().length; k++) {
            out.add(row("availability_unit", av.unitCodes()[k], "", av.byUnit()[k], ""));
        }
        for (int i = 0; i < av.indicatorCodes().length; i++) {
            out.add(row("availability_indicator", av.indicatorCodes()[i], "", av.byIndicator()[i], ""));
        }
        for (int k = 0; k < av.unitCodes().length; k++) {
            for (int g = 0; g < av.aggregateCodes().size(); g++) {
                out.add(row("availability_group", av.unitCodes()[k], av.aggregateCodes().get(g), av.byUnitAndAggregate()[k][g], ""));
            }
        }
        for (IndexAudit.Correlation c : a.correlations()) {
            out.add(row("correlation", c.a(), c.b(), c.r(), c.relation() + (c.flag().isEmpty() ? "" : ":" + c.flag())));
        }
        for (IndexAudit.GroupStatistics g : a.groups()) {
            out.add(row("cronbach", g.aggregate(), "", g.cronbachAlpha(), ""));
            out.add(row("pca_first_share", g.aggregate(), "", g.firstComponentShare(), ""));
        }
        for (IndexAudit.StrengthsWeaknesses s : a.strengthsWeaknesses()) {
            for (int i = 0; i < s.strengths().size(); i++) {
                out.add(row("strength", s.unitCode(), s.strengths().get(i), s.strengthRanks().get(i), ""));
            }
            for (int i = 0; i < s.weaknesses().size(); i++) {
                out.add(row("weakness", s.unitCode(), s.weaknesses().get(i), s.weaknessRanks().get(i), ""));
            }
        }
        return out;
    }

    private static String row(String section, String code, String other, double value, String flag) {
        return section + "," + CsvTable.quote(code) + "," + CsvTable.quote(other) + "," + IndexCommand.number(value) + ","
                + flag;
    }
}
