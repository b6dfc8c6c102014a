package org.tandem.programme;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;

/** One funding agency of one country in a programme. It funds only its own country's teams, in its currency. */
@Entity
@Table(name = "party")
public class Party {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // Written through Programme's collection, which owns the link.
    @Column(name = "programme_id", insertable = false, updatable = false)
    private Long programmeId;

    private String code;
    private String countryCode;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "en", column = @Column(name = "agency_en")),
            @AttributeOverride(name = "vi", column = @Column(name = "agency_vi")),
            @AttributeOverride(name = "ru", column = @Column(name = "agency_ru"))})
    private LocalizedText agency;

    private String currency;
    private String timeZone;
    private int position;

    protected Party() {
    }

    public Party(String code, String countryCode, LocalizedText agency, String currency, String timeZone, int position) {
        this.code = code;
        this.countryCode = countryCode;
        this.agency = agency;
        this.currency = currency;
        this.timeZone = ZoneId.of(timeZone).getId();
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public String getCode() {
        return code;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public LocalizedText getAgency() {
        return agency;
    }

    public String getCurrency() {
        return currency;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public int getPosition() {
        return position;
    }
}
