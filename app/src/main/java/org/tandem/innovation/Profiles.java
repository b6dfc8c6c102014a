package org.tandem.innovation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.innovation.Profile.IpStatus;
import org.tandem.innovation.Profile.Partnership;
import org.tandem.innovation.Profile.ProfileType;
import org.tandem.innovation.Profile.Translation;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.i18n.Languages;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Profiles of the Innovation Centre: written by their owner, reviewed and published by the
 * Centre's staff following {@link InnovationWorkflows#PROFILE}. Whatever leaves this service for a
 * reader who may not know the owner is a {@link PublicProfile} without the owner.
 */
@Service
public class Profiles {

    /** A profile stays published at most this long before it must be renewed (EEN practice). */
    public static final int MAX_VALIDITY_MONTHS = 24;

    static final Set<String> LANGUAGES = Set.copyOf(Languages.CODES);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern FOS = Pattern.compile("^[1-6]\\.[0-9]{1,2}$");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Accounts accounts;
    private final JsonMapper json;
    private final Clock clock;

    Profiles(JdbcClient jdbc, AuditTrail audit, Accounts accounts, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    public record Filter(ProfileType type, Integer minTrl, String sector, String country, String text) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    static DefaultMessageSourceResolvable label(String field) {
        return new DefaultMessageSourceResolvable(new String[] {"innovation.field." + field}, field);
    }

    // ---------------------------------------------------------------- writing

    record Valid(ProfileType type, IpStatus ip, List<Partnership> partnerships, LocalDate expiresOn, String email,
                 List<String> countries) {
    }

    Valid validate(ProfileInput in, String accountEmail) {
        Problems p = new Problems();
        ProfileType type = parse(ProfileType.class, in.type(), "type", p);
        p.require(in.language() != null && LANGUAGES.contains(in.language()), "language", "innovation.error.choice",
                label("language"));
        required(in.title(), "title", 300, p);
        required(in.summary(), "summary", 2000, p);
        required(in.description(), "description", 20000, p);
        optional(in.advantages(), "advantages", 10000, p);
        if (in.trl() == null) {
            p.add("trl", "innovation.error.required", label("trl"));
        } else {
            p.require(in.trl() >= 1 && in.trl() <= 9, "trl", "innovation.error.trl", label("trl"));
        }
        IpStatus ip = parse(IpStatus.class, in.ipStatus(), "ipStatus", p);
        optional(in.patentNumbers(), "patentNumbers", 500, p);
        List<Partnership> partnerships = new ArrayList<>();
        for (int i = 0; i < in.partnerships().size(); i++) {
            Partnership one = parse(Partnership.class, in.partnerships().get(i), "partnerships[" + i + "]", p);
            if (one != null && !partnerships.contains(one)) {
                partnerships.add(one);
            }
        }
        p.require(!in.partnerships().isEmpty(), "partnerships", "innovation.error.required", label("partnerships"));
        optional(in.partnerType(), "partnerType", 300, p);
        List<String> countries = new ArrayList<>();
        for (int i = 0; i < in.countries().size(); i++) {
            String c = in.countries().get(i) == null ? "" : in.countries().get(i).strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(c)) {
                p.add("countries[" + i + "]", "innovation.error.country", label("countries"), in.countries().get(i));
            } else if (!countries.contains(c)) {
                countries.add(c);
            }
        }
        p.require(!in.countries().isEmpty(), "countries", "innovation.error.required", label("countries"));
        p.require(in.sectors().stream().anyMatch(s -> s != null && !s.isBlank()), "sectors", "innovation.error.required",
                label("sectors"));
        p.require(in.keywords().stream().anyMatch(s -> s != null && !s.isBlank()), "keywords", "innovation.error.required",
                label("keywords"));
        for (int i = 0; i < in.fosFields().size(); i++) {
            p.require(in.fosFields().get(i) != null && FOS.matcher(in.fosFields().get(i).strip()).matches(),
                    "fosFields[" + i + "]", "innovation.error.fos", label("fosFields"), String.valueOf(in.fosFields().get(i)));
        }
        LocalDate expires = null;
        if (in.expiresOn() == null || in.expiresOn().isBlank()) {
            p.add("expiresOn", "innovation.error.required", label("expiresOn"));
        } else {
            try {
                expires = LocalDate.parse(in.expiresOn().strip());
                p.require(expires.isAfter(today()) && !expires.isAfter(today().plusMonths(MAX_VALIDITY_MONTHS)),
                        "expiresOn", "innovation.error.expiry", label("expiresOn"), MAX_VALIDITY_MONTHS);
            } catch (DateTimeParseException e) {
                p.add("expiresOn", "innovation.error.date", label("expiresOn"));
            }
        }
        required(in.organisation(), "organisation", 300, p);
        String email = in.contactEmail() == null || in.contactEmail().isBlank() ? accountEmail : in.contactEmail().strip();
        p.require(email != null && EMAIL.matcher(email).matches(), "contactEmail", "innovation.error.email",
                label("contactEmail"));
        in.translations().forEach((lang, t) -> {
            p.require(LANGUAGES.contains(lang) && !lang.equals(in.language()), "translations." + lang,
                    "innovation.error.translation", label("translations"), lang);
            if (t != null) {
                optional(t.title(), "translations." + lang + ".title", 300, p);
                optional(t.summary(), "translations." + lang + ".summary", 2000, p);
                optional(t.description(), "translations." + lang + ".description", 20000, p);
            }
        });
        p.throwIfAny();
        return new Valid(type, ip, partnerships, expires, email, countries);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Problems p) {
        if (value == null || value.isBlank()) {
            p.add(field, "innovation.error.required", label(field.replaceAll("\\[.*", "")));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            p.add(field, "innovation.error.choice", label(field.replaceAll("\\[.*", "")));
            return null;
        }
    }

    private static void required(String value, String field, int max, Problems p) {
        if (value == null || value.isBlank()) {
            p.add(field, "innovation.error.required", label(field));
        } else {
            optional(value, field, max, p);
        }
    }

    private static void optional(String value, String field, int max, Problems p) {
        if (value != null && value.length() > max) {
            p.add(field, "innovation.error.tooLong", label(field.replaceAll(".*\\.", "")), max);
        }
    }

    private static String joined(List<String> values) {
        return String.join(",", values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Transactional
    public Profile create(ProfileInput in, TandemUser owner) {
        Valid v = validate(in, accounts.get(owner.id()).email());
        long id = insert(v, in, owner.id(), owner.getUsername(), owner.displayName(), InnovationWorkflows.DRAFT, null, null,
                v.countries().get(0));
        Profile created = get(id);
        audit.record(owner.getUsername(), "innovation_profile", id, "create", null, state(created));
        return created;
    }

    /**
     * The Centre's draft of an offer from a project's output, owned by the project lead, who
     * confirms it before it can go anywhere. One offer per output.
     */
    @Transactional
    public Profile propose(ProfileInput in, long ownerId, long projectId, long outputId, String partyCode, TandemUser staff) {
        requireStaff(staff);
        var owner = accounts.get(ownerId);
        Valid v = validate(in, owner.email());
        boolean drafted = jdbc.sql("select count(*) from innovation_profile where project_output_id = ?").param(outputId)
                .query(Long.class).single() > 0;
        if (drafted) {
            throw new org.tandem.platform.validation.ConflictException("INNOVATION_OUTPUT_DRAFTED");
        }
        long id = insert(v, in, ownerId, owner.username(), owner.displayName(), InnovationWorkflows.PROPOSED, projectId,
                outputId, partyCode);
        Profile created = get(id);
        Map<String, Object> after = state(created);
        after.put("project", projectId);
        after.put("output", outputId);
        audit.record(staff.getUsername(), "innovation_profile", id, "propose", null, after);
        return created;
    }

    /** The project lead takes the Centre's draft as theirs; from here it follows the normal lifecycle. */
    @Transactional
    public Profile confirm(long id, TandemUser owner) {
        return move(owned(id, owner), "confirm", owner.getUsername(), null);
    }

    /** How many offers the Centre drafted from project outputs, in any state. */
    @Transactional(readOnly = true)
    public long countDraftedFromOutputs() {
        return jdbc.sql("select count(*) from innovation_profile where project_output_id is not null").query(Long.class).single();
    }

    /** The id of the offer drafted from this project output, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> draftedFrom(long outputId) {
        return jdbc.sql("select id from innovation_profile where project_output_id = ?").param(outputId)
                .query(Long.class).optional();
    }

    private long insert(Valid v, ProfileInput in, long ownerId, String ownerUsername, String ownerName, String status,
                        Long projectId, Long outputId, String partyCode) {
        Instant now = clock.instant();
        return jdbc.sql("""
                insert into innovation_profile (type, status, owner_id, owner_username, owner_name, organisation,
                    contact_email, patent_numbers, language, title, summary, description, advantages, translations, trl,
                    ip_status, partnerships, partner_type, countries, sectors, keywords, fos_fields, expires_on,
                    created_at, updated_at, project_id, project_output_id, party_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning id""")
                .params(v.type().name(), status, ownerId, ownerUsername, ownerName, in.organisation().strip(), v.email(),
                        blankToNull(in.patentNumbers()), in.language(), in.title().strip(), in.summary().strip(),
                        in.description().strip(), blankToNull(in.advantages()), json.writeValueAsString(in.translations()),
                        in.trl(), v.ip().name(), joined(v.partnerships().stream().map(Enum::name).toList()),
                        blankToNull(in.partnerType()), joined(v.countries()), joined(in.sectors()), joined(in.keywords()),
                        joined(in.fosFields()), v.expiresOn(), Timestamp.from(now), Timestamp.from(now), projectId, outputId,
                        partyCode)
                .query(Long.class).single();
    }

    @Transactional
    public Profile update(long id, ProfileInput in, TandemUser owner) {
        Profile before = owned(id, owner);
        InnovationWorkflows.PROFILE.require(before.status(), "edit");
        Valid v = validate(in, accounts.get(owner.id()).email());
        jdbc.sql("""
                update innovation_profile set type = ?, organisation = ?, contact_email = ?, patent_numbers = ?,
                    language = ?, title = ?, summary = ?, description = ?, advantages = ?, translations = cast(? as jsonb),
                    trl = ?, ip_status = ?, partnerships = ?, partner_type = ?, countries = ?, sectors = ?, keywords = ?,
                    fos_fields = ?, expires_on = ?, updated_at = ? where id = ?""")
                .params(v.type().name(), in.organisation().strip(), v.email(), blankToNull(in.patentNumbers()),
                        in.language(), in.title().strip(), in.summary().strip(), in.description().strip(),
                        blankToNull(in.advantages()), json.writeValueAsString(in.translations()), in.trl(), v.ip().name(),
                        joined(v.partnerships().stream().map(Enum::name).toList()), blankToNull(in.partnerType()),
                        joined(v.countries()), joined(in.sectors()), joined(in.keywords()), joined(in.fosFields()),
                        v.expiresOn(), Timestamp.from(clock.instant()), id)
                .update();
        Profile after = get(id);
        audit.record(owner.getUsername(), "innovation_profile", id, "edit", state(before), state(after));
        return after;
    }

    @Transactional
    public Profile submit(long id, TandemUser owner) {
        return move(owned(id, owner), "submit", owner.getUsername(), null);
    }

    @Transactional
    public Profile withdraw(long id, TandemUser owner) {
        return move(owned(id, owner), "withdraw", owner.getUsername(), null);
    }

    @Transactional
    public Profile publish(long id, TandemUser staff) {
        requireStaff(staff);
        return move(get(id), "publish", staff.getUsername(), null);
    }

    @Transactional
    public Profile returnToOwner(long id, String comment, TandemUser staff) {
        requireStaff(staff);
        if (comment == null || comment.isBlank()) {
            throw InvalidInputException.of("comment", "innovation.error.required", label("comment"));
        }
        if (comment.strip().length() > 5000) {
            throw InvalidInputException.of("comment", "innovation.error.tooLong", label("comment"), 5000);
        }
        return move(get(id), "return", staff.getUsername(), comment.strip());
    }

    /** A published or expired profile stays (or is again) visible until {@code newExpiry}. */
    @Transactional
    public Profile renew(long id, String newExpiry, TandemUser owner) {
        Profile before = owned(id, owner);
        String to = InnovationWorkflows.PROFILE.require(before.status(), "renew");
        LocalDate expires;
        try {
            expires = LocalDate.parse(newExpiry == null ? "" : newExpiry.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("expiresOn", "innovation.error.date", label("expiresOn"));
        }
        if (!expires.isAfter(today()) || expires.isAfter(today().plusMonths(MAX_VALIDITY_MONTHS))) {
            throw InvalidInputException.of("expiresOn", "innovation.error.expiry", label("expiresOn"), MAX_VALIDITY_MONTHS);
        }
        jdbc.sql("update innovation_profile set status = ?, expires_on = ?, updated_at = ? where id = ?")
                .params(to, expires, Timestamp.from(clock.instant()), id).update();
        Profile after = get(id);
        audit.record(owner.getUsername(), "innovation_profile", id, "renew", state(before), state(after));
        return after;
    }

    @org.tandem.platform.jobs.ClusterScheduled(name = "innovation-expiry", fixedDelay = "PT6H", initialDelay = "PT1M")
    @Transactional
    public void expireJob() {
        expireDue();
    }

    /** Published profiles past their expiry date leave the public list; returns how many. */
    @Transactional
    public int expireDue() {
        List<Long> due = jdbc.sql("select id from innovation_profile where status = ? and expires_on < ? order by id")
                .params(InnovationWorkflows.PUBLISHED, today()).query(Long.class).list();
        for (long id : due) {
            move(get(id), "expire", "system", null);
        }
        return due.size();
    }

    private Profile move(Profile before, String action, String actor, String comment) {
        String to = InnovationWorkflows.PROFILE.require(before.status(), action);
        Instant now = clock.instant();
        jdbc.sql("""
                update innovation_profile set status = ?, review_comment = coalesce(?, review_comment),
                    published_at = case when ? then ? else published_at end, updated_at = ? where id = ?""")
                .params(to, comment, InnovationWorkflows.PUBLISHED.equals(to) && before.publishedAt() == null,
                        Timestamp.from(now), Timestamp.from(now), before.id())
                .update();
        Profile after = get(before.id());
        audit.record(actor, "innovation_profile", before.id(), action, state(before), state(after));
        return after;
    }

    private static void requireStaff(TandemUser user) {
        if (!user.has(Role.INNOVATION_STAFF)) {
            throw new NotAllowedException("innovation staff only");
        }
    }

    private Profile owned(long id, TandemUser user) {
        Profile p = get(id);
        if (p.ownerId() != user.id()) {
            throw new NotFoundException("innovation");
        }
        return p;
    }

    /** What the audit trail keeps: the whole profile, owner included (the trail is not public). */
    static Map<String, Object> state(Profile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", p.status());
        m.put("type", p.type().name());
        m.put("title", p.title());
        m.put("trl", p.trl());
        m.put("ipStatus", p.ipStatus().name());
        m.put("partnerships", p.partnerships().stream().map(Enum::name).toList());
        m.put("countries", p.countries());
        m.put("organisation", p.organisation());
        m.put("expiresOn", p.expiresOn().toString());
        m.put("reviewComment", p.reviewComment());
        return m;
    }

    // ---------------------------------------------------------------- reading

    /** The profile with its owner; for this module only. */
    Profile get(long id) {
        return jdbc.sql("select * from innovation_profile where id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("innovation"));
    }

    boolean isPublic(Profile p) {
        return InnovationWorkflows.PUBLISHED.equals(p.status()) && !p.expiresOn().isBefore(today());
    }

    /** Published and not yet expired, filtered; matching text never looks at the owner's columns. */
    @Transactional(readOnly = true)
    public List<PublicProfile> published(Filter f) {
        return publishedProfiles(f).stream().map(Profile::anonymous).toList();
    }

    List<Profile> publishedProfiles(Filter f) {
        StringBuilder sql = new StringBuilder("select * from innovation_profile where status = ? and expires_on >= ?");
        List<Object> args = new ArrayList<>(List.of(InnovationWorkflows.PUBLISHED, today()));
        if (f.type() != null) {
            sql.append(" and type = ?");
            args.add(f.type().name());
        }
        if (f.minTrl() != null) {
            sql.append(" and trl >= ?");
            args.add(f.minTrl());
        }
        if (f.sector() != null && !f.sector().isBlank()) {
            sql.append(" and (',' || lower(sectors) || ',') like ?");
            args.add("%," + f.sector().strip().toLowerCase(Locale.ROOT) + ",%");
        }
        if (f.country() != null && !f.country().isBlank()) {
            sql.append(" and (',' || countries || ',') like ?");
            args.add("%," + f.country().strip().toUpperCase(Locale.ROOT) + ",%");
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" and (title || ' ' || summary || ' ' || description || ' ' || coalesce(advantages, '') || ' '"
                    + " || keywords || ' ' || sectors || ' ' || translations::text) ilike ?");
            args.add("%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by published_at desc, id desc");
        return jdbc.sql(sql.toString()).params(args).query(this::row).list();
    }

    /** How many profiles exist in any state (the demo seeds only an empty Centre). */
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from innovation_profile").query(Long.class).single();
    }

    /** Profiles the user owns, every state. */
    @Transactional(readOnly = true)
    public List<Profile> ownedBy(TandemUser user) {
        return jdbc.sql("select * from innovation_profile where owner_id = ? order by updated_at desc, id desc")
                .param(user.id()).query(this::row).list();
    }

    /** The Centre's review queue. */
    @Transactional(readOnly = true)
    public List<Profile> inReview(TandemUser staff) {
        requireStaff(staff);
        return jdbc.sql("select * from innovation_profile where status = ? order by updated_at, id")
                .param(InnovationWorkflows.IN_REVIEW).query(this::row).list();
    }

    /** A profile whose owner the user may see in full: their own, or any for the Centre's staff. */
    @Transactional(readOnly = true)
    public Profile manage(long id, TandemUser user) {
        Profile p = get(id);
        if (p.ownerId() != user.id() && !user.has(Role.INNOVATION_STAFF)) {
            throw new NotFoundException("innovation");
        }
        return p;
    }

    private Profile row(ResultSet rs, int i) throws SQLException {
        Map<String, Translation> translations = json.readValue(rs.getString("translations"),
                new TypeReference<Map<String, Translation>>() { });
        return new Profile(rs.getLong("id"), ProfileType.valueOf(rs.getString("type")), rs.getString("status"),
                rs.getLong("owner_id"), rs.getString("owner_username"), rs.getString("owner_name"),
                rs.getString("organisation"), rs.getString("contact_email"), rs.getString("patent_numbers"),
                rs.getString("language"), rs.getString("title"), rs.getString("summary"), rs.getString("description"),
                rs.getString("advantages"), translations, rs.getInt("trl"), IpStatus.valueOf(rs.getString("ip_status")),
                list(rs.getString("partnerships")).stream().map(Partnership::valueOf).toList(), rs.getString("partner_type"),
                list(rs.getString("countries")), list(rs.getString("sectors")), list(rs.getString("keywords")),
                list(rs.getString("fos_fields")), rs.getObject("expires_on", LocalDate.class),
                rs.getString("review_comment"), instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                (Long) rs.getObject("project_id", Long.class), (Long) rs.getObject("project_output_id", Long.class),
                rs.getString("party_code"));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
