package org.tandem.innovation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A profile with everything about it, including who owns it. Only {@link Profiles} and the owner's,
 * the staff's and an accepted partner's views hold one; everyone else gets a {@link PublicProfile}.
 */
public record Profile(long id, ProfileType type, String status, long ownerId, String ownerUsername, String ownerName,
                      String organisation, String contactEmail, String patentNumbers, String language, String title,
                      String summary, String description, String advantages, Map<String, Translation> translations,
                      int trl, IpStatus ipStatus, List<Partnership> partnerships, String partnerType,
                      List<String> countries, List<String> sectors, List<String> keywords, List<String> fosFields,
                      LocalDate expiresOn, String reviewComment, Instant publishedAt, Instant createdAt, Instant updatedAt,
                      Long projectId, Long projectOutputId, String partyCode) {

    /** Title, summary and description in another language than the original. */
    public record Translation(String title, String summary, String description) {

        /** A part of the text in the reader's language where a translation gives it, else as written. */
        static String read(Map<String, Translation> translations, String language, Locale locale,
                           java.util.function.Function<Translation, String> part, String original) {
            Translation t = locale == null || locale.getLanguage().equals(language) ? null
                    : translations.get(locale.getLanguage());
            String translated = t == null ? null : part.apply(t);
            return translated != null && !translated.isBlank() ? translated : original;
        }
    }

    public enum ProfileType {
        TECHNOLOGY_OFFER, TECHNOLOGY_REQUEST, BUSINESS_OFFER, BUSINESS_REQUEST, RD_REQUEST;

        public boolean isOffer() {
            return this == TECHNOLOGY_OFFER || this == BUSINESS_OFFER;
        }

        /** The profile types a profile of this type is matched against ("which way does the money flow"). */
        public List<ProfileType> counterparts() {
            return switch (this) {
                case TECHNOLOGY_OFFER -> List.of(TECHNOLOGY_REQUEST, RD_REQUEST);
                case TECHNOLOGY_REQUEST, RD_REQUEST -> List.of(TECHNOLOGY_OFFER);
                case BUSINESS_OFFER -> List.of(BUSINESS_REQUEST);
                case BUSINESS_REQUEST -> List.of(BUSINESS_OFFER);
            };
        }
    }

    public enum IpStatus { PATENT_GRANTED, PATENT_APPLIED, SECRET_KNOW_HOW, COPYRIGHT, NONE }

    public enum Partnership {
        LICENCE, TECHNICAL_COOPERATION, RESEARCH_COOPERATION, JOINT_VENTURE, INVESTMENT, COMMERCIAL_WITH_ASSISTANCE
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

    /** Drafted by the Centre from a project's output and not yet confirmed by its owner. */
    public boolean proposed() {
        return InnovationWorkflows.PROPOSED.equals(status);
    }

    public PublicProfile anonymous() {
        return new PublicProfile(id, type, status, language, title, summary, description, advantages, translations, trl,
                ipStatus, partnerships, partnerType, countries, sectors, keywords, fosFields, expiresOn, publishedAt,
                projectOutputId != null, null);
    }

    public PublicProfile identified() {
        return new PublicProfile(id, type, status, language, title, summary, description, advantages, translations, trl,
                ipStatus, partnerships, partnerType, countries, sectors, keywords, fosFields, expiresOn, publishedAt,
                projectOutputId != null, new PublicProfile.Owner(ownerName, organisation, contactEmail, patentNumbers));
    }
}
