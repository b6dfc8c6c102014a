package org.tandem.programme;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A call for joint proposals in one year of a programme. */
@Entity
@Table(name = "funding_call")
public class Call {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long programmeId;
    private int year;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "en", column = @Column(name = "title_en")),
            @AttributeOverride(name = "vi", column = @Column(name = "title_vi")),
            @AttributeOverride(name = "ru", column = @Column(name = "title_ru"))})
    private LocalizedText title;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "en", column = @Column(name = "text_en")),
            @AttributeOverride(name = "vi", column = @Column(name = "text_vi")),
            @AttributeOverride(name = "ru", column = @Column(name = "text_ru"))})
    private LocalizedText text;

    private Instant opensAt;
    private Instant closesAt;
    private int minDurationMonths;
    private int maxDurationMonths;
    /** Largest attachment an applicant may upload, in megabytes. */
    private int maxAttachmentMb = 10;

    @Enumerated(EnumType.STRING)
    private CallPhase phase;

    private String createdBy;
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_field", joinColumns = @JoinColumn(name = "call_id"))
    @Column(name = "field_code")
    private Set<String> fieldCodes = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_budget", joinColumns = @JoinColumn(name = "call_id"))
    private List<CallBudget> budgets = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_approval", joinColumns = @JoinColumn(name = "call_id"))
    private List<CallApproval> approvals = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_budget_category", joinColumns = @JoinColumn(name = "call_id"))
    @jakarta.persistence.OrderColumn(name = "position")
    @Column(name = "code")
    private List<String> budgetCategories = new ArrayList<>();

    /**
     * The cost categories of Horizon Europe's budget table, for calls that name none of their
     * own; each has a name in every language under {@code budget.category.<code>}.
     */
    public static final List<String> DEFAULT_BUDGET_CATEGORIES = List.of("personnel", "equipment", "materials", "travel",
            "subcontracting", "other", "overheads");

    protected Call() {
    }

    Call(long programmeId, String createdBy, Instant createdAt) {
        this.programmeId = programmeId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.phase = CallPhase.DRAFT;
    }

    /**
     * Replaces the content. Earlier approvals are withdrawn: an officer approved the text they
     * read, not whatever it became afterwards.
     */
    void update(CallInput in) {
        this.year = in.year();
        this.title = in.title();
        this.text = in.text();
        this.opensAt = in.opensAt();
        this.closesAt = in.closesAt();
        this.minDurationMonths = in.minDurationMonths();
        this.maxDurationMonths = in.maxDurationMonths();
        this.fieldCodes.clear();
        this.fieldCodes.addAll(in.fieldCodes());
        this.budgets.clear();
        this.budgets.addAll(in.budgets());
        this.approvals.clear();
    }

    void approve(long partyId, String officer, Instant at) {
        approvals.removeIf(a -> a.partyId() == partyId);
        approvals.add(new CallApproval(partyId, officer, at));
    }

    void setMaxAttachmentMb(int megabytes) {
        this.maxAttachmentMb = megabytes;
    }

    void setPhase(CallPhase phase) {
        this.phase = phase;
    }

    public CallStatus status(Instant now) {
        return switch (phase) {
            case DRAFT -> CallStatus.DRAFT;
            case PUBLISHED -> now.isBefore(opensAt) ? CallStatus.PUBLISHED
                    : now.isBefore(closesAt) ? CallStatus.OPEN : CallStatus.CLOSED;
            case UNDER_EVALUATION -> CallStatus.UNDER_EVALUATION;
            case DECIDED -> CallStatus.DECIDED;
        };
    }

    public boolean approvedBy(long partyId) {
        return approvals.stream().anyMatch(a -> a.partyId() == partyId);
    }

    public Optional<CallApproval> approvalOf(long partyId) {
        return approvals.stream().filter(a -> a.partyId() == partyId).findFirst();
    }

    public Optional<CallBudget> budgetOf(long partyId) {
        return budgets.stream().filter(b -> b.partyId() == partyId).findFirst();
    }

    Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("programmeId", programmeId);
        m.put("year", year);
        m.put("title", title == null ? null : title.asMap());
        m.put("text", text == null ? null : text.asMap());
        m.put("opensAt", String.valueOf(opensAt));
        m.put("closesAt", String.valueOf(closesAt));
        m.put("durationMonths", minDurationMonths + "-" + maxDurationMonths);
        m.put("phase", phase.name());
        m.put("fields", List.copyOf(fieldCodes));
        m.put("budgets", budgets.stream().map(b -> Map.of("party", b.partyId(), "total", b.total().toPlainString(),
                "projectCap", b.projectCap().toPlainString(), "currency", b.currency())).toList());
        m.put("approvals", approvals.stream().map(a -> Map.of("party", a.partyId(), "by", a.approvedBy(),
                "at", a.approvedAt().toString())).toList());
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

    public LocalizedText getTitle() {
        return title;
    }

    public LocalizedText getText() {
        return text;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public int getMinDurationMonths() {
        return minDurationMonths;
    }

    public int getMaxDurationMonths() {
        return maxDurationMonths;
    }

    public int getMaxAttachmentMb() {
        return maxAttachmentMb;
    }

    /** The categories proposals budget by: the call's own, or the defaults. */
    public List<String> getBudgetCategories() {
        return budgetCategories.isEmpty() ? DEFAULT_BUDGET_CATEGORIES : List.copyOf(budgetCategories);
    }

    void setBudgetCategories(List<String> codes) {
        budgetCategories.clear();
        budgetCategories.addAll(codes);
    }

    public CallPhase getPhase() {
        return phase;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }

    public Set<String> getFieldCodes() {
        return fieldCodes;
    }

    public List<CallBudget> getBudgets() {
        return budgets;
    }

    public List<CallApproval> getApprovals() {
        return approvals;
    }
}
