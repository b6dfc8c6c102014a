package org.tandem.proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.platform.validation.Problems;

/**
 * The proposal page's form: the common part and the signed-in PI's own team, as text. The
 * other teams are not in the form at all, so a PI can never overwrite them.
 */
public class ProposalForm {

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
    /**
     * The budget grid of the PI's own team: one row per category (the call's, then any other
     * category earlier rows used), one column per project year; {@code cells} is keyed
     * {@code <row>_<year>} and holds the amounts as typed.
     */
    private List<String> categories = new ArrayList<>();
    private int years;
    private Map<String, String> cells = new LinkedHashMap<>();
    /** The grid cell of each budget line sent to the service, to name the cell a problem is about. */
    private final List<String> lineCells = new ArrayList<>();

    static ProposalForm of(Proposal p, Team own, String partyCode, org.tandem.programme.Call call) {
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
            List<String> used = new ArrayList<>();
            own.getBudget().forEach(b -> used.add(BudgetCategories.normalise(b.category())));
            f.layOut(call, used, own.getBudget().stream().mapToInt(BudgetLine::year).max().orElse(0));
            for (BudgetLine b : own.getBudget()) {
                String key = f.categories.indexOf(BudgetCategories.normalise(b.category())) + "_" + b.year();
                BigDecimal before = f.cells.containsKey(key) ? new BigDecimal(f.cells.get(key)) : BigDecimal.ZERO;
                f.cells.put(key, before.add(b.amount()).stripTrailingZeros().toPlainString());
            }
        } else {
            f.layOut(call, List.of(), 0);
        }
        return f;
    }

    /**
     * Rows and columns of the grid: the call's categories, then other categories already used
     * (rows typed before categories existed), and enough years for the call's longest project.
     * Called again after a refused save, since only the typed cells come back from the browser.
     */
    void layOut(org.tandem.programme.Call call, List<String> used, int maxYearUsed) {
        List<String> rows = new ArrayList<>(call.getBudgetCategories());
        for (String c : categories) {
            if (c != null && !c.isBlank() && !rows.contains(c)) {
                rows.add(c);
            }
        }
        for (String c : used) {
            if (c != null && !c.isBlank() && !rows.contains(c)) {
                rows.add(c);
            }
        }
        // Cells typed against the old row order move with their category.
        Map<String, String> moved = new LinkedHashMap<>();
        cells.forEach((k, v) -> {
            int cut = k.indexOf('_');
            if (cut > 0) {
                try {
                    int row = Integer.parseInt(k.substring(0, cut));
                    String category = row < categories.size() ? categories.get(row) : null;
                    int target = category == null ? row : rows.indexOf(category);
                    moved.put(target + k.substring(cut), v);
                } catch (NumberFormatException e) {
                    // not a cell of this grid; dropped
                }
            }
        });
        cells = moved;
        categories = rows;
        int callYears = Math.max(1, (call.getMaxDurationMonths() + 11) / 12);
        years = Math.min(10, Math.max(Math.max(years, callYears), maxYearUsed));
    }

    public List<Integer> yearList() {
        List<Integer> out = new ArrayList<>();
        for (int y = 1; y <= years; y++) {
            out.add(y);
        }
        return out;
    }

    /** The amount typed in a cell, or zero when it is blank or not a number (totals skip what will be refused). */
    private BigDecimal cellAmount(int row, int year) {
        String text = cells.get(row + "_" + year);
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        BigDecimal d = BudgetCategories.parseAmount(text);
        return d == null || d.signum() < 0 ? BigDecimal.ZERO : d;
    }

    public BigDecimal yearTotal(int year) {
        BigDecimal t = BigDecimal.ZERO;
        for (int i = 0; i < categories.size(); i++) {
            t = t.add(cellAmount(i, year));
        }
        return t;
    }

    public BigDecimal rowTotal(int row) {
        BigDecimal t = BigDecimal.ZERO;
        for (int y = 1; y <= years; y++) {
            t = t.add(cellAmount(row, y));
        }
        return t;
    }

    public BigDecimal total() {
        BigDecimal t = BigDecimal.ZERO;
        for (int y = 1; y <= years; y++) {
            t = t.add(yearTotal(y));
        }
        return t;
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
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            for (int y = 1; y <= years; y++) {
                String key = i + "_" + y;
                String text = cells.get(key);
                if (text == null || text.isBlank()) {
                    continue;
                }
                // The message names the row (the category, in the reader's language) and the project year.
                Object row = new org.springframework.context.support.DefaultMessageSourceResolvable(
                        new String[] {"budget.category." + category}, category);
                BigDecimal amount = BudgetCategories.parseAmount(text);
                if (amount == null) {
                    problems.add("cells[" + key + "]", "proposal.budget.cell.number", row, y);
                    continue;
                }
                if (amount.signum() < 0) {
                    problems.add("cells[" + key + "]", "proposal.budget.cell.negative", row, y);
                    continue;
                }
                if (amount.signum() == 0) {
                    continue;
                }
                lines.add(new BudgetLine(y, category, amount));
                lineCells.add("cells[" + key + "]");
            }
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
                return line < lineCells.size() ? lineCells.get(line) : null;
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
            default -> field.startsWith("cells[") ? field : null;
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
    public List<String> getCategories() { return categories; }
    public void setCategories(List<String> v) { this.categories = v; }
    public int getYears() { return years; }
    public void setYears(int v) { this.years = v; }
    public Map<String, String> getCells() { return cells; }
    public void setCells(Map<String, String> v) { this.cells = v; }
}
