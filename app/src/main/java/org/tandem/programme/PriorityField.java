package org.tandem.programme;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.TreeSet;

/** A priority field of a programme (IT, AI, new materials…), mapped to OECD FOS 2007 codes. */
@Entity
@Table(name = "priority_field")
public class PriorityField {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // Written through Programme's collection, which owns the link.
    @Column(name = "programme_id", insertable = false, updatable = false)
    private Long programmeId;

    private String code;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "en", column = @Column(name = "name_en")),
            @AttributeOverride(name = "vi", column = @Column(name = "name_vi")),
            @AttributeOverride(name = "ru", column = @Column(name = "name_ru"))})
    private LocalizedText name;

    private int position;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "priority_field_fos", joinColumns = @JoinColumn(name = "priority_field_id"))
    @Column(name = "fos_code")
    private Set<String> fosCodes = new TreeSet<>();

    protected PriorityField() {
    }

    public PriorityField(String code, LocalizedText name, int position, Set<String> fosCodes) {
        this.code = code;
        this.name = name;
        this.position = position;
        this.fosCodes = new TreeSet<>(fosCodes);
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

    public int getPosition() {
        return position;
    }

    public Set<String> getFosCodes() {
        return fosCodes;
    }
}
