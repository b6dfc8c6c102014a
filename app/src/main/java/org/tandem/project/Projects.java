package org.tandem.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.Proposal;
import org.tandem.proposal.Proposals;
import org.tandem.proposal.Team;
import org.tandem.selection.DecisionsApproved;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Joint projects: created from the funded proposals once every party approved the decisions,
 * then followed by each party's officer. A project is public (title, codes, teams, period,
 * budget per party); its contracts, reports and internal notes are for its officers and teams.
 */
@Service
public class Projects {

    public static final String AUDIT_TYPE = "Project";
    private static final Logger log = LoggerFactory.getLogger(Projects.class);

    private final JdbcClient jdbc;
    private final Calls calls;
    private final Programmes programmes;
    private final Proposals proposals;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final WorkPlanSeeds workPlan;

    Projects(JdbcClient jdbc, Calls calls, Programmes programmes, Proposals proposals, AuditTrail audit, JsonMapper json,
             Clock clock, WorkPlanSeeds workPlan) {
        this.workPlan = workPlan;
        this.jdbc = jdbc;
        this.calls = calls;
        this.programmes = programmes;
        this.proposals = proposals;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Every funded proposal of a decided call becomes a project. A reaction to
     * {@link DecisionsApproved} kept by the event registry until it has run; delivered again, it
     * finds the projects there and creates nothing.
     */
    @ApplicationModuleListener
    public void award(DecisionsApproved decided) {
        createProjects(decided);
    }

    /** The projects of a decision, created where missing; the ids of all of them, in the order funded. */
    @Transactional
    public List<Long> createProjects(DecisionsApproved decided) {
        Call call = calls.get(decided.callId());
        Programme programme = programmes.get(call.getProgrammeId());
        List<Long> ids = new ArrayList<>();
        for (long proposalId : decided.funded()) {
            awardOne(programme, call, proposalId, decided.decidedAt());
            jdbc.sql("select id from project where proposal_id = ?").param(proposalId).query(Long.class).optional()
                    .ifPresent(ids::add);
        }
        return ids;
    }

    private void awardOne(Programme programme, Call call, long proposalId, Instant decidedAt) {
        if (jdbc.sql("select count(*) from project where proposal_id = ?").param(proposalId).query(Integer.class).single() > 0) {
            return;
        }
        Optional<String> canonical = proposals.lastSubmittedContent(proposalId);
        if (canonical.isEmpty()) {
            log.warn("funded proposal {} has no submitted version; no project created", proposalId);
            return;
        }
        JsonNode content = json.readTree(canonical.get());
        Proposal current = proposals.forReviewer(proposalId);
        Instant now = clock.instant();
        List<String> keywords = new ArrayList<>();
        content.path("keywords").forEach(k -> keywords.add(k.asString()));
        Optional<Long> inserted = jdbc.sql("""
                insert into project (proposal_id, call_id, programme_id, acronym, title, abstract_text, keywords,
                    duration_months, work_plan, submission_sha256, status, awarded_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (proposal_id) do nothing returning id""")
                .params(proposalId, call.getId(), programme.getId(), text(content, "acronym"), text(content, "title"),
                        text(content, "abstract"), String.join("\n", keywords),
                        content.path("durationMonths").isNumber() ? content.path("durationMonths").asInt() : null,
                        text(content, "workPlan"), org.tandem.platform.Hashes.sha256(canonical.get()),
                        ProjectWorkflow.PROJECT.initial(), Timestamp.from(decidedAt), Timestamp.from(now))
                .query(Long.class).optional();
        if (inserted.isEmpty()) {
            return; // another delivery of the same event got there first
        }
        long id = inserted.get();
        Map<String, Object> codes = new LinkedHashMap<>();
        for (Party party : programme.getParties()) {
            JsonNode team = null;
            for (JsonNode t : content.path("teams")) {
                if (party.getCode().equals(t.path("party").asString())) {
                    team = t;
                }
            }
            String code = nextCode(programme, party, decidedAt.atZone(party.zone()).getYear());
            codes.put(party.getCode(), code);
            Long piUser = current.teamOf(party.getId()).map(Team::getPiUserId).orElse(null);
            List<String> members = new ArrayList<>();
            if (team != null) {
                team.path("members").forEach(m -> members.add(m.asString()));
            }
            jdbc.sql("""
                    insert into project_party (project_id, party_id, party_code, position, code, currency, host_organisation,
                        pi_user_id, pi_name, pi_email, members)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, party.getId(), party.getCode(), party.getPosition(), code, party.getCurrency(),
                            text(team, "hostOrganisation"), piUser, text(team, "piName"), text(team, "piEmail"),
                            String.join("\n", members))
                    .update();
            if (team != null) {
                for (JsonNode line : team.path("budget")) {
                    jdbc.sql("""
                            insert into project_budget_line (project_id, party_id, year, category, amount) values (?, ?, ?, ?, ?)
                            on conflict (project_id, party_id, year, category)
                            do update set amount = project_budget_line.amount + excluded.amount""")
                            .params(id, party.getId(), line.path("year").asInt(), line.path("category").asString(),
                                    new BigDecimal(line.path("amount").asString()))
                            .update();
                }
            }
        }
        workPlan.seed(id);
        audit.record("system", AUDIT_TYPE, id, "award", null,
                Map.of("proposalId", proposalId, "callId", call.getId(), "codes", codes));
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.path(field).isNull() || node.path(field).isMissingNode()) {
            return null;
        }
        return node.path(field).asString();
    }

    /** The next code of a party: the serial counts per prefix, claimed with one atomic upsert. */
    private String nextCode(Programme programme, Party party, int year) {
        CodePattern pattern = pattern(programme, party);
        List<String> partners = programme.getParties().stream().filter(p -> !p.getId().equals(party.getId()))
                .map(Party::getCountryCode).toList();
        String prefix = pattern.prefix(party.getCountryCode(), partners, year);
        int serial = jdbc.sql("""
                insert into project_code_serial (party_id, prefix, last_serial) values (?, ?, 1)
                on conflict (party_id, prefix) do update set last_serial = project_code_serial.last_serial + 1
                returning last_serial""").params(party.getId(), prefix).query(Integer.class).single();
        return pattern.code(party.getCountryCode(), partners, year, serial);
    }

    CodePattern pattern(Programme programme, Party party) {
        return jdbc.sql("select pattern from project_code_pattern where programme_id = ? and party_id = ?")
                .params(programme.getId(), party.getId()).query(String.class).optional()
                .map(CodePattern::new).orElseGet(() -> CodePattern.defaultFor(party.getCountryCode()));
    }

    /** A party's code pattern as its officers set it (or the default), for the settings page. */
    @Transactional(readOnly = true)
    public String codePattern(long programmeId, long partyId) {
        Programme programme = programmes.get(programmeId);
        return pattern(programme, programme.party(partyId).orElseThrow(() -> new NotFoundException("party " + partyId)))
                .pattern();
    }

    /** A programme setting: only the party's own officers change how its codes look. */
    @Transactional
    public void setCodePattern(long programmeId, long partyId, String pattern, TandemUser user) {
        Programme programme = programmes.get(programmeId);
        programme.party(partyId).orElseThrow(() -> new NotFoundException("party " + partyId));
        if (user == null || !user.has(Role.PROGRAMME_OFFICER, programmeId, partyId)) {
            throw new NotAllowedException("not an officer of party " + partyId);
        }
        CodePattern parsed = CodePattern.parse("pattern", pattern);
        String before = codePattern(programmeId, partyId);
        jdbc.sql("""
                insert into project_code_pattern (programme_id, party_id, pattern, updated_by, updated_at) values (?, ?, ?, ?, ?)
                on conflict (programme_id, party_id) do update set pattern = excluded.pattern,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(programmeId, partyId, parsed.pattern(), user.getUsername(), Timestamp.from(clock.instant()))
                .update();
        audit.record(user.getUsername(), "ProjectCodePattern", programmeId + "/" + partyId, "update",
                Map.of("pattern", before), Map.of("pattern", parsed.pattern()));
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Any project by id; what a reader may see of it is decided by the caller. */
    @Transactional(readOnly = true)
    public Project get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("project " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Project> find(long id) {
        return jdbc.sql("select * from project where id = ?").param(id).query(this::row).optional().map(this::withParts);
    }

    @Transactional(readOnly = true)
    public Optional<Project> ofProposal(long proposalId) {
        return jdbc.sql("select * from project where proposal_id = ?").param(proposalId).query(this::row).optional()
                .map(this::withParts);
    }

    /** Every project, newest award first. */
    @Transactional(readOnly = true)
    public List<Project> all() {
        return withParts(jdbc.sql("select * from project order by awarded_at desc, id desc").query(this::row).list());
    }

    @Transactional(readOnly = true)
    public List<Project> ofProgramme(long programmeId) {
        return withParts(jdbc.sql("select * from project where programme_id = ? order by awarded_at desc, id desc")
                .param(programmeId).query(this::row).list());
    }

    /** Projects whose team this user leads. */
    @Transactional(readOnly = true)
    public List<Project> ledBy(TandemUser user) {
        return all().stream().filter(p -> p.ledBy(user.id()).isPresent()).toList();
    }

    /** Projects of the programmes where this user is an officer. */
    @Transactional(readOnly = true)
    public List<Project> forOfficer(TandemUser user) {
        return all().stream().filter(p -> isOfficer(p, user)).toList();
    }

    public boolean isOfficer(Project p, TandemUser user) {
        return user != null && user.has(Role.PROGRAMME_OFFICER, p.programmeId(), null);
    }

    public boolean isOfficerOf(Project p, long partyId, TandemUser user) {
        return user != null && user.has(Role.PROGRAMME_OFFICER, p.programmeId(), partyId);
    }

    /** Officers of the programme and the project's principal investigators see its insides. */
    public boolean isInsider(Project p, TandemUser user) {
        return user != null && (isOfficer(p, user) || p.ledBy(user.id()).isPresent());
    }

    private record Row(long id, long proposalId, long callId, long programmeId, String acronym, String title,
                       String abstractText, String keywords, Integer durationMonths, String workPlan, String status,
                       LocalDate startDate, LocalDate endDate, Integer trlStart, Integer trlEnd, Instant awardedAt,
                       Instant updatedAt) {
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("proposal_id"), rs.getLong("call_id"), rs.getLong("programme_id"),
                rs.getString("acronym"), rs.getString("title"), rs.getString("abstract_text"), rs.getString("keywords"),
                (Integer) rs.getObject("duration_months"), rs.getString("work_plan"), rs.getString("status"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                (Integer) rs.getObject("trl_start"), (Integer) rs.getObject("trl_end"),
                rs.getTimestamp("awarded_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private Project withParts(Row r) {
        return withParts(List.of(r)).get(0);
    }

    /** Parts and budget lines of many projects in two queries, not two per project (dashboards list them all). */
    private List<Project> withParts(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, Map<Long, List<Project.BudgetItem>>> budgets = new LinkedHashMap<>();
        jdbc.sql("""
                select project_id, party_id, year, category, amount from project_budget_line where project_id = any(?)
                order by project_id, year, category""")
                .param(ids).query((rs, i) -> {
                    budgets.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new Project.BudgetItem(rs.getInt(3), rs.getString(4), rs.getBigDecimal(5)));
                    return null;
                }).list();
        Map<Long, List<Project.Part>> parts = new LinkedHashMap<>();
        jdbc.sql("select * from project_party where project_id = any(?) order by project_id, position").param(ids)
                .query((rs, i) -> {
                    long project = rs.getLong("project_id");
                    List<Project.BudgetItem> budget = budgets.getOrDefault(project, Map.of())
                            .getOrDefault(rs.getLong("party_id"), List.of());
                    return parts.computeIfAbsent(project, k -> new ArrayList<>()).add(new Project.Part(
                            rs.getLong("party_id"), rs.getString("party_code"), rs.getInt("position"), rs.getString("code"),
                            rs.getString("currency"), rs.getString("host_organisation"), (Long) rs.getObject("pi_user_id"),
                            rs.getString("pi_name"), rs.getString("pi_email"), lines(rs.getString("members")),
                            List.copyOf(budget)));
                }).list();
        return rows.stream().map(r -> new Project(r.id(), r.proposalId(), r.callId(), r.programmeId(), r.acronym(),
                r.title(), r.abstractText(), lines(r.keywords()), r.durationMonths(), r.workPlan(), r.status(),
                r.startDate(), r.endDate(), r.trlStart(), r.trlEnd(), r.awardedAt(), r.updatedAt(),
                List.copyOf(parts.getOrDefault(r.id(), List.of())))).toList();
    }

    private static List<String> lines(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("\n")).filter(x -> !x.isBlank()).toList();
    }
}
