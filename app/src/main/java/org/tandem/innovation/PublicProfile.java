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
 * {@link #fromProject} says that the offer grew out of a joint research project, never which one:
 * the project's public page names its teams.
 */
public record PublicProfile(long id, ProfileType type, String status, String language, String title, String summary,
                            String description, String advantages, Map<String, Translation> translations, int trl,
                            IpStatus ipStatus, List<Partnership> partnerships, String partnerType, List<String> countries,
                            List<String> sectors, List<String> keywords, List<String> fosFields, LocalDate expiresOn,
                            Instant publishedAt, boolean fromProject, Owner owner) {

    public record Owner(String name, String organisation, String email, String patentNumbers) {
    }

    public String title(Locale locale) {
        return Translation.read(translations, language, locale, Translation::title, title);
    }

    public String summary(Locale locale) {
        return Translation.read(translations, language, locale, Translation::summary, summary);
    }

    public String description(Locale locale) {
        return Translation.read(translations, language, locale, Translation::description, description);
    }
}
