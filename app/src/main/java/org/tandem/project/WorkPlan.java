package org.tandem.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;
import org.tandem.programme.Programmes;

/**
 * The project's milestones and deliverables: taken from the proposal's work plan at the award,
 * then kept by the officers and team leads: due dates, the responsible team, done or open. An
 * item's due date is its own date when one was set, else the end of its month of the project.
 */
@Service
public class WorkPlan {

    public static final String AUDIT_TYPE = "ProjectWorkItem";
    public static final String MILESTONE = "MILESTONE";
    public static final String DELIVERABLE = "DELIVERABLE";
    public static final List<String> KINDS = List.of(MILESTONE, DELIVERABLE);
    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    public record ItemInput(String kind, String title, String party, LocalDate dueOn, Boolean done, LocalDate doneOn) {
    }

    /**
     * @param dueOn    the effective due date; null while the project has not started and no date was set
     * @param daysLate days past the due date of an open item (0 when not late)
     */
    public record Item(long id, long projectId, int position, String kind, String title, String partyCode, Integer dueMonth,
                       LocalDate dueOn, String status, LocalDate doneOn, long daysLate) {
        public boolean late() {
            return daysLate > 0;
        }
    }

    /** A late item with its project, for the programme-wide list. */
    public record LateItem(Project project, Item item) {
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Programmes programmes;
    private final WorkPlanSeeds seeds;
    private final AuditTrail audit;
    private final Clock clock;

    WorkPlan(JdbcClient jdbc, Projects projects, Programmes programmes, WorkPlanSeeds seeds, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.programmes = programmes;
        this.seeds = seeds;
        this.audit = audit;
        this.clock = clock;
    }

    /** Projects awarded before work plans were kept get their items the first time someone looks. */
    @Transactional
    public void ensureSeeded(long projectId) {
        seeds.seed(projectId);
    }

    @Transactional(readOnly = true)
    public List<Item> of(long projectId, TandemUser user) {
        Project project = projects.get(projectId);
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("not an officer or team lead of project " + projectId);
        }
        return items(project);
    }

    /** Open items past their due date in the projects this officer follows, the latest first. */
    @Transactional(readOnly = true)
    public List<LateItem> lateFor(TandemUser user) {
        List<LateItem> late = new ArrayList<>();
        List<Project> running = projects.forOfficer(user).stream()
                .filter(p -> ProjectWorkflow.RUNNING.equals(p.status())).toList();
        Map<Long, List<Item>> all = items(running);
        for (Project p : running) {
            all.getOrDefault(p.id(), List.of()).stream().filter(Item::late).forEach(i -> late.add(new LateItem(p, i)));
        }
        late.sort(java.util.Comparator.comparingLong((LateItem l) -> l.item().daysLate()).reversed());
        return late;
    }

    List<Item> items(Project project) {
        return items(List.of(project)).getOrDefault(project.id(), List.of());
    }

    /** The items of many projects in one query (a programme's dashboard, the officers' list), each as above. */
    Map<Long, List<Item>> items(Collection<Project> some) {
        Map<Long, List<Item>> out = new LinkedHashMap<>();
        if (some.isEmpty()) {
            return out;
        }
        Map<Long, Project> byId = new LinkedHashMap<>();
        some.forEach(p -> byId.put(p.id(), p));
        Map<Long, LocalDate> todayOf = new HashMap<>();
        jdbc.sql("select * from project_work_item where project_id = any(?) order by project_id, position, id")
                .param(byId.keySet().toArray(Long[]::new))
                .query((rs, i) -> {
                    Project project = byId.get(rs.getLong("project_id"));
                    Integer month = (Integer) rs.getObject("due_month");
                    LocalDate own = rs.getObject("due_on", LocalDate.class);
                    LocalDate due = own != null ? own
                            : month == null || project.startDate() == null ? null
                            : project.startDate().plusMonths(month).minusDays(1);
                    String status = rs.getString("status");
                    boolean running = ProjectWorkflow.RUNNING.equals(project.status());
                    LocalDate today = todayOf.computeIfAbsent(project.id(), k -> today(project));
                    long late = running && OPEN.equals(status) && due != null && today.isAfter(due)
                            ? ChronoUnit.DAYS.between(due, today) : 0;
                    Long party = (Long) rs.getObject("party_id");
                    String partyCode = party == null ? null : project.parties().stream()
                            .filter(pp -> pp.partyId() == party).map(Project.Part::partyCode).findFirst().orElse(null);
                    return out.computeIfAbsent(project.id(), k -> new ArrayList<>()).add(new Item(rs.getLong("id"),
                            project.id(), rs.getInt("position"), rs.getString("kind"), rs.getString("title"), partyCode,
                            month, due, status, rs.getObject("done_on", LocalDate.class), late));
                }).list();
        return out;
    }

    /** Today where the project's lead party is: a due date is a date in that agency's calendar. */
    private LocalDate today(Project project) {
        ZoneId zone = programmes.get(project.programmeId()).party(project.parties().get(0).partyId())
                .map(org.tandem.programme.Party::zone).orElse(java.time.ZoneOffset.UTC);
        return LocalDate.now(clock.withZone(zone));
    }

    /** Adds an item ({@code itemId} null) or changes one. */
    @Transactional
    public Item save(long projectId, Long itemId, ItemInput in, TandemUser user) {
        Project project = projects.get(projectId);
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("not an officer or team lead of project " + projectId);
        }
        ProjectWorkflow.PROJECT.require(project.status(), "requestChange");
        Item before = itemId == null ? null : items(project).stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new NotFoundException("work item " + itemId));
        Project.Part party = in.party() == null || in.party().isBlank() ? null
                : project.partByCode(in.party().strip()).orElse(null);
        boolean unknownParty = party == null && in.party() != null && !in.party().isBlank();
        // A team lead keeps the items of their own team and the shared ones; officers keep all.
        if (!projects.isOfficer(project, user)) {
            long own = project.ledBy(user.id()).orElseThrow().partyId();
            boolean mine = (party == null || party.partyId() == own)
                    && (before == null || before.partyCode() == null || project.partByCode(before.partyCode())
                    .map(p -> p.partyId() == own).orElse(false));
            if (!mine) {
                throw new NotAllowedException("a team lead keeps their own team's items");
            }
        }
        Problems problems = new Problems();
        problems.require(in.kind() != null && KINDS.contains(in.kind()), "kind", "project.work.kindInvalid");
        problems.require(in.title() != null && !in.title().isBlank() && in.title().strip().length() <= 500, "title",
                "project.work.titleInvalid");
        problems.require(!unknownParty, "party", "project.work.partyInvalid");
        boolean dated = in.dueOn() != null || before != null && (before.dueOn() != null || before.dueMonth() != null);
        problems.require(dated, "dueOn", "project.work.dueOnInvalid");
        boolean done = Boolean.TRUE.equals(in.done());
        problems.require(!done || in.doneOn() != null && !in.doneOn().isAfter(today(project)), "doneOn",
                "project.work.doneOnInvalid");
        problems.throwIfAny();
        Timestamp now = Timestamp.from(clock.instant());
        Long partyId = party == null ? null : party.partyId();
        long id;
        if (before == null) {
            int position = jdbc.sql("select coalesce(max(position), 0) + 1 from project_work_item where project_id = ?")
                    .param(projectId).query(Integer.class).single();
            id = jdbc.sql("""
                    insert into project_work_item (project_id, position, kind, title, party_id, due_on, status, done_on,
                        updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(projectId, position, in.kind(), in.title().strip(), partyId, in.dueOn(), done ? DONE : OPEN,
                            done ? in.doneOn() : null, user.getUsername(), now)
                    .query(Long.class).single();
        } else {
            id = before.id();
            jdbc.sql("""
                    update project_work_item set kind = ?, title = ?, party_id = ?, due_on = coalesce(?, due_on), status = ?,
                        done_on = ?, updated_by = ?, updated_at = ? where id = ?""")
                    .params(in.kind(), in.title().strip(), partyId, in.dueOn(), done ? DONE : OPEN, done ? in.doneOn() : null,
                            user.getUsername(), now, id)
                    .update();
        }
        Item after = items(project).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        audit.record(user.getUsername(), AUDIT_TYPE, projectId + "/" + id, before == null ? "add" : "update",
                before == null ? null : state(before), state(after));
        return after;
    }

    private static Map<String, Object> state(Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", i.kind());
        m.put("title", i.title());
        m.put("party", String.valueOf(i.partyCode()));
        m.put("dueOn", String.valueOf(i.dueOn()));
        m.put("status", i.status());
        m.put("doneOn", String.valueOf(i.doneOn()));
        return m;
    }
}
