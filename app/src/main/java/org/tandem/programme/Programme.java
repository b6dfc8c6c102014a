package org.tandem.programme;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A joint programme between N parties over a span of years. Nothing here assumes two parties:
 * every rule iterates over {@link #getParties()}.
 */
@Entity
@Table(name = "programme")
public class Programme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "en", column = @Column(name = "name_en")),
            @AttributeOverride(name = "vi", column = @Column(name = "name_vi")),
            @AttributeOverride(name = "ru", column = @Column(name = "name_ru"))})
    private LocalizedText name;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "en", column = @Column(name = "description_en")),
            @AttributeOverride(name = "vi", column = @Column(name = "description_vi")),
            @AttributeOverride(name = "ru", column = @Column(name = "description_ru"))})
    private LocalizedText description;

    private int firstYear;
    private int lastYear;

    /** Comma-separated language codes every call text must have, e.g. "en,vi,ru". */
    private String requiredLanguages;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "programme_id", nullable = false)
    @OrderBy("position")
    private List<Party> parties = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "programme_id", nullable = false)
    @OrderBy("position")
    private List<PriorityField> priorityFields = new ArrayList<>();

    protected Programme() {
    }

    public Programme(String code, LocalizedText name, LocalizedText description, int firstYear, int lastYear,
                     List<String> requiredLanguages, List<Party> parties, List<PriorityField> fields) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.requiredLanguages = String.join(",", requiredLanguages);
        this.parties = new ArrayList<>(parties);
        this.priorityFields = new ArrayList<>(fields);
    }

    public Optional<Party> party(long partyId) {
        return parties.stream().filter(p -> p.getId() == partyId).findFirst();
    }

    public Optional<Party> partyByCode(String partyCode) {
        return parties.stream().filter(p -> p.getCode().equals(partyCode)).findFirst();
    }

    public boolean coversYear(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public List<Integer> years() {
        return IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
    }

    public List<String> requiredLanguageList() {
        return Arrays.stream(requiredLanguages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean hasField(String fieldCode) {
        return priorityFields.stream().anyMatch(f -> f.getCode().equals(fieldCode));
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public LocalizedText getName() {
        return name;
    }

    public LocalizedText getDescription() {
        return description;
    }

    public int getFirstYear() {
        return firstYear;
    }

    public int getLastYear() {
        return lastYear;
    }

    public List<Party> getParties() {
        return parties;
    }

    public List<PriorityField> getPriorityFields() {
        return priorityFields;
    }

    public long getVersion() {
        return version;
    }
}
