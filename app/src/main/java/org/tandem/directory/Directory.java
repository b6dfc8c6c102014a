package org.tandem.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;

/** Organisations and researchers' profiles, and the search for a partner in another country. */
@Service
public class Directory {

    public enum OrganisationType { RESEARCH_INSTITUTE, UNIVERSITY, ENTERPRISE, AGENCY }

    public record Organisation(long id, String name, String nameEn, String country, OrganisationType type, String ror) {
    }

    public record Affiliation(long organisationId, String organisation, int fromYear, Integer toYear) {
    }

    public record Person(long id, Long userId, String name, String nameLatin, String orcid, String country,
                         List<String> fields, List<String> keywords, List<Affiliation> affiliations, boolean doctorate) {
    }

    public record ProfileInput(String name, String nameLatin, String orcid, String country, List<String> fields,
                               List<String> keywords, Long organisationId, Integer fromYear, boolean doctorate) {
    }

    /** A search hit with why it ranked where it did. */
    public record Match(Person person, double score, List<String> matched) {
    }

    private static final Pattern ORCID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
    private static final Pattern ROR = Pattern.compile("0[a-z0-9]{6}\\d{2}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    Directory(JdbcClient jdbc, AuditTrail audit, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Organisation addOrganisation(String name, String nameEn, String country, OrganisationType type, String ror,
                                        String actor) {
        Problems p = new Problems();
        p.require(name != null && !name.isBlank(), "name", "validation.required");
        p.require(country != null && country.strip().matches("[A-Za-z]{2}"), "country", "directory.country.invalid");
        p.require(type != null, "type", "validation.required");
        p.require(ror == null || ror.isBlank() || ROR.matcher(ror.strip()).matches(), "ror", "directory.ror.invalid");
        p.throwIfAny();
        long id = jdbc.sql("""
                insert into organisation (name, name_en, country, type, ror, search_key) values (?, ?, ?, ?, ?, ?)
                returning id""")
                .params(name.strip(), blank(nameEn), country.strip().toUpperCase(), type.name(), blank(ror),
                        SearchKeys.of(name + " " + (nameEn == null ? "" : nameEn)))
                .query(Long.class).single();
        audit.record(actor, "Organisation", id, "create", null, Map.of("name", name.strip(), "country", country));
        return organisation(id);
    }

    @Transactional(readOnly = true)
    public List<Organisation> organisations() {
        return jdbc.sql("select * from organisation order by country, name").query((rs, i) -> new Organisation(
                rs.getLong("id"), rs.getString("name"), rs.getString("name_en"), rs.getString("country"),
                OrganisationType.valueOf(rs.getString("type")), rs.getString("ror"))).list();
    }

    @Transactional(readOnly = true)
    public Organisation organisation(long id) {
        return organisations().stream().filter(o -> o.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("organisation " + id));
    }

    /** Creates or updates the signed-in researcher's profile. */
    /** Limits of the profile form, shown there with counters and enforced here. */
    public static final int NAME_MAX = 200;
    public static final int KEYWORDS_MAX = 30;
    public static final int KEYWORD_MAX = 100;

    private static org.springframework.context.support.DefaultMessageSourceResolvable label(String key) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {key}, key);
    }

    private static void tooLong(Problems p, String field, String labelKey, String value, int max) {
        int length = value == null ? 0 : value.strip().codePointCount(0, value.strip().length());
        if (length > max) {
            p.add(field, "validation.field.tooLong", label(labelKey), max, length);
        }
    }

    @Transactional
    public Person saveProfile(TandemUser user, ProfileInput in) {
        return saveProfile(user.id(), user.getUsername(), in);
    }

    @Transactional
    public Person saveProfile(Long userId, String actor, ProfileInput in) {
        Problems p = new Problems();
        p.require(in.name() != null && !in.name().isBlank(), "name", "validation.required");
        p.require(in.country() != null && in.country().strip().matches("[A-Za-z]{2}"), "country", "directory.country.invalid");
        tooLong(p, "name", "directory.name", in.name(), NAME_MAX);
        tooLong(p, "nameLatin", "directory.nameLatin", in.nameLatin(), NAME_MAX);
        List<String> words = in.keywords() == null ? List.of() : in.keywords().stream().filter(k -> k != null && !k.isBlank()).toList();
        if (words.size() > KEYWORDS_MAX) {
            p.add("keywords", "validation.field.tooMany", label("proposal.field.keywords"), KEYWORDS_MAX, words.size());
        }
        words.stream().filter(k -> k.strip().length() > KEYWORD_MAX).findFirst().ifPresent(k -> p.add("keywords",
                "validation.field.tooLong", label("proposal.field.keywords"), KEYWORD_MAX, k.strip().length()));
        p.require(in.orcid() == null || in.orcid().isBlank() || ORCID.matcher(in.orcid().strip()).matches(),
                "orcid", "directory.orcid.invalid");
        if (in.organisationId() != null) {
            p.require(organisations().stream().anyMatch(o -> o.id() == in.organisationId()), "organisationId",
                    "directory.organisation.unknown");
            p.require(in.fromYear() != null && in.fromYear() > 1900 && in.fromYear() <= 2100, "fromYear",
                    "directory.year.invalid");
        }
        p.throwIfAny();
        Optional<Long> existing = userId == null ? Optional.empty()
                : jdbc.sql("select id from person where user_id = ?").param(userId).query(Long.class).optional();
        String fields = String.join(",", in.fields() == null ? List.of() : in.fields());
        String keywords = String.join("\n", in.keywords() == null ? List.of() : in.keywords().stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        String orcid = blank(in.orcid());
        if (orcid != null && jdbc.sql("select count(*) from person where orcid = ? and id <> ?")
                .params(orcid, existing.orElse(-1L)).query(Integer.class).single() > 0) {
            throw InvalidInputException.of("orcid", "directory.orcid.taken");
        }
        long id;
        if (existing.isPresent()) {
            id = existing.get();
            jdbc.sql("""
                    update person set name = ?, name_latin = ?, orcid = ?, country = ?, fields = ?, keywords = ?,
                    doctorate = ?, search_key = '', updated_at = ? where id = ?""")
                    .params(in.name().strip(), blank(in.nameLatin()), orcid, in.country().strip().toUpperCase(), fields,
                            keywords, in.doctorate(), Timestamp.from(clock.instant()), id).update();
        } else {
            id = jdbc.sql("""
                    insert into person (user_id, name, name_latin, orcid, country, fields, keywords, doctorate, search_key,
                        updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, '', ?) returning id""")
                    .params(userId, in.name().strip(), blank(in.nameLatin()), orcid, in.country().strip().toUpperCase(),
                            fields, keywords, in.doctorate(), Timestamp.from(clock.instant())).query(Long.class).single();
        }
        if (in.organisationId() != null) {
            jdbc.sql("""
                    insert into affiliation (person_id, organisation_id, from_year) values (?, ?, ?)
                    on conflict do nothing""").params(id, in.organisationId(), in.fromYear()).update();
        }
        refreshSearchKey(id);
        audit.record(actor, "Person", id, existing.isPresent() ? "update" : "create", null,
                Map.of("name", in.name().strip(), "country", in.country(), "fields", fields));
        return person(id);
    }

    /** Name (both spellings), keywords and organisation names, folded: what partner search matches against. */
    private void refreshSearchKey(long personId) {
        Person p = person(personId);
        StringBuilder text = new StringBuilder(p.name()).append(' ').append(p.nameLatin() == null ? "" : p.nameLatin());
        p.keywords().forEach(k -> text.append(' ').append(k));
        p.affiliations().forEach(a -> text.append(' ').append(a.organisation()));
        jdbc.sql("update person set search_key = ? where id = ?").params(SearchKeys.of(text.toString()), personId).update();
    }

    @Transactional(readOnly = true)
    public Optional<Person> profileOf(long userId) {
        return jdbc.sql("select id from person where user_id = ?").param(userId).query(Long.class).optional()
                .map(this::person);
    }

    /** Display names of the named people (in their own script), for lists kept by other modules. */
    @Transactional(readOnly = true)
    public Map<Long, String> names(java.util.Collection<Long> personIds) {
        Map<Long, String> out = new java.util.HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, name from person where id = any(?)").param(personIds.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** A researcher known by Latin-script name who has no account yet (imported or named in a proposal). */
    @Transactional(readOnly = true)
    public Optional<Long> unlinkedPersonByLatinName(String latinName) {
        return jdbc.sql("select id from person where name_latin = ? and user_id is null order by id limit 1")
                .param(latinName).query(Long.class).optional();
    }

    /** Every researcher of the directory, for matching done by other modules (the Innovation Centre). */
    @Transactional(readOnly = true)
    public List<Person> people() {
        return jdbc.sql("select id from person order by id").query(Long.class).list().stream().map(this::person).toList();
    }

    @Transactional(readOnly = true)
    public Person person(long id) {
        return jdbc.sql("select * from person where id = ?").param(id).query((rs, i) -> new Person(rs.getLong("id"),
                        (Long) rs.getObject("user_id", Long.class), rs.getString("name"), rs.getString("name_latin"),
                        rs.getString("orcid"), rs.getString("country"), split(rs.getString("fields"), ","),
                        split(rs.getString("keywords"), "\n"), affiliations(rs.getLong("id")), rs.getBoolean("doctorate")))
                .optional().orElseThrow(() -> new NotFoundException("person " + id));
    }

    private List<Affiliation> affiliations(long personId) {
        return jdbc.sql("""
                select a.organisation_id, o.name, coalesce(o.name_en, '') as en, a.from_year, a.to_year
                from affiliation a join organisation o on o.id = a.organisation_id
                where a.person_id = ? order by a.from_year desc""").param(personId)
                .query((rs, i) -> new Affiliation(rs.getLong("organisation_id"),
                        rs.getString("name") + (rs.getString("en").isEmpty() ? "" : " / " + rs.getString("en")),
                        rs.getInt("from_year"), (Integer) rs.getObject("to_year", Integer.class)))
                .list();
    }

    /**
     * Researchers in other countries than the searcher's, ranked by how many query words they
     * match (in any script), plus shared fields; organisation type filters on current affiliations.
     */
    @Transactional(readOnly = true)
    public List<Match> searchPartners(String query, String field, OrganisationType type, String country,
                                      String ownCountry, int limit) {
        List<String> words = SearchKeys.words(query);
        record Row(long id, String key) {
        }
        // One query for the keys; full profiles are read only for the researchers who match.
        List<Row> rows = jdbc.sql("select id, search_key from person where country <> ? and (? = '' or country = ?)")
                .params(ownCountry == null ? "" : ownCountry, country == null ? "" : country.toUpperCase(),
                        country == null ? "" : country.toUpperCase())
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2))).list();
        Set<Long> typed = type == null ? null : new HashSet<>(jdbc.sql("""
                select a.person_id from affiliation a join organisation o on o.id = a.organisation_id
                where o.type = ? and a.to_year is null""").param(type.name()).query(Long.class).list());
        List<Match> matches = new ArrayList<>();
        Set<String> fieldHolders = field == null || field.isBlank() ? null : new HashSet<>(jdbc.sql(
                "select id::text from person where (',' || coalesce(fields, '') || ',') like ?")
                .param("%," + field + ",%").query(String.class).list());
        for (Row row : rows) {
            long id = row.id();
            if ((typed != null && !typed.contains(id)) || (fieldHolders != null && !fieldHolders.contains(String.valueOf(id)))) {
                continue;
            }
            Set<String> have = new HashSet<>(Arrays.asList(row.key().split(" ")));
            List<String> matched = new ArrayList<>();
            double score = 0;
            for (String w : words) {
                if (have.contains(w)) {
                    score += 1;
                    matched.add(w);
                } else if (w.length() >= 4 && have.stream().anyMatch(h -> h.startsWith(w))) {
                    score += 0.6;
                    matched.add(w + "…");
                }
            }
            if (fieldHolders != null) {
                score += 0.5;
            }
            if (words.isEmpty() || score > 0) {
                matches.add(new Match(person(id), score, matched));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.person().name()));
        return matches.subList(0, Math.min(limit, matches.size()));
    }

    /** Sends a contact request by mail; the sender never learns the other researcher's address. */
    @Transactional
    public void contact(TandemUser from, long toPersonId, String message, String toEmail) {
        Person sender = profileOf(from.id()).orElseThrow(() -> InvalidInputException.of("profile", "directory.profile.required"));
        Person to = person(toPersonId);
        if (message == null || message.isBlank()) {
            throw InvalidInputException.of("message", "validation.required");
        }
        if (message.length() > 4000) {
            throw InvalidInputException.of("message", "directory.message.long");
        }
        jdbc.sql("insert into contact_request (from_person, to_person, message, created_at) values (?, ?, ?, ?)")
                .params(sender.id(), to.id(), message.strip(), Timestamp.from(clock.instant())).update();
        if (toEmail != null) {
            outbox.send(toEmail, "Tandem: " + sender.name() + " would like to write a joint proposal with you",
                    message.strip() + "\n\n— " + sender.name() + " (" + sender.country() + ")\n");
        }
        audit.record(from.getUsername(), "Person", to.id(), "contact-request", null, Map.of("from", sender.id()));
    }

    public record Publication(long id, String title, String abstractText, Integer year, String doi, String source) {
    }

    public record DeclaredConflict(long id, String subject, String reason, String declaredBy, java.time.Instant at) {
    }

    /**
     * Adds imported publications to a person's record. One with a DOI already on record is
     * skipped, so importing the same file twice changes nothing.
     *
     * @return how many were new
     */
    @Transactional
    public int addPublications(long personId, List<PublicationImport.Entry> entries, String source, String actor) {
        person(personId);
        int added = 0;
        for (PublicationImport.Entry e : entries) {
            boolean duplicate = jdbc.sql("""
                    select count(*) from publication where person_id = ?
                    and (doi = ? or (doi is null and cast(? as text) is null and lower(title) = lower(?)))""")
                    .params(personId, e.doi(), e.doi(), e.title()).query(Integer.class).single() > 0;
            if (!duplicate) {
                jdbc.sql("insert into publication (person_id, title, abstract, year, doi, source) values (?, ?, ?, ?, ?, ?)")
                        .params(personId, e.title(), e.abstractText(), e.year(), e.doi(), source).update();
                added++;
            }
        }
        audit.record(actor, "Person", personId, "import-publications", null, Map.of("source", source, "added", added,
                "read", entries.size()));
        return added;
    }

    @Transactional(readOnly = true)
    public List<Publication> publications(long personId) {
        return jdbc.sql("select * from publication where person_id = ? order by year desc nulls last, id").param(personId)
                .query((rs, i) -> new Publication(rs.getLong("id"), rs.getString("title"), rs.getString("abstract"),
                        (Integer) rs.getObject("year", Integer.class), rs.getString("doi"), rs.getString("source")))
                .list();
    }

    /** A conflict an expert declares (an organisation, a person, a proposal), with the reason. */
    @Transactional
    public void declareConflict(long personId, String subject, String reason, String actor) {
        Problems p = new Problems();
        p.require(subject != null && !subject.isBlank(), "subject", "validation.required");
        p.require(reason != null && !reason.isBlank(), "reason", "validation.required");
        p.throwIfAny();
        jdbc.sql("insert into declared_conflict (person_id, subject, reason, declared_by, declared_at) values (?, ?, ?, ?, ?)")
                .params(personId, subject.strip(), reason.strip(), actor, Timestamp.from(clock.instant())).update();
        audit.record(actor, "Person", personId, "declare-conflict", null, Map.of("subject", subject.strip()));
    }

    @Transactional(readOnly = true)
    public List<DeclaredConflict> declaredConflicts(long personId) {
        return jdbc.sql("select * from declared_conflict where person_id = ? order by id").param(personId)
                .query((rs, i) -> new DeclaredConflict(rs.getLong("id"), rs.getString("subject"), rs.getString("reason"),
                        rs.getString("declared_by"), rs.getTimestamp("declared_at").toInstant())).list();
    }

    private static List<String> split(String s, String sep) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(sep)).filter(x -> !x.isBlank()).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
