package org.tandem.innovation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.innovation.Deal.AgreementType;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;

/**
 * Expressions of interest and the deals they become, following {@link InnovationWorkflows#DEAL}.
 * The owner's acceptance is the moment anonymity ends, for both sides at once.
 */
@Service
public class Deals {

    private final JdbcClient jdbc;
    private final Profiles profiles;
    private final AuditTrail audit;
    private final Accounts accounts;
    private final Clock clock;

    Deals(JdbcClient jdbc, Profiles profiles, AuditTrail audit, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What staff record with a stage: its date (today when empty), a note, a document reference, a value. */
    public record StageInput(String on, String note, String document, String value, String currency, String agreementType) {
        public static StageInput today() {
            return new StageInput(null, null, null, null, null, null);
        }
    }

    @Transactional
    public Deal express(long profileId, String message, String organisation, TandemUser user) {
        Profile p = profiles.get(profileId);
        if (!profiles.isPublic(p)) {
            throw new NotFoundException("innovation");
        }
        if (p.ownerId() == user.id()) {
            throw new ConflictException("INNOVATION_OWN_PROFILE");
        }
        Problems problems = new Problems();
        problems.require(message != null && !message.isBlank(), "message", "innovation.error.required",
                Profiles.label("message"));
        problems.require(message == null || message.length() <= 5000, "message", "innovation.error.tooLong",
                Profiles.label("message"), 5000);
        problems.require(organisation == null || organisation.length() <= 300, "organisation", "innovation.error.tooLong",
                Profiles.label("organisation"), 300);
        problems.throwIfAny();
        boolean exists = jdbc.sql("select count(*) from innovation_deal where profile_id = ? and party_id = ?")
                .params(profileId, user.id()).query(Long.class).single() > 0;
        if (exists) {
            throw new ConflictException("INNOVATION_ALREADY_INTERESTED");
        }
        String email = accounts.get(user.id()).email();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into innovation_deal (profile_id, party_id, party_username, party_name, party_organisation,
                    party_email, message, stage, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(profileId, user.id(), user.getUsername(), user.displayName(),
                        organisation == null || organisation.isBlank() ? user.displayName() : organisation.strip(),
                        email == null ? "" : email, message.strip(), InnovationWorkflows.DEAL.initial(),
                        Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
        stage(id, InnovationWorkflows.INTEREST, profiles.today(), user.getUsername(), null, null, null, null);
        audit.record(user.getUsername(), "innovation_deal", id, "express", null,
                Map.of("profile", profileId, "stage", InnovationWorkflows.INTEREST));
        return view(id, user);
    }

    /** The owner accepts: from now on both parties see each other's name, organisation and contact. */
    @Transactional
    public Deal accept(long dealId, TandemUser owner) {
        Row r = row(dealId);
        if (r.ownerId() != owner.id()) {
            throw new NotFoundException("innovation");
        }
        String to = InnovationWorkflows.DEAL.require(r.stage(), "accept");
        jdbc.sql("update innovation_deal set stage = ?, accepted_at = ?, updated_at = ? where id = ?")
                .params(to, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), dealId).update();
        stage(dealId, to, profiles.today(), owner.getUsername(), null, null, null, null);
        audit.record(owner.getUsername(), "innovation_deal", dealId, "accept", Map.of("stage", r.stage()),
                Map.of("stage", to));
        return view(dealId, owner);
    }

    /** Staff move a deal along the pipeline; every stage keeps its date, value and document. */
    @Transactional
    public Deal move(long dealId, String action, StageInput in, TandemUser staff) {
        if (!staff.has(Role.INNOVATION_STAFF)) {
            throw new NotAllowedException("innovation staff only");
        }
        Row r = row(dealId);
        if (InnovationWorkflows.DEAL.transition(action).isEmpty() || "accept".equals(action)) {
            throw InvalidInputException.of("action", "innovation.error.choice", Profiles.label("action"));
        }
        String to = InnovationWorkflows.DEAL.require(r.stage(), action);
        Problems p = new Problems();
        LocalDate on = profiles.today();
        if (in.on() != null && !in.on().isBlank()) {
            try {
                on = LocalDate.parse(in.on().strip());
                p.require(!on.isAfter(profiles.today()), "on", "innovation.error.future", Profiles.label("on"));
            } catch (DateTimeParseException e) {
                p.add("on", "innovation.error.date", Profiles.label("on"));
            }
        }
        BigDecimal value = null;
        if (in.value() != null && !in.value().isBlank()) {
            try {
                value = new BigDecimal(in.value().strip());
                p.require(value.signum() >= 0 && value.scale() <= 2, "value", "innovation.error.amount",
                        Profiles.label("value"));
            } catch (NumberFormatException e) {
                p.add("value", "innovation.error.amount", Profiles.label("value"));
            }
        }
        String currency = in.currency() == null || in.currency().isBlank() ? null : in.currency().strip().toUpperCase();
        if (currency != null) {
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                p.add("currency", "innovation.error.currency", Profiles.label("currency"));
            }
        }
        p.require(value == null || currency != null, "currency", "innovation.error.required", Profiles.label("currency"));
        AgreementType agreement = null;
        if (InnovationWorkflows.AGREEMENT.equals(to)) {
            try {
                agreement = AgreementType.valueOf(in.agreementType() == null ? "" : in.agreementType().strip());
            } catch (IllegalArgumentException e) {
                p.add("agreementType", "innovation.error.choice", Profiles.label("agreementType"));
            }
        }
        p.require(in.note() == null || in.note().length() <= 5000, "note", "innovation.error.tooLong",
                Profiles.label("note"), 5000);
        p.require(in.document() == null || in.document().length() <= 300, "document", "innovation.error.tooLong",
                Profiles.label("document"), 300);
        p.throwIfAny();
        jdbc.sql("""
                update innovation_deal set stage = ?, agreement_type = coalesce(?, agreement_type),
                    value_amount = coalesce(?, value_amount), value_currency = coalesce(?, value_currency), updated_at = ?
                where id = ?""")
                .params(to, agreement == null ? null : agreement.name(), value, value == null ? null : currency,
                        Timestamp.from(clock.instant()), dealId)
                .update();
        stage(dealId, to, on, staff.getUsername(), blank(in.note()), blank(in.document()), value, value == null ? null : currency);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("stage", to);
        after.put("on", on.toString());
        after.put("value", value == null ? null : value.toPlainString());
        after.put("currency", currency);
        after.put("agreementType", agreement == null ? null : agreement.name());
        audit.record(staff.getUsername(), "innovation_deal", dealId, action, Map.of("stage", r.stage()), after);
        return view(dealId, staff);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void stage(long dealId, String stage, LocalDate on, String by, String note, String document, BigDecimal value,
                       String currency) {
        jdbc.sql("""
                insert into innovation_deal_stage (deal_id, stage, on_date, by_username, note, document, value_amount,
                    value_currency, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dealId, stage, on, by, note, document, value, currency, Timestamp.from(clock.instant())).update();
    }

    // ---------------------------------------------------------------- reading

    record Row(long id, long profileId, long ownerId, long partyId, String stage, Instant acceptedAt) {
    }

    private Row row(long dealId) {
        return jdbc.sql("""
                select d.id, d.profile_id, p.owner_id, d.party_id, d.stage, d.accepted_at
                from innovation_deal d join innovation_profile p on p.id = d.profile_id where d.id = ?""")
                .param(dealId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("innovation"));
    }

    /** True when {@code user} may know who owns the profile: the owner, the Centre, an accepted partner. */
    @Transactional(readOnly = true)
    public boolean mayIdentifyOwner(Profile p, TandemUser user) {
        if (user == null) {
            return false;
        }
        return p.ownerId() == user.id() || user.has(Role.INNOVATION_STAFF)
                || jdbc.sql("select count(*) from innovation_deal where profile_id = ? and party_id = ? and accepted_at is not null")
                .params(p.id(), user.id()).query(Long.class).single() > 0;
    }

    /** A profile for whoever reads it: with its owner only for those entitled, otherwise anonymous. */
    @Transactional(readOnly = true)
    public PublicProfile read(long profileId, TandemUser reader) {
        Profile p = profiles.get(profileId);
        boolean identify = mayIdentifyOwner(p, reader);
        boolean manages = reader != null && (p.ownerId() == reader.id() || reader.has(Role.INNOVATION_STAFF));
        if (!profiles.isPublic(p) && !manages) {
            throw new NotFoundException("innovation");
        }
        return identify ? p.identified() : p.anonymous();
    }

    @Transactional(readOnly = true)
    public Deal view(long dealId, TandemUser user) {
        Row r = row(dealId);
        if (r.ownerId() != user.id() && r.partyId() != user.id() && !user.has(Role.INNOVATION_STAFF)) {
            throw new NotFoundException("innovation");
        }
        return query("where d.id = ?", user, dealId).get(0);
    }

    /** Interests received on the user's profiles and those the user sent, newest first. */
    @Transactional(readOnly = true)
    public List<Deal> ofUser(TandemUser user) {
        return query("where p.owner_id = ? or d.party_id = ? order by d.created_at desc, d.id desc", user, user.id(),
                user.id());
    }

    /** The staff's pipeline: every deal by stage in workflow order. */
    @Transactional(readOnly = true)
    public Map<String, List<Deal>> board(TandemUser staff) {
        if (!staff.has(Role.INNOVATION_STAFF)) {
            throw new NotAllowedException("innovation staff only");
        }
        Map<String, List<Deal>> board = new LinkedHashMap<>();
        for (String s : InnovationWorkflows.PIPELINE) {
            board.put(s, new java.util.ArrayList<>());
        }
        for (Deal d : query("order by d.updated_at desc, d.id desc", staff)) {
            board.get(d.stage()).add(d);
        }
        return board;
    }

    /** How many deals stand at each stage, in pipeline order — counts only, for the programme's scoreboard. */
    @Transactional(readOnly = true)
    public Map<String, Long> countByStage() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : InnovationWorkflows.PIPELINE) {
            counts.put(s, 0L);
        }
        jdbc.sql("select stage, count(*) from innovation_deal group by stage")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private List<Deal> query(String where, TandemUser viewer, Object... args) {
        List<Deal> deals = jdbc.sql("""
                select d.*, p.title as p_title, p.type as p_type, p.owner_id, p.owner_name, p.organisation as p_org,
                       p.contact_email as p_email
                from innovation_deal d join innovation_profile p on p.id = d.profile_id""" + " " + where)
                .params(List.of(args)).query((rs, i) -> deal(rs, viewer)).list();
        return deals.stream().map(d -> new Deal(d.id(), d.profileId(), d.profileTitle(), d.profileType(), d.stage(),
                d.message(), d.party(), d.owner(), d.agreementType(), d.value(), d.currency(), d.acceptedAt(),
                d.createdAt(), history(d.id()))).toList();
    }

    private Deal deal(ResultSet rs, TandemUser viewer) throws SQLException {
        boolean accepted = rs.getTimestamp("accepted_at") != null;
        boolean staff = viewer.has(Role.INNOVATION_STAFF);
        boolean isOwner = rs.getLong("owner_id") == viewer.id();
        boolean isParty = rs.getLong("party_id") == viewer.id();
        Deal.Party party = accepted || staff || isParty
                ? new Deal.Party(rs.getString("party_name"), rs.getString("party_organisation"), rs.getString("party_email"))
                : null;
        Deal.Party owner = accepted || staff || isOwner
                ? new Deal.Party(rs.getString("owner_name"), rs.getString("p_org"), rs.getString("p_email"))
                : null;
        return new Deal(rs.getLong("id"), rs.getLong("profile_id"), rs.getString("p_title"),
                Profile.ProfileType.valueOf(rs.getString("p_type")), rs.getString("stage"), rs.getString("message"), party,
                owner, rs.getString("agreement_type"), rs.getBigDecimal("value_amount"), rs.getString("value_currency"),
                accepted ? rs.getTimestamp("accepted_at").toInstant() : null, rs.getTimestamp("created_at").toInstant(),
                List.of());
    }

    private List<Deal.Stage> history(long dealId) {
        return jdbc.sql("select * from innovation_deal_stage where deal_id = ? order by at, id").param(dealId)
                .query((rs, i) -> new Deal.Stage(rs.getString("stage"), rs.getObject("on_date", LocalDate.class),
                        rs.getString("by_username"), rs.getString("note"), rs.getString("document"),
                        rs.getBigDecimal("value_amount"), rs.getString("value_currency"), rs.getTimestamp("at").toInstant()))
                .list();
    }
}
