package org.tandem.innovation;

import java.util.List;
import java.util.Map;
import org.tandem.innovation.Profile.Translation;

/**
 * What an owner writes, as typed (enums and dates as text), so that every wrong value is reported
 * against its field rather than failing the whole request.
 */
public record ProfileInput(String type, String language, String title, String summary, String description,
                           String advantages, Integer trl, String ipStatus, String patentNumbers,
                           List<String> partnerships, String partnerType, List<String> countries, List<String> sectors,
                           List<String> keywords, List<String> fosFields, String expiresOn, String organisation,
                           String contactEmail, Map<String, Translation> translations) {

    public ProfileInput {
        partnerships = partnerships == null ? List.of() : List.copyOf(partnerships);
        countries = countries == null ? List.of() : List.copyOf(countries);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        fosFields = fosFields == null ? List.of() : List.copyOf(fosFields);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }
}
