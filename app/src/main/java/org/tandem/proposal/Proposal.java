package org.tandem.proposal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One joint proposal in a call, written together by one team per party. */
@Entity
@Table(name = "proposal")
public class Proposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long callId;
    private String acronym;
    private String title;
    @Column(name = "abstract")
    private String abstractText;
    /** One keyword per line. */
    private String keywords;
    /** Comma-separated priority-field codes of the programme. */
    private String fieldCodes;
    private Integer durationMonths;
    private String workPlan;
    private String titleVi;
    private String titleRu;
    private String abstractVi;
    private String abstractRu;

    @Enumerated(EnumType.STRING)
    private ProposalStatus status;

    private Long createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "proposal_id", nullable = false)
    @OrderBy("position")
    private List<Team> teams = new ArrayList<>();

    protected Proposal() {
    }

    Proposal(long callId, long createdBy, Instant at, List<Long> partyIds) {
        this.callId = callId;
        this.createdBy = createdBy;
        this.createdAt = at;
        this.updatedAt = at;
        this.status = ProposalStatus.DRAFT;
        for (int i = 0; i < partyIds.size(); i++) {
            teams.add(new Team(partyIds.get(i), i));
        }
    }

    /** The common part always; a team only by its own PI (or by a system import, {@code userId} null). */
    void update(ProposalContent c, Long userId, java.util.function.Function<String, Long> partyIdOfCode, Instant at) {
        this.acronym = blankToNull(c.acronym());
        this.title = blankToNull(c.title());
        this.abstractText = blankToNull(c.abstractText());
        this.keywords = c.keywords() == null ? null : String.join("\n", c.keywords().stream()
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList());
        this.fieldCodes = c.fields() == null ? null : String.join(",", c.fields().stream()
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList());
        this.durationMonths = c.durationMonths();
        this.workPlan = blankToNull(c.workPlan());
        this.titleVi = blankToNull(c.titleVi());
        this.titleRu = blankToNull(c.titleRu());
        this.abstractVi = blankToNull(c.abstractVi());
        this.abstractRu = blankToNull(c.abstractRu());
        if (c.teams() != null) {
            for (TeamContent tc : c.teams()) {
                Long partyId = partyIdOfCode.apply(tc.party());
                teamOf(partyId == null ? -1 : partyId)
                        .filter(t -> userId == null || t.ledBy(userId))
                        .ifPresent(t -> t.update(tc));
            }
        }
        this.updatedAt = at;
    }

    void setStatus(ProposalStatus status) {
        this.status = status;
    }

    /** Forces a new version even when only a team's row changed, so concurrent edits are always detected. */
    void touch(Instant at) {
        this.updatedAt = at;
    }

    public Optional<Team> teamOf(long partyId) {
        return teams.stream().filter(t -> t.getPartyId() == partyId).findFirst();
    }

    public boolean isMember(long userId) {
        return teams.stream().anyMatch(t -> t.ledBy(userId));
    }

    public List<String> keywordList() {
        return keywords == null ? List.of() : Arrays.stream(keywords.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    public List<String> fieldList() {
        return fieldCodes == null ? List.of() : Arrays.stream(fieldCodes.split(",")).filter(s -> !s.isBlank()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() { return id; }
    public Long getCallId() { return callId; }
    public String getAcronym() { return acronym; }
    public String getTitle() { return title; }
    public String getAbstractText() { return abstractText; }
    public Integer getDurationMonths() { return durationMonths; }
    public String getWorkPlan() { return workPlan; }
    public String getTitleVi() { return titleVi; }
    public String getTitleRu() { return titleRu; }
    public String getAbstractVi() { return abstractVi; }
    public String getAbstractRu() { return abstractRu; }
    public ProposalStatus getStatus() { return status; }
    public Long getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
    public List<Team> getTeams() { return teams; }
}
