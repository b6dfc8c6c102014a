package org.tandem.programme;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A field of OECD's Fields of Science and Technology classification (FOS 2007). Reference data. */
@Entity
@Table(name = "fos_field")
public class FosField {

    @Id
    private String code;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "en", column = @Column(name = "name_en")),
            @AttributeOverride(name = "vi", column = @Column(name = "name_vi")),
            @AttributeOverride(name = "ru", column = @Column(name = "name_ru"))})
    private LocalizedText name;

    protected FosField() {
    }

    public String getCode() {
        return code;
    }

    public LocalizedText getName() {
        return name;
    }
}
