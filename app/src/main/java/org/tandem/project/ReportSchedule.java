package org.tandem.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.jobs.ClusterScheduled;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Account;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * When each party's team owes its reports: an annual report a set number of days after each
 * year of its contract, the final report the same number of days after the contract ends
 * (a per-party programme setting). Reminders go to the team's principal investigator some days
 * before a report is due and once it is overdue, each once.
 */
@Service
public class ReportSchedule {

    public static final String SETTING_AUDIT_TYPE = "ProjectReportSetting";
    public static final int DEFAULT_GRACE_DAYS = 30;
    public static final int DEFAULT_REMIND_DAYS = 14;
    static final String BEFORE = "BEFORE";
    static final String OVERDUE = "OVERDUE";

    public record Setting(long programmeId, long partyId, int graceDays, int remindDays) {
    }

    /**
     * One report a team owes. {@code filed} is the report's status when one was filed, else null.
     * {@code daysLate} counts from the due date in the party's calendar, 0 when not late.
     */
    public record Due(long projectId, long partyId, String partyCode, String projectCode, String kind, int year,
                      LocalDate periodEnd, LocalDate dueOn, String filed, long daysLate) {
        public boolean overdue() {
            return daysLate > 0;
        }
    }

    /** An overdue report with its project, for the officers' list. */
    public record Overdue(Project project, Due due) {
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Programmes programmes;
    private final Accounts accounts;
    private final Outbox outbox;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    ReportSchedule(JdbcClient jdbc, Projects projects, Programmes programmes, Accounts accounts,
                   Outbox outbox, MessageSource messages, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.programmes = programmes;
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- settings -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Setting setting(long programmeId, long partyId) {
        return jdbc.sql("select grace_days, remind_days from project_report_setting where programme_id = ? and party_id = ?")
                .params(programmeId, partyId)
                .query((rs, i) -> new Setting(programmeId, partyId, rs.getInt(1), rs.getInt(2))).optional()
                .orElse(new Setting(programmeId, partyId, DEFAULT_GRACE_DAYS, DEFAULT_REMIND_DAYS));
    }

    /** A party's own officers decide how long its teams have to report and when they are reminded. */
    @Transactional
    public Setting setSetting(long programmeId, long partyId, Integer graceDays, Integer remindDays, TandemUser user) {
        Programme programme = programmes.get(programmeId);
        programme.party(partyId).orElseThrow(() -> new NotFoundException("party " + partyId));
        if (user == null || !user.officerParties(programmeId).contains(partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        Problems problems = new Problems();
        problems.require(graceDays != null && graceDays >= 0 && graceDays <= 365, "graceDays", "project.due.graceDays");
        problems.require(remindDays != null && remindDays >= 1 && remindDays <= 120, "remindDays", "project.due.remindDays");
        problems.throwIfAny();
        Setting before = setting(programmeId, partyId);
        jdbc.sql("""
                insert into project_report_setting (programme_id, party_id, grace_days, remind_days, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?) on conflict (programme_id, party_id) do update set grace_days = excluded.grace_days,
                    remind_days = excluded.remind_days, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(programmeId, partyId, graceDays, remindDays, user.getUsername(), Timestamp.from(clock.instant()))
                .update();
        audit.record(user.getUsername(), SETTING_AUDIT_TYPE, programmeId + "/" + partyId, "update",
                Map.of("graceDays", before.graceDays(), "remindDays", before.remindDays()),
                Map.of("graceDays", graceDays, "remindDays", remindDays));
        return setting(programmeId, partyId);
    }

    // ---- due dates ------------------------------------------------------------------------------

    /** The reports the project's teams owe, from their signed contracts, earliest first. */
    @Transactional(readOnly = true)
    public List<Due> dues(Project project) {
        return dues(List.of(project)).getOrDefault(project.id(), List.of());
    }

    /**
     * What {@link #dues(Project)} gives, for many projects at once (a programme's dashboard, the officers' list, the
     * reminders) in three queries whatever their number. Projects that owe nothing are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Due>> dues(Collection<Project> some) {
        List<Project> owing = some.stream()
                .filter(p -> p.startDate() != null && !ProjectWorkflow.TERMINATED.equals(p.status())).toList();
        Map<Long, List<Due>> out = new LinkedHashMap<>();
        if (owing.isEmpty()) {
            return out;
        }
        Long[] ids = owing.stream().map(Project::id).toArray(Long[]::new);
        Map<Long, List<Term>> terms = new HashMap<>();
        jdbc.sql("select project_id, party_id, start_date, end_date from project_contract where project_id = any(?)")
                .param(ids).query((rs, i) -> terms.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Term(rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))))
                .list();
        Map<String, String> filed = new HashMap<>();
        jdbc.sql("select project_id, party_id, kind, year, status from project_report where project_id = any(?)")
                .param(ids).query((rs, i) -> filed.put(reportKey(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)),
                        rs.getString(5)))
                .list();
        Long[] programmeIds = owing.stream().map(Project::programmeId).distinct().toArray(Long[]::new);
        Map<String, Setting> settings = new HashMap<>();
        jdbc.sql("select programme_id, party_id, grace_days, remind_days from project_report_setting where programme_id = any(?)")
                .param(programmeIds).query((rs, i) -> settings.put(rs.getLong(1) + "/" + rs.getLong(2),
                        new Setting(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4))))
                .list();
        Map<Long, Programme> programmeOf = new HashMap<>();
        for (Project project : owing) {
            Programme programme = programmeOf.computeIfAbsent(project.programmeId(), programmes::get);
            List<Due> dues = new ArrayList<>();
            for (Term c : terms.getOrDefault(project.id(), List.of())) {
                Project.Part part = project.part(c.partyId()).orElseThrow();
                Party party = programme.party(c.partyId()).orElseThrow();
                Setting s = settings.getOrDefault(project.programmeId() + "/" + c.partyId(),
                        new Setting(project.programmeId(), c.partyId(), DEFAULT_GRACE_DAYS, DEFAULT_REMIND_DAYS));
                LocalDate today = LocalDate.now(clock.withZone(party.zone()));
                // A contract year ending on the contract's last day is covered by the final report.
                for (int year = 1; ; year++) {
                    LocalDate yearEnd = c.start().plusYears(year).minusDays(1);
                    if (!yearEnd.isBefore(c.end())) {
                        break;
                    }
                    dues.add(due(project, part, "ANNUAL", year, yearEnd, yearEnd.plusDays(s.graceDays()), today, filed));
                }
                dues.add(due(project, part, "FINAL", 0, c.end(), c.end().plusDays(s.graceDays()), today, filed));
            }
            dues.sort(Comparator.comparing(Due::dueOn).thenComparing(Due::partyCode));
            out.put(project.id(), dues);
        }
        return out;
    }

    /** A party's contract term, all the due dates need of it. */
    private record Term(long partyId, LocalDate start, LocalDate end) {
    }

    private static String reportKey(long projectId, long partyId, String kind, int year) {
        return projectId + "/" + partyId + "/" + kind + "/" + year;
    }

    private static Due due(Project project, Project.Part part, String kind, int year, LocalDate periodEnd,
                           LocalDate dueOn, LocalDate today, Map<String, String> filedReports) {
        String filed = filedReports.get(reportKey(project.id(), part.partyId(), kind, year));
        long late = filed == null && today.isAfter(dueOn) ? ChronoUnit.DAYS.between(dueOn, today) : 0;
        return new Due(project.id(), part.partyId(), part.partyCode(), part.code(), kind, year, periodEnd, dueOn, filed, late);
    }

    /** The reports overdue from the teams of the parties this user is an officer of, the longest overdue first. */
    @Transactional(readOnly = true)
    public List<Overdue> overdueFor(TandemUser user) {
        List<Overdue> out = new ArrayList<>();
        List<Project> running = projects.forOfficer(user).stream()
                .filter(p -> ProjectWorkflow.RUNNING.equals(p.status())).toList();
        Map<Long, List<Due>> all = dues(running);
        for (Project p : running) {
            var own = user.officerParties(p.programmeId());
            all.getOrDefault(p.id(), List.of()).stream().filter(Due::overdue).filter(d -> own.contains(d.partyId()))
                    .forEach(d -> out.add(new Overdue(p, d)));
        }
        out.sort(Comparator.comparingLong((Overdue o) -> o.due().daysLate()).reversed());
        return out;
    }

    // ---- reminders ------------------------------------------------------------------------------

    @ClusterScheduled(name = "project-report-reminders", fixedDelay = "${tandem.project.reminders.every:PT6H}",
            initialDelay = "${tandem.project.reminders.first:PT1H}")
    @Transactional
    public void scheduled() {
        remind();
    }

    /**
     * Mails each principal investigator whose report falls due within the party's reminder
     * window, and again once it is overdue. The reminder is recorded before it is sent, in the
     * same transaction, so a repeated run (another node, a retry) mails nobody twice. Returns
     * how many were sent.
     */
    @Transactional
    public int remind() {
        int sent = 0;
        List<Project> running = projects.all().stream().filter(p -> ProjectWorkflow.RUNNING.equals(p.status())).toList();
        Map<Long, List<Due>> all = dues(running);
        Map<String, Integer> windows = new HashMap<>(); // one read per programme and party, not per report
        for (Project p : running) {
            for (Due d : all.getOrDefault(p.id(), List.of())) {
                if (d.filed() != null) {
                    continue;
                }
                Programme programme = programmes.get(p.programmeId());
                Party party = programme.party(d.partyId()).orElseThrow();
                LocalDate today = LocalDate.now(clock.withZone(party.zone()));
                int window = windows.computeIfAbsent(p.programmeId() + "/" + d.partyId(),
                        k -> setting(p.programmeId(), d.partyId()).remindDays());
                String stage = d.overdue() ? OVERDUE : !today.isBefore(d.dueOn().minusDays(window)) ? BEFORE : null;
                if (stage == null) {
                    continue;
                }
                Project.Part part = p.part(d.partyId()).orElseThrow();
                Optional<Account> account = Optional.ofNullable(part.piUserId()).map(accounts::get);
                String to = account.map(Account::email).filter(e -> e != null && !e.isBlank()).orElse(part.piEmail());
                if (to == null || to.isBlank()) {
                    continue; // nobody to tell yet; once an address is known the reminder goes out
                }
                boolean first = jdbc.sql("""
                        insert into project_report_reminder (project_id, party_id, kind, year, stage, recipient, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(p.id(), d.partyId(), d.kind(), d.year(), stage, to, Timestamp.from(clock.instant()))
                        .update() == 1;
                if (!first) {
                    continue;
                }
                Locale locale = Locale.forLanguageTag(account.map(Account::preferredLanguage).filter(l -> l != null)
                        .orElse("en"));
                outbox.send(to, subject(p, d, stage, locale), body(p, d, stage, locale));
                sent++;
            }
        }
        return sent;
    }

    private String report(Due d, Locale locale) {
        return "FINAL".equals(d.kind()) ? messages.getMessage("project.report.final", null, locale)
                : messages.getMessage("project.report.annual", new Object[] {d.year()}, locale);
    }

    private String subject(Project p, Due d, String stage, Locale locale) {
        String key = OVERDUE.equals(stage) ? "project.reminder.overdueSubject" : "project.reminder.beforeSubject";
        return messages.getMessage(key, new Object[] {d.projectCode(), report(d, locale)}, locale);
    }

    private String body(Project p, Due d, String stage, Locale locale) {
        String date = d.dueOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        String key = OVERDUE.equals(stage) ? "project.reminder.overdueBody" : "project.reminder.beforeBody";
        return messages.getMessage(key, new Object[] {report(d, locale), d.projectCode(), p.title(), date, d.daysLate()}, locale)
                + "\n\n/projects/" + p.id() + "/report\n";
    }
}
