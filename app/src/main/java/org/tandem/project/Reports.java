package org.tandem.project;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;

/**
 * Each party's annual and final reports on its team's work: a scientific part and a financial
 * part (spent per budget category and project year, in the party's currency). The team's
 * principal investigator files; the party's officer accepts or returns with a comment. A
 * returned report is filed again as a new version; every version stays.
 */
@Service
public class Reports {

    public static final String AUDIT_TYPE = "ProjectReport";
    public static final List<String> KINDS = List.of("ANNUAL", "FINAL");

    public record SpendingInput(Integer year, String category, BigDecimal amount) {
    }

    public record ReportInput(String kind, Integer year, String scientific, String financialNotes,
                              List<SpendingInput> spending) {
    }

    public record Spending(int year, String category, BigDecimal amount) {
    }

    /** One filed version; {@code financialNotes} is null for readers outside the party. */
    public record Version(int number, String scientific, String financialNotes, List<Spending> spending,
                          String submittedBy, Instant submittedAt, String decision, String comment, String decidedBy,
                          Instant decidedAt) {
    }

    public record Report(long id, long projectId, long partyId, String partyCode, String kind, int year, String status,
                         int currentVersion, List<Version> versions) {
        public Version current() {
            return versions.get(versions.size() - 1);
        }
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Contracts contracts;
    private final AuditTrail audit;
    private final Clock clock;
    private final Completion completion;

    Reports(JdbcClient jdbc, Projects projects, Contracts contracts, AuditTrail audit, Clock clock, Completion completion) {
        this.completion = completion;
        this.jdbc = jdbc;
        this.projects = projects;
        this.contracts = contracts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Project years the reports cover: from the duration, or from the period once contracts fixed it. */
    static int years(Project p) {
        if (p.startDate() != null && p.endDate() != null) {
            long months = java.time.temporal.ChronoUnit.MONTHS.between(p.startDate(), p.endDate().plusDays(1));
            return (int) Math.max(1, (months + 11) / 12);
        }
        return p.durationMonths() == null ? 1 : Math.max(1, (p.durationMonths() + 11) / 12);
    }

    /**
     * Files a report for the caller's own team, or a new version of one that was returned. Checked
     * whole before anything is written, so a refused report stores nothing.
     */
    @Transactional
    public Report submit(long projectId, ReportInput in, TandemUser user) {
        contracts.lock(projectId);
        Project project = projects.get(projectId);
        Project.Part part = user == null ? null : project.ledBy(user.id()).orElse(null);
        if (part == null) {
            throw new NotAllowedException("only a team's principal investigator files its reports");
        }
        if (ProjectWorkflow.COMPLETED.equals(project.status()) || ProjectWorkflow.TERMINATED.equals(project.status())) {
            throw InvalidInputException.of("year", "project.report.afterCompletion");
        }
        ProjectWorkflow.PROJECT.require(project.status(), "report");
        check(project, part, in);
        String kind = in.kind();
        int year = "FINAL".equals(kind) ? 0 : in.year();
        Optional<Report> existing = find(projectId, part.partyId(), kind, year, true);
        Instant now = clock.instant();
        long id;
        int number;
        if (existing.isPresent()) {
            Report r = existing.get();
            if (!ProjectWorkflow.RETURNED.equals(r.status())) {
                throw new ConflictException("REPORT_EXISTS");
            }
            String status = ProjectWorkflow.REPORT.require(r.status(), "resubmit");
            id = r.id();
            number = r.currentVersion() + 1;
            jdbc.sql("update project_report set status = ?, current_version = ?, updated_at = ? where id = ?")
                    .params(status, number, Timestamp.from(now), id).update();
        } else {
            number = 1;
            id = jdbc.sql("""
                    insert into project_report (project_id, party_id, kind, year, status, current_version, updated_at)
                    values (?, ?, ?, ?, ?, 1, ?) returning id""")
                    .params(projectId, part.partyId(), kind, year, ProjectWorkflow.REPORT.initial(), Timestamp.from(now))
                    .query(Long.class).single();
        }
        jdbc.sql("""
                insert into project_report_version (report_id, number, scientific, financial_notes, submitted_by, submitted_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, number, in.scientific().strip(), blankToNull(in.financialNotes()), user.getUsername(),
                        Timestamp.from(now))
                .update();
        Map<String, BigDecimal> summed = new LinkedHashMap<>();
        for (SpendingInput s : spending(in)) {
            summed.merge(s.year() + "\u0000" + s.category().strip(), s.amount(), BigDecimal::add);
        }
        summed.forEach((key, amount) -> {
            String[] k = key.split("\u0000");
            jdbc.sql("insert into project_report_spending (report_id, number, year, category, amount) values (?, ?, ?, ?, ?)")
                    .params(id, number, Integer.parseInt(k[0]), k[1], amount).update();
        });
        // What was typed is now filed: the team's autosaved draft has served its purpose.
        jdbc.sql("delete from project_report_draft where project_id = ? and party_id = ?").params(projectId, part.partyId())
                .update();
        audit.record(user.getUsername(), AUDIT_TYPE, id, number == 1 ? "submit" : "resubmit", null,
                Map.of("project", projectId, "party", part.partyCode(), "kind", kind, "year", year, "version", number));
        return get(id, user);
    }

    private static List<SpendingInput> spending(ReportInput in) {
        return in.spending() == null ? List.of() : in.spending();
    }

    private void check(Project project, Project.Part part, ReportInput in) {
        Problems problems = new Problems();
        boolean kindOk = in.kind() != null && KINDS.contains(in.kind());
        problems.require(kindOk, "kind", "project.report.kind");
        int years = years(project);
        if (kindOk && "ANNUAL".equals(in.kind())) {
            problems.require(in.year() != null && in.year() >= 1 && in.year() <= years, "year", "project.report.year", years);
        }
        problems.require(in.scientific() != null && !in.scientific().isBlank() && in.scientific().length() <= 100_000,
                "scientific", "project.report.scientific");
        problems.require(in.financialNotes() == null || in.financialNotes().length() <= 20_000, "financialNotes",
                "project.report.notes");
        List<String> categories = part.categories();
        Set<String> seen = new HashSet<>();
        List<SpendingInput> spending = spending(in);
        for (int i = 0; i < spending.size(); i++) {
            SpendingInput s = spending.get(i);
            String f = "spending[" + i + "].";
            problems.require(s.year() != null && s.year() >= 1 && s.year() <= years, f + "year", "project.report.spendingYear",
                    years);
            boolean known = s.category() != null && categories.contains(s.category().strip());
            problems.require(known, f + "category", "project.report.category", String.join(", ", categories));
            problems.require(s.amount() != null && s.amount().signum() >= 0 && s.amount().scale() <= 2, f + "amount",
                    "project.report.amount", part.currency());
            problems.require(!known || s.year() == null || seen.add(s.year() + "/" + s.category().strip()), f + "category",
                    "project.report.spendingTwice");
        }
        problems.throwIfAny();
    }

    /** The party's officer accepts the current version, or returns it with a comment. */
    @Transactional
    public Report decide(long reportId, boolean accept, String comment, TandemUser user) {
        Report r = find(reportId, true).orElseThrow(() -> new NotFoundException("report " + reportId));
        contracts.lock(r.projectId());
        Project project = projects.get(r.projectId());
        if (!projects.isOfficerOf(project, r.partyId(), user)) {
            throw new NotAllowedException("only the party's officers decide on its team's reports");
        }
        String status = ProjectWorkflow.REPORT.require(r.status(), accept ? "accept" : "return");
        if (!accept && (comment == null || comment.isBlank())) {
            throw InvalidInputException.of("comment", "project.report.comment");
        }
        if (comment != null && comment.length() > 20_000) {
            throw InvalidInputException.of("comment", "project.report.commentLong");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update project_report_version set decision = ?, comment = ?, decided_by = ?, decided_at = ?
                where report_id = ? and number = ?""")
                .params(status, blankToNull(comment), user.getUsername(), Timestamp.from(now), reportId, r.currentVersion())
                .update();
        jdbc.sql("update project_report set status = ?, updated_at = ? where id = ?").params(status, Timestamp.from(now), reportId)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("version", r.currentVersion());
        if (comment != null && !comment.isBlank()) {
            after.put("comment", comment.strip());
        }
        audit.record(user.getUsername(), AUDIT_TYPE, reportId, accept ? "accept" : "return", Map.of("status", r.status()), after);
        if (accept && "FINAL".equals(r.kind())) {
            completion.completeIfDone(project.id());
        }
        return get(reportId, user);
    }

    /** The reports of a project, for its officers and teams; others are refused. */
    @Transactional(readOnly = true)
    public List<Report> of(long projectId, TandemUser user) {
        Project project = projects.get(projectId);
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("not an officer or team lead of project " + projectId);
        }
        return jdbc.sql("select id from project_report where project_id = ? order by party_id, kind, year").param(projectId)
                .query(Long.class).list().stream().map(id -> view(find(id, true).orElseThrow(), project, user)).toList();
    }

    @Transactional(readOnly = true)
    public Report get(long reportId, TandemUser user) {
        Report r = find(reportId, true).orElseThrow(() -> new NotFoundException("report " + reportId));
        Project project = projects.get(r.projectId());
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("not an officer or team lead of project " + r.projectId());
        }
        return view(r, project, user);
    }

    /** Financial notes are the party's own business: hidden from the other parties' officers and teams. */
    private Report view(Report r, Project project, TandemUser user) {
        boolean own = projects.isOfficerOf(project, r.partyId(), user)
                && user.officerParties(project.programmeId()).contains(r.partyId())
                || project.ledBy(user.id()).map(p -> p.partyId() == r.partyId()).orElse(false);
        if (own) {
            return r;
        }
        List<Version> hidden = r.versions().stream().map(v -> new Version(v.number(), v.scientific(), null, v.spending(),
                v.submittedBy(), v.submittedAt(), v.decision(), v.comment(), v.decidedBy(), v.decidedAt())).toList();
        return new Report(r.id(), r.projectId(), r.partyId(), r.partyCode(), r.kind(), r.year(), r.status(), r.currentVersion(),
                hidden);
    }

    private Optional<Report> find(long projectId, long partyId, String kind, int year, boolean versions) {
        return jdbc.sql("select id from project_report where project_id = ? and party_id = ? and kind = ? and year = ?")
                .params(projectId, partyId, kind, year).query(Long.class).optional().flatMap(id -> find(id, versions));
    }

    private Optional<Report> find(long id, boolean withVersions) {
        return jdbc.sql("""
                select r.*, pp.party_code from project_report r
                join project_party pp on pp.project_id = r.project_id and pp.party_id = r.party_id where r.id = ?""")
                .param(id)
                .query((rs, i) -> new Report(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("party_id"),
                        rs.getString("party_code"), rs.getString("kind"), rs.getInt("year"), rs.getString("status"),
                        rs.getInt("current_version"), withVersions ? versions(id) : List.of()))
                .optional();
    }

    private List<Version> versions(long reportId) {
        Map<Integer, List<Spending>> spending = new LinkedHashMap<>();
        jdbc.sql("select number, year, category, amount from project_report_spending where report_id = ? order by year, category")
                .param(reportId).query((rs, i) -> spending.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new Spending(rs.getInt(2), rs.getString(3), rs.getBigDecimal(4))))
                .list();
        return jdbc.sql("select * from project_report_version where report_id = ? order by number").param(reportId)
                .query((rs, i) -> new Version(rs.getInt("number"), rs.getString("scientific"), rs.getString("financial_notes"),
                        List.copyOf(spending.getOrDefault(rs.getInt("number"), List.of())), rs.getString("submitted_by"),
                        rs.getTimestamp("submitted_at").toInstant(), rs.getString("decision"), rs.getString("comment"),
                        rs.getString("decided_by"),
                        rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
