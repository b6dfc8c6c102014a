package org.tandem.proposal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One party's team in a joint proposal: its host, its principal investigator, members and budget. */
@Entity
@Table(name = "proposal_team")
public class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long partyId;
    private String hostOrganisation;
    private Long piUserId;
    private String piName;
    private String piEmail;
    /** One member per line. */
    private String members;
    /** The team's own notes; never shown to the other parties. */
    private String internalNotes;
    private int position;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "proposal_budget_line", joinColumns = @JoinColumn(name = "team_id"))
    @OrderColumn(name = "line_no")
    private List<BudgetLine> budget = new ArrayList<>();

    protected Team() {
    }

    Team(long partyId, int position) {
        this.partyId = partyId;
        this.position = position;
    }

    void update(TeamContent c) {
        this.hostOrganisation = blankToNull(c.hostOrganisation());
        this.piName = blankToNull(c.piName());
        this.piEmail = blankToNull(c.piEmail());
        this.members = c.members() == null ? null : String.join("\n", c.members().stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        if (c.internalNotes() != null) {
            this.internalNotes = blankToNull(c.internalNotes());
        }
        this.budget.clear();
        if (c.budget() != null) {
            this.budget.addAll(c.budget());
        }
    }

    void setPi(long userId, String name, String email) {
        this.piUserId = userId;
        if (piName == null) {
            this.piName = name;
        }
        if (piEmail == null) {
            this.piEmail = email;
        }
    }

    public BigDecimal budgetTotal() {
        return budget.stream().map(BudgetLine::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The team's budget per project year, earliest first. */
    public java.util.SortedMap<Integer, BigDecimal> yearTotals() {
        java.util.SortedMap<Integer, BigDecimal> out = new java.util.TreeMap<>();
        budget.stream().filter(b -> b.amount() != null).forEach(b -> out.merge(b.year(), b.amount(), BigDecimal::add));
        return out;
    }

    public List<String> memberList() {
        return members == null ? List.of() : Arrays.stream(members.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    public boolean ledBy(long userId) {
        return piUserId != null && piUserId == userId;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() { return id; }
    public Long getPartyId() { return partyId; }
    public String getHostOrganisation() { return hostOrganisation; }
    public Long getPiUserId() { return piUserId; }
    public String getPiName() { return piName; }
    public String getPiEmail() { return piEmail; }
    public String getInternalNotes() { return internalNotes; }
    public int getPosition() { return position; }
    public List<BudgetLine> getBudget() { return budget; }
}
