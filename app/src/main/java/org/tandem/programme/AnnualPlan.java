package org.tandem.programme;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The plan for one year of a programme: each party's budget, the target number of new projects, fields, call dates. */
@Entity
@Table(name = "annual_plan")
public class AnnualPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long programmeId;
    private int year;
    private int targetProjects;
    private LocalDate plannedOpen;
    private LocalDate plannedClose;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "annual_plan_budget", joinColumns = @JoinColumn(name = "plan_id"))
    private List<PlanBudget> budgets = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "annual_plan_field", joinColumns = @JoinColumn(name = "plan_id"))
    @Column(name = "field_code")
    private Set<String> fieldCodes = new TreeSet<>();

    protected AnnualPlan() {
    }

    AnnualPlan(long programmeId, int year) {
        this.programmeId = programmeId;
        this.year = year;
    }

    void update(int targetProjects, LocalDate plannedOpen, LocalDate plannedClose, List<PlanBudget> budgets,
                Set<String> fieldCodes) {
        this.targetProjects = targetProjects;
        this.plannedOpen = plannedOpen;
        this.plannedClose = plannedClose;
        this.budgets.clear();
        this.budgets.addAll(budgets);
        this.fieldCodes.clear();
        this.fieldCodes.addAll(fieldCodes);
    }

    public Optional<PlanBudget> budgetOf(long partyId) {
        return budgets.stream().filter(b -> b.partyId() == partyId).findFirst();
    }

    Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", year);
        m.put("targetProjects", targetProjects);
        m.put("plannedOpen", String.valueOf(plannedOpen));
        m.put("plannedClose", String.valueOf(plannedClose));
        m.put("budgets", budgets.stream().map(b -> Map.of("party", b.partyId(), "amount", b.amount().toPlainString(),
                "currency", b.currency())).toList());
        m.put("fields", List.copyOf(fieldCodes));
        return m;
    }

    public Long getId() {
        return id;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public int getYear() {
        return year;
    }

    public int getTargetProjects() {
        return targetProjects;
    }

    public LocalDate getPlannedOpen() {
        return plannedOpen;
    }

    public LocalDate getPlannedClose() {
        return plannedClose;
    }

    public long getVersion() {
        return version;
    }

    public List<PlanBudget> getBudgets() {
        return budgets;
    }

    public Set<String> getFieldCodes() {
        return fieldCodes;
    }
}
