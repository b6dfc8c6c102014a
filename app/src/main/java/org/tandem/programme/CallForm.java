package org.tandem.programme;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tandem.platform.validation.Problems;
import org.tandem.platform.web.FormErrors;

/**
 * The call form as the browser sends it: everything as text, so that "abc" in an amount is
 * reported against its field instead of failing the whole request. Times are entered in a
 * chosen zone (by default the officer's party's) and stored as instants.
 */
public class CallForm {

    private Integer year;
    private String titleEn;
    private String titleVi;
    private String titleRu;
    private String textEn;
    private String textVi;
    private String textRu;
    private String opensAt;
    private String closesAt;
    private String zone;
    private String minDurationMonths;
    private String maxDurationMonths;
    private List<String> fieldCodes = new ArrayList<>();
    private List<BudgetRow> budgets = new ArrayList<>();
    private Long version;

    public static class BudgetRow {
        private Long partyId;
        private String partyCode;
        private String total;
        private String projectCap;
        private String currency;

        public BudgetRow() {
        }

        BudgetRow(Party party, CallBudget budget) {
            this.partyId = party.getId();
            this.partyCode = party.getCode();
            this.currency = budget == null ? party.getCurrency() : budget.currency();
            this.total = budget == null ? "" : budget.total().toPlainString();
            this.projectCap = budget == null ? "" : budget.projectCap().toPlainString();
        }

        public Long getPartyId() { return partyId; }
        public void setPartyId(Long partyId) { this.partyId = partyId; }
        public String getPartyCode() { return partyCode; }
        public void setPartyCode(String partyCode) { this.partyCode = partyCode; }
        public String getTotal() { return total; }
        public void setTotal(String total) { this.total = total; }
        public String getProjectCap() { return projectCap; }
        public void setProjectCap(String projectCap) { this.projectCap = projectCap; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
    }

    static CallForm empty(Programme programme, String zone) {
        CallForm f = new CallForm();
        f.zone = zone;
        f.minDurationMonths = "24";
        f.maxDurationMonths = "36";
        for (Party p : programme.getParties()) {
            f.budgets.add(new BudgetRow(p, null));
        }
        return f;
    }

    static CallForm of(Programme programme, Call call, String zone) {
        CallForm f = new CallForm();
        f.year = call.getYear();
        f.titleEn = call.getTitle().getEn();
        f.titleVi = call.getTitle().getVi();
        f.titleRu = call.getTitle().getRu();
        f.textEn = call.getText().getEn();
        f.textVi = call.getText().getVi();
        f.textRu = call.getText().getRu();
        f.zone = zone;
        ZoneId z = ZoneId.of(zone);
        f.opensAt = call.getOpensAt().atZone(z).toLocalDateTime().toString();
        f.closesAt = call.getClosesAt().atZone(z).toLocalDateTime().toString();
        f.minDurationMonths = String.valueOf(call.getMinDurationMonths());
        f.maxDurationMonths = String.valueOf(call.getMaxDurationMonths());
        f.fieldCodes = new ArrayList<>(call.getFieldCodes());
        for (Party p : programme.getParties()) {
            f.budgets.add(new BudgetRow(p, call.budgetOf(p.getId()).orElse(null)));
        }
        f.version = call.getVersion();
        return f;
    }

    /** Parses the text fields; what cannot be parsed is added to {@code problems} under the form's field name. */
    CallInput toInput(Problems problems) {
        ZoneId z;
        try {
            z = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone);
        } catch (DateTimeException e) {
            problems.add("zone", "validation.zone");
            z = ZoneId.of("UTC");
        }
        List<CallBudget> list = new ArrayList<>();
        for (BudgetRow r : budgets) {
            // Named by party code, as the service names them, so one mapping serves both.
            list.add(new CallBudget(r.partyId, amount(r.total, "budgets[" + r.partyCode + "].total", problems),
                    amount(r.projectCap, "budgets[" + r.partyCode + "].projectCap", problems),
                    r.currency == null ? null : r.currency.trim().toUpperCase()));
        }
        if (year == null) {
            problems.add("year", "validation.required");
        }
        Set<String> fields = new LinkedHashSet<>(fieldCodes == null ? List.of() : fieldCodes);
        return new CallInput(year == null ? 0 : year, new LocalizedText(titleEn, titleVi, titleRu),
                new LocalizedText(textEn, textVi, textRu), instant(opensAt, z, "opensAt", problems),
                instant(closesAt, z, "closesAt", problems), integer(minDurationMonths, "minDurationMonths", problems),
                integer(maxDurationMonths, "maxDurationMonths", problems), fields, list);
    }

    /** Maps a service problem's field ({@code title.vi}, {@code budgets[RU].total}) to this form's field. */
    String formField(String field) {
        if (field.startsWith("title.") || field.startsWith("text.")) {
            String lang = field.substring(field.indexOf('.') + 1);
            return field.substring(0, field.indexOf('.')) + Character.toUpperCase(lang.charAt(0)) + lang.substring(1);
        }
        if (field.startsWith("budgets[")) {
            return FormErrors.partyRow(field, budgets.stream().map(BudgetRow::getPartyCode).toList());
        }
        return switch (field) {
            case "year", "zone", "opensAt", "closesAt", "minDurationMonths", "maxDurationMonths", "fieldCodes" -> field;
            default -> null;
        };
    }

    private static java.time.Instant instant(String text, ZoneId zone, String field, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.of(LocalDateTime.parse(text.trim()), zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field, "validation.datetime");
            return null;
        }
    }

    private static BigDecimal amount(String text, String field, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // People type thousands separators; spaces and commas/underscores are dropped, the point is decimal.
            return new BigDecimal(text.trim().replace(" ", "").replace("\u00a0", "").replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            problems.add(field, "validation.number");
            return null;
        }
    }

    private static int integer(String text, String field, Problems problems) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            problems.add(field, "validation.integer");
            return 0;
        }
    }

    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String v) { this.titleEn = v; }
    public String getTitleVi() { return titleVi; }
    public void setTitleVi(String v) { this.titleVi = v; }
    public String getTitleRu() { return titleRu; }
    public void setTitleRu(String v) { this.titleRu = v; }
    public String getTextEn() { return textEn; }
    public void setTextEn(String v) { this.textEn = v; }
    public String getTextVi() { return textVi; }
    public void setTextVi(String v) { this.textVi = v; }
    public String getTextRu() { return textRu; }
    public void setTextRu(String v) { this.textRu = v; }
    public String getOpensAt() { return opensAt; }
    public void setOpensAt(String v) { this.opensAt = v; }
    public String getClosesAt() { return closesAt; }
    public void setClosesAt(String v) { this.closesAt = v; }
    public String getZone() { return zone; }
    public void setZone(String v) { this.zone = v; }
    public String getMinDurationMonths() { return minDurationMonths; }
    public void setMinDurationMonths(String v) { this.minDurationMonths = v; }
    public String getMaxDurationMonths() { return maxDurationMonths; }
    public void setMaxDurationMonths(String v) { this.maxDurationMonths = v; }
    public List<String> getFieldCodes() { return fieldCodes; }
    public void setFieldCodes(List<String> v) { this.fieldCodes = v; }
    public List<BudgetRow> getBudgets() { return budgets; }
    public void setBudgets(List<BudgetRow> v) { this.budgets = v; }
    public Long getVersion() { return version; }
    public void setVersion(Long v) { this.version = v; }
}
