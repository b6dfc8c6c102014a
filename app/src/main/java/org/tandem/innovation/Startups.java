package org.tandem.innovation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.jobs.ClusterScheduled;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Account;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;

/**
 * Incubation cohorts of the Innovation Centre and the start-ups that go through them, following
 * {@link InnovationWorkflows#STARTUP}. A graduate reports revenue, investment raised, jobs and IP
 * for each of the five years after graduation; the founder is reminded once per missing year.
 */
@Service
public class Startups {

    /** Panel scores needed before the Centre selects or declines an application. */
    public static final int MIN_SCORES = 1;
    /** Years after graduation that a start-up reports on (the usual follow-up of incubators). */
    public static final int REPORT_YEARS = 5;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Accounts accounts;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;

    Startups(JdbcClient jdbc, AuditTrail audit, Accounts accounts, Outbox outbox, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    public record Cohort(long id, String name, String partyCode, int year) {
    }

    public record Startup(long id, long cohortId, long founderId, String founderName, String name, String pitch,
                          String stage, LocalDate formedOn, LocalDate graduatedOn, LocalDate exitedOn, List<Score> scores,
                          List<Report> reports) {

        public OptionalDouble average() {
            return scores.stream().mapToInt(Score::score).average();
        }

        /** Calendar year that report {@code k} (1–5) covers: the k-th full year after graduation. */
        public int calendarYear(int k) {
            return graduatedOn.getYear() + k;
        }
    }

    public record Score(String panelist, int score, String comment) {
    }

    public record Report(int reportYear, int calendarYear, BigDecimal revenue, BigDecimal investment, String currency,
                         int jobs, int ipCount) {
    }

    /** What a founder types for one year's report, as text so each wrong value is named. */
    public record ReportInput(String revenue, String investment, String currency, String jobs, String ipCount) {
    }

    private static void requireStaff(TandemUser user) {
        if (!user.has(Role.INNOVATION_STAFF)) {
            throw new NotAllowedException("innovation staff only");
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- writing

    @Transactional
    public Cohort createCohort(String name, String partyCode, Integer year, TandemUser staff) {
        requireStaff(staff);
        Problems p = new Problems();
        p.require(name != null && !name.isBlank() && name.length() <= 300, "name", "innovation.error.required",
                Profiles.label("cohortName"));
        p.require(partyCode != null && List.of("VN", "RU").contains(partyCode), "party", "innovation.error.choice",
                Profiles.label("party"));
        p.require(year != null && year >= 2000 && year <= 2100, "year", "innovation.error.choice", Profiles.label("year"));
        p.throwIfAny();
        long id = jdbc.sql("""
                insert into innovation_cohort (name, party_code, year, created_by, created_at) values (?, ?, ?, ?, ?)
                returning id""")
                .params(name.strip(), partyCode, year, staff.getUsername(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(staff.getUsername(), "innovation_cohort", id, "create", null,
                Map.of("name", name.strip(), "party", partyCode, "year", year));
        return cohort(id);
    }

    @Transactional
    public Startup apply(long cohortId, String name, String pitch, TandemUser founder) {
        cohort(cohortId);
        Problems p = new Problems();
        p.require(name != null && !name.isBlank() && name.length() <= 300, "name", "innovation.error.required",
                Profiles.label("startupName"));
        p.require(pitch != null && !pitch.isBlank(), "pitch", "innovation.error.required", Profiles.label("pitch"));
        p.require(pitch == null || pitch.length() <= 5000, "pitch", "innovation.error.tooLong", Profiles.label("pitch"), 5000);
        p.throwIfAny();
        boolean taken = jdbc.sql("select count(*) from innovation_startup where cohort_id = ? and lower(name) = lower(?)")
                .params(cohortId, name.strip()).query(Long.class).single() > 0;
        if (taken) {
            throw new ConflictException("INNOVATION_STARTUP_EXISTS");
        }
        var now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                insert into innovation_startup (cohort_id, founder_id, founder_name, name, pitch, stage, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(cohortId, founder.id(), founder.displayName(), name.strip(), pitch.strip(),
                        InnovationWorkflows.STARTUP.initial(), now, now)
                .query(Long.class).single();
        audit.record(founder.getUsername(), "innovation_startup", id, "apply", null,
                Map.of("cohort", cohortId, "name", name.strip(), "stage", InnovationWorkflows.APPLIED));
        return startup(id);
    }

    /** One panel member's score; scoring again replaces their earlier score. */
    @Transactional
    public Startup score(long startupId, Integer score, String comment, TandemUser panelist) {
        requireStaff(panelist);
        Startup s = startup(startupId);
        InnovationWorkflows.STARTUP.require(s.stage(), "score");
        Problems p = new Problems();
        p.require(score != null && score >= 1 && score <= 10, "score", "innovation.error.score", Profiles.label("score"));
        p.require(comment == null || comment.length() <= 5000, "comment", "innovation.error.tooLong",
                Profiles.label("panelComment"), 5000);
        p.throwIfAny();
        Integer before = s.scores().stream().filter(x -> x.panelist().equals(panelist.getUsername())).map(Score::score)
                .findFirst().orElse(null);
        jdbc.sql("""
                insert into innovation_startup_score (startup_id, panelist, score, comment, at) values (?, ?, ?, ?, ?)
                on conflict (startup_id, panelist) do update set score = excluded.score, comment = excluded.comment,
                    at = excluded.at""")
                .params(startupId, panelist.getUsername(), score, comment == null || comment.isBlank() ? null : comment.strip(),
                        Timestamp.from(clock.instant()))
                .update();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("score", before);
        audit.record(panelist.getUsername(), "innovation_startup", startupId, "score", was, Map.of("score", score));
        return startup(startupId);
    }

    /** Staff move a start-up along: to the panel, selected or declined, incubated, graduated, exited. */
    @Transactional
    public Startup move(long startupId, String action, TandemUser staff) {
        requireStaff(staff);
        if (List.of("score", "report").contains(action) || InnovationWorkflows.STARTUP.transition(action).isEmpty()) {
            throw InvalidInputException.of("action", "innovation.error.choice", Profiles.label("action"));
        }
        Startup s = startup(startupId);
        String to = InnovationWorkflows.STARTUP.require(s.stage(), action);
        if (("select".equals(action) || "decline".equals(action)) && s.scores().size() < MIN_SCORES) {
            throw new ConflictException("INNOVATION_STARTUP_UNSCORED");
        }
        LocalDate today = today();
        String dateColumn = switch (to) {
            case InnovationWorkflows.INCUBATION -> "formed_on";
            case InnovationWorkflows.GRADUATED -> "graduated_on";
            case InnovationWorkflows.EXITED -> "exited_on";
            default -> null;
        };
        jdbc.sql("update innovation_startup set stage = ?, updated_at = ?"
                        + (dateColumn == null ? "" : ", " + dateColumn + " = ?") + " where id = ?")
                .params(dateColumn == null ? List.of(to, Timestamp.from(clock.instant()), startupId)
                        : List.of(to, Timestamp.from(clock.instant()), today, startupId))
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("stage", to);
        if (dateColumn != null) {
            after.put("on", today.toString());
        }
        if (!s.scores().isEmpty()) {
            after.put("averageScore", s.average().orElse(0));
        }
        audit.record(staff.getUsername(), "innovation_startup", startupId, action, Map.of("stage", s.stage()), after);
        return startup(startupId);
    }

    /**
     * The founder's report for the {@code k}-th year after graduation, once that year has begun;
     * a second report for the same year replaces the first, the trail keeping both.
     */
    @Transactional
    public Startup report(long startupId, Integer k, ReportInput in, TandemUser founder) {
        Startup s = startup(startupId);
        if (s.founderId() != founder.id()) {
            throw new NotFoundException("startup");
        }
        InnovationWorkflows.STARTUP.require(s.stage(), "report");
        Problems p = new Problems();
        p.require(k != null && k >= 1 && k <= REPORT_YEARS, "reportYear", "innovation.error.reportYear",
                Profiles.label("reportYear"), REPORT_YEARS);
        if (k != null && k >= 1 && k <= REPORT_YEARS) {
            p.require(s.calendarYear(k) <= today().getYear(), "reportYear", "innovation.error.reportTooEarly",
                    Profiles.label("reportYear"), s.calendarYear(k));
        }
        BigDecimal revenue = amount(in.revenue(), "revenue", p);
        BigDecimal investment = amount(in.investment(), "investment", p);
        String currency = in.currency() == null ? "" : in.currency().strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            p.add("currency", "innovation.error.currency", Profiles.label("currency"));
        }
        Integer jobs = count(in.jobs(), "jobs", p);
        Integer ip = count(in.ipCount(), "ipCount", p);
        p.throwIfAny();
        Report before = s.reports().stream().filter(r -> r.reportYear() == k).findFirst().orElse(null);
        jdbc.sql("""
                insert into innovation_startup_report (startup_id, report_year, calendar_year, revenue, investment, currency,
                    jobs, ip_count, submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (startup_id, report_year) do update set revenue = excluded.revenue,
                    investment = excluded.investment, currency = excluded.currency, jobs = excluded.jobs,
                    ip_count = excluded.ip_count, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at""")
                .params(startupId, k, s.calendarYear(k), revenue, investment, currency, jobs, ip, founder.getUsername(),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(founder.getUsername(), "innovation_startup", startupId, "report",
                before == null ? null : reportState(before),
                reportState(new Report(k, s.calendarYear(k), revenue, investment, currency, jobs, ip)));
        return startup(startupId);
    }

    private static Map<String, Object> reportState(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", r.reportYear());
        m.put("revenue", r.revenue().toPlainString());
        m.put("investment", r.investment().toPlainString());
        m.put("currency", r.currency());
        m.put("jobs", r.jobs());
        m.put("ip", r.ipCount());
        return m;
    }

    private static BigDecimal amount(String s, String field, Problems p) {
        try {
            BigDecimal v = new BigDecimal(s == null ? "" : s.strip());
            p.require(v.signum() >= 0 && v.scale() <= 2, field, "innovation.error.amount", Profiles.label(field));
            return v;
        } catch (NumberFormatException e) {
            p.add(field, "innovation.error.amount", Profiles.label(field));
            return null;
        }
    }

    private static Integer count(String s, String field, Problems p) {
        try {
            int v = Integer.parseInt(s == null ? "" : s.strip());
            p.require(v >= 0, field, "innovation.error.count", Profiles.label(field));
            return v;
        } catch (NumberFormatException e) {
            p.add(field, "innovation.error.count", Profiles.label(field));
            return null;
        }
    }

    @ClusterScheduled(name = "innovation-startup-reports", fixedDelay = "P1D", initialDelay = "PT10M")
    @Transactional
    public void reminderJob() {
        remind();
    }

    /**
     * Mails each graduate's founder once for every finished year after graduation (up to five)
     * without a report; returns how many reminders went out.
     */
    @Transactional
    public int remind() {
        int sent = 0;
        int thisYear = today().getYear();
        List<Long> graduates = jdbc.sql("select id from innovation_startup where stage = ? order by id")
                .param(InnovationWorkflows.GRADUATED).query(Long.class).list();
        for (long id : graduates) {
            Startup s = startup(id);
            for (int k = 1; k <= REPORT_YEARS; k++) {
                int year = s.calendarYear(k);
                final int reportYear = k;
                if (year >= thisYear || s.reports().stream().anyMatch(r -> r.reportYear() == reportYear)) {
                    continue;
                }
                int inserted = jdbc.sql("""
                        insert into innovation_startup_reminder (startup_id, report_year, sent_at) values (?, ?, ?)
                        on conflict do nothing""").params(id, k, Timestamp.from(clock.instant())).update();
                if (inserted == 0) {
                    continue;
                }
                Account founder = accounts.get(s.founderId());
                if (founder.email() != null && !founder.email().isBlank()) {
                    Locale locale = Locale.forLanguageTag(founder.preferredLanguage() == null ? "en" : founder.preferredLanguage());
                    outbox.send(founder.email(),
                            messages.getMessage("innovation.startup.reminder.subject", new Object[] {s.name(), year}, locale),
                            messages.getMessage("innovation.startup.reminder.body",
                                    new Object[] {s.name(), year, k, "/innovation/startups/" + id}, locale));
                    sent++;
                }
                audit.record("system", "innovation_startup", id, "remind", null, Map.of("reportYear", k, "year", year));
            }
        }
        return sent;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public List<Cohort> cohorts() {
        return jdbc.sql("select id, name, party_code, year from innovation_cohort order by year desc, id desc")
                .query((rs, i) -> new Cohort(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    @Transactional(readOnly = true)
    public Cohort cohort(long id) {
        return jdbc.sql("select id, name, party_code, year from innovation_cohort where id = ?").param(id)
                .query((rs, i) -> new Cohort(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).optional()
                .orElseThrow(() -> new NotFoundException("cohort"));
    }

    /** A cohort's start-ups: every one for the Centre, only their own for a founder. */
    @Transactional(readOnly = true)
    public List<Startup> of(long cohortId, TandemUser reader) {
        cohort(cohortId);
        return jdbc.sql("select id from innovation_startup where cohort_id = ? order by name, id").param(cohortId)
                .query(Long.class).list().stream().map(this::startup)
                .filter(s -> reader.has(Role.INNOVATION_STAFF) || s.founderId() == reader.id()).toList();
    }

    @Transactional(readOnly = true)
    public List<Startup> foundedBy(TandemUser founder) {
        return jdbc.sql("select id from innovation_startup where founder_id = ? order by id").param(founder.id())
                .query(Long.class).list().stream().map(this::startup).toList();
    }

    /** One start-up, for its founder or the Centre. */
    @Transactional(readOnly = true)
    public Startup view(long id, TandemUser reader) {
        Startup s = startup(id);
        if (s.founderId() != reader.id() && !reader.has(Role.INNOVATION_STAFF)) {
            throw new NotFoundException("startup");
        }
        return s;
    }

    Startup startup(long id) {
        List<Score> scores = jdbc.sql("select panelist, score, comment from innovation_startup_score where startup_id = ? order by at")
                .param(id).query((rs, i) -> new Score(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
        List<Report> reports = jdbc.sql("""
                select report_year, calendar_year, revenue, investment, currency, jobs, ip_count
                from innovation_startup_report where startup_id = ? order by report_year""").param(id)
                .query((rs, i) -> new Report(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7))).list();
        return jdbc.sql("select * from innovation_startup where id = ?").param(id)
                .query((rs, i) -> new Startup(rs.getLong("id"), rs.getLong("cohort_id"), rs.getLong("founder_id"),
                        rs.getString("founder_name"), rs.getString("name"), rs.getString("pitch"), rs.getString("stage"),
                        rs.getObject("formed_on", LocalDate.class), rs.getObject("graduated_on", LocalDate.class),
                        rs.getObject("exited_on", LocalDate.class), scores, reports))
                .optional().orElseThrow(() -> new NotFoundException("startup"));
    }

    /** Start-ups that entered incubation (were formed) in {@code year}, in the party's cohorts. */
    @Transactional(readOnly = true)
    public int formed(String partyCode, int year) {
        return jdbc.sql("""
                select count(*) from innovation_startup s join innovation_cohort c on c.id = s.cohort_id
                where c.party_code = ? and extract(year from s.formed_on) = ?""")
                .params(partyCode, year).query(Integer.class).single();
    }
}
