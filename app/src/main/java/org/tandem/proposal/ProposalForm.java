package org.tandem.proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tandem.platform.validation.Problems;

/**
 * The proposal page's form: the common part and the signed-in PI's own team, as text. The
 * other teams are not in the form at all, so a PI can never overwrite them.
 */
public class ProposalForm {

    static final int BUDGET_ROWS = 9;

    private Long version;
    private String acronym;
    private String title;
    private String abstractText;
    private String keywords;
    private List<String> fields = new ArrayList<>();
    private String durationMonths;
    private String workPlan;
    private String titleVi;
    private String titleRu;
    private String abstractVi;
    private String abstractRu;
    private String party;
    private String hostOrganisation;
    private String piEmail;
    private String members;
    private String internalNotes;
    private List<Row> budget = new ArrayList<>();
    /** Form row of each budget line sent to the service (blank rows are skipped). */
    private final List<Integer> lineRows = new ArrayList<>();

    public static class Row {
        private String year;
        private String category;
        private String amount;

        public Row() {
        }

        Row(String year, String category, String amount) {
            this.year = year;
            this.category = category;
            this.amount = amount;
        }

        boolean blank() {
            return (year == null || year.isBlank()) && (category == null || category.isBlank())
                    && (amount == null || amount.isBlank());
        }

        public String getYear() { return year; }
        public void setYear(String v) { this.year = v; }
        public String getCategory() { return category; }
        public void setCategory(String v) { this.category = v; }
        public String getAmount() { return amount; }
        public void setAmount(String v) { this.amount = v; }
    }

    static ProposalForm of(Proposal p, Team own, String partyCode) {
        ProposalForm f = new ProposalForm();
        f.version = p.getVersion();
        f.acronym = p.getAcronym();
        f.title = p.getTitle();
        f.abstractText = p.getAbstractText();
        f.keywords = String.join("\n", p.keywordList());
        f.fields = new ArrayList<>(p.fieldList());
        f.durationMonths = p.getDurationMonths() == null ? "" : p.getDurationMonths().toString();
        f.workPlan = p.getWorkPlan();
        f.titleVi = p.getTitleVi();
        f.titleRu = p.getTitleRu();
        f.abstractVi = p.getAbstractVi();
        f.abstractRu = p.getAbstractRu();
        f.party = partyCode;
        if (own != null) {
            f.hostOrganisation = own.getHostOrganisation();
            f.piEmail = own.getPiEmail();
            f.members = String.join("\n", own.memberList());
            f.internalNotes = own.getInternalNotes();
            own.getBudget().forEach(b -> f.budget.add(new Row(String.valueOf(b.year()), b.category(),
                    b.amount().toPlainString())));
        }
        f.padBudget();
        return f;
    }

    /** Empty rows to type into; blank rows are ignored on save. */
    void padBudget() {
        while (budget.size() < BUDGET_ROWS) {
            budget.add(new Row());
        }
    }

    ProposalContent toContent(Problems problems) {
        Integer duration = null;
        if (durationMonths != null && !durationMonths.isBlank()) {
            try {
                duration = Integer.valueOf(durationMonths.strip());
            } catch (NumberFormatException e) {
                problems.add("durationMonths", "validation.integer");
            }
        }
        List<BudgetLine> lines = new ArrayList<>();
        for (int i = 0; i < budget.size(); i++) {
            Row r = budget.get(i);
            if (r.blank()) {
                continue;
            }
            int year = 0;
            BigDecimal amount = null;
            try {
                year = Integer.parseInt(r.year == null ? "" : r.year.strip());
            } catch (NumberFormatException e) {
                problems.add("budget[" + i + "].year", "validation.integer");
            }
            try {
                amount = new BigDecimal(r.amount == null ? "" : r.amount.strip().replace(" ", "").replace(",", ""));
            } catch (NumberFormatException e) {
                problems.add("budget[" + i + "].amount", "validation.number");
            }
            lines.add(new BudgetLine(year, r.category == null ? null : r.category.strip(), amount));
            lineRows.add(i);
        }
        return new ProposalContent(acronym, title, abstractText, lines(keywords), fields, duration, workPlan,
                titleVi, titleRu, abstractVi, abstractRu,
                List.of(new TeamContent(party, hostOrganisation, null, piEmail, lines(members), lines,
                        internalNotes == null ? "" : internalNotes)));
    }

    /** Service problems name the team as {@code teams[VN].budget[2].amount}; the form says {@code budget[2].amount}. */
    String formField(String field) {
        String prefix = "teams[" + party + "].";
        if (field.startsWith(prefix)) {
            String rest = field.substring(prefix.length());
            if (rest.startsWith("budget[")) {
                int line = Integer.parseInt(rest.substring("budget[".length(), rest.indexOf(']')));
                return line < lineRows.size() ? "budget[" + lineRows.get(line) + "]" + rest.substring(rest.indexOf(']') + 1)
                        : null;
            }
            return switch (rest) {
                case "piEmail", "hostOrganisation", "members", "internalNotes" -> rest;
                default -> null;
            };
        }
        return switch (field) {
            case "acronym", "title", "durationMonths", "fields", "workPlan", "budget", "keywords",
                 "titleVi", "titleRu", "abstractVi", "abstractRu" -> field;
            case "abstract" -> "abstractText";
            default -> field.startsWith("budget[") ? field : null;
        };
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    public Long getVersion() { return version; }
    public void setVersion(Long v) { this.version = v; }
    public String getAcronym() { return acronym; }
    public void setAcronym(String v) { this.acronym = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { this.title = v; }
    public String getAbstractText() { return abstractText; }
    public void setAbstractText(String v) { this.abstractText = v; }
    public String getKeywords() { return keywords; }
    public void setKeywords(String v) { this.keywords = v; }
    public List<String> getFields() { return fields; }
    public void setFields(List<String> v) { this.fields = v; }
    public String getDurationMonths() { return durationMonths; }
    public void setDurationMonths(String v) { this.durationMonths = v; }
    public String getWorkPlan() { return workPlan; }
    public void setWorkPlan(String v) { this.workPlan = v; }
    public String getTitleVi() { return titleVi; }
    public void setTitleVi(String v) { this.titleVi = v; }
    public String getTitleRu() { return titleRu; }
    public void setTitleRu(String v) { this.titleRu = v; }
    public String getAbstractVi() { return abstractVi; }
    public void setAbstractVi(String v) { this.abstractVi = v; }
    public String getAbstractRu() { return abstractRu; }
    public void setAbstractRu(String v) { this.abstractRu = v; }
    public String getParty() { return party; }
    public void setParty(String v) { this.party = v; }
    public String getHostOrganisation() { return hostOrganisation; }
    public void setHostOrganisation(String v) { this.hostOrganisation = v; }
    public String getPiEmail() { return piEmail; }
    public void setPiEmail(String v) { this.piEmail = v; }
    public String getMembers() { return members; }
    public void setMembers(String v) { this.members = v; }
    public String getInternalNotes() { return internalNotes; }
    public void setInternalNotes(String v) { this.internalNotes = v; }
    public List<Row> getBudget() { return budget; }
    public void setBudget(List<Row> v) { this.budget = v; }
}
