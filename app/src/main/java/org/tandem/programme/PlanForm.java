package org.tandem.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.tandem.platform.validation.Problems;
import org.tandem.platform.web.FormErrors;

/** One year's plan as the browser sends it (text fields, parsed with errors named per field). */
public class PlanForm {

    private String targetProjects;
    private String plannedOpen;
    private String plannedClose;
    private List<String> fieldCodes = new ArrayList<>();
    private List<Row> budgets = new ArrayList<>();
    private Long version;

    public static class Row {
        private Long partyId;
        private String partyCode;
        private String amount;
        private String currency;

        public Long getPartyId() { return partyId; }
        public void setPartyId(Long v) { this.partyId = v; }
        public String getPartyCode() { return partyCode; }
        public void setPartyCode(String v) { this.partyCode = v; }
        public String getAmount() { return amount; }
        public void setAmount(String v) { this.amount = v; }
        public String getCurrency() { return currency; }
        public void setCurrency(String v) { this.currency = v; }
    }

    static PlanForm of(Programme programme, AnnualPlan plan) {
        PlanForm f = new PlanForm();
        f.targetProjects = plan == null ? "0" : String.valueOf(plan.getTargetProjects());
        f.plannedOpen = plan == null || plan.getPlannedOpen() == null ? "" : plan.getPlannedOpen().toString();
        f.plannedClose = plan == null || plan.getPlannedClose() == null ? "" : plan.getPlannedClose().toString();
        f.fieldCodes = plan == null ? new ArrayList<>() : new ArrayList<>(plan.getFieldCodes());
        f.version = plan == null ? null : plan.getVersion();
        for (Party p : programme.getParties()) {
            Row r = new Row();
            r.partyId = p.getId();
            r.partyCode = p.getCode();
            r.currency = p.getCurrency();
            r.amount = plan == null ? "0" : plan.budgetOf(p.getId()).map(b -> b.amount().toPlainString()).orElse("0");
            f.budgets.add(r);
        }
        return f;
    }

    PlanInput toInput(Problems problems) {
        int target = 0;
        try {
            target = Integer.parseInt(targetProjects == null ? "" : targetProjects.trim());
        } catch (NumberFormatException e) {
            problems.add("targetProjects", "validation.integer");
        }
        List<PlanBudget> list = new ArrayList<>();
        for (Row r : budgets) {
            BigDecimal amount = null;
            try {
                amount = new BigDecimal(r.amount == null ? "" : r.amount.trim().replace(" ", "").replace(",", ""));
            } catch (NumberFormatException e) {
                problems.add("budgets[" + r.partyCode + "].amount", "validation.number");
            }
            list.add(new PlanBudget(r.partyId, amount, r.currency == null ? null : r.currency.trim().toUpperCase()));
        }
        return new PlanInput(target, date(plannedOpen, "plannedOpen", problems), date(plannedClose, "plannedClose", problems),
                list, new LinkedHashSet<>(fieldCodes == null ? List.of() : fieldCodes));
    }

    String formField(String field) {
        if (field.startsWith("budgets[")) {
            return FormErrors.partyRow(field, budgets.stream().map(Row::getPartyCode).toList());
        }
        return switch (field) {
            case "targetProjects", "plannedOpen", "plannedClose", "fieldCodes" -> field;
            default -> null;
        };
    }

    private static LocalDate date(String text, String field, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(field, "validation.date");
            return null;
        }
    }

    public String getTargetProjects() { return targetProjects; }
    public void setTargetProjects(String v) { this.targetProjects = v; }
    public String getPlannedOpen() { return plannedOpen; }
    public void setPlannedOpen(String v) { this.plannedOpen = v; }
    public String getPlannedClose() { return plannedClose; }
    public void setPlannedClose(String v) { this.plannedClose = v; }
    public List<String> getFieldCodes() { return fieldCodes; }
    public void setFieldCodes(List<String> v) { this.fieldCodes = v; }
    public List<Row> getBudgets() { return budgets; }
    public void setBudgets(List<Row> v) { this.budgets = v; }
    public Long getVersion() { return version; }
    public void setVersion(Long v) { this.version = v; }
}
