package org.tandem.innovation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.innovation.Profile.IpStatus;
import org.tandem.innovation.Profile.Partnership;
import org.tandem.innovation.Profile.ProfileType;
import org.tandem.innovation.Profile.Translation;

/**
 * A profile as a reader sees it. Anonymous by construction: the owner's person, organisation,
 * contact and patent numbers are simply not fields of it; {@link #owner} is set only for a reader
 * entitled to know them (the owner, the Centre, a partner whose interest was accepted).
 */
public record PublicProfile(long id, ProfileType type, String status, String language, String title, String summary,
                            String description, String advantages, Map<String, Translation> translations, int trl,
                            IpStatus ipStatus, List<Partnership> partnerships, String partnerType, List<String> countries,
                            List<String> sectors, List<String> keywords, List<String> fosFields, LocalDate expiresOn,
                            Instant publishedAt, Owner owner) {

    public record Owner(String name, String organisation, String email, String patentNumbers) {
    }

    private Translation in(Locale locale) {
        return locale == null || locale.getLanguage().equals(language) ? null : translations.get(locale.getLanguage());
    }

    public String title(Locale locale) {
        Translation t = in(locale);
        return t != null && t.title() != null && !t.title().isBlank() ? t.title() : title;
    }

    public String summary(Locale locale) {
        Translation t = in(locale);
        return t != null && t.summary() != null && !t.summary().isBlank() ? t.summary() : summary;
    }

    public String description(Locale locale) {
        Translation t = in(locale);
        return t != null && t.description() != null && !t.description().isBlank() ? t.description() : description;
    }
}
