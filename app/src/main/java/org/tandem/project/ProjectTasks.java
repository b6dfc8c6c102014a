package org.tandem.project;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.tasks.Task;
import org.tandem.platform.tasks.TaskSource;

/**
 * Team leads: their party's reports an officer returned for changes. Officers: their party's
 * submitted reports waiting for a decision.
 */
@Component
class ProjectTasks implements TaskSource {

    private final JdbcClient jdbc;

    ProjectTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long projectId, long programmeId, long partyId, String acronym, String kind, int year,
                       Long piUserId) {
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasksFor(TandemUser user) {
        List<Task> tasks = new ArrayList<>();
        for (Row r : rows("RETURNED")) {
            if (r.piUserId() != null && r.piUserId() == user.id()) {
                tasks.add(task("task.project.returned", r));
            }
        }
        if (user.has(Role.PROGRAMME_OFFICER)) {
            for (Row r : rows("SUBMITTED")) {
                if (user.has(Role.PROGRAMME_OFFICER, r.programmeId(), r.partyId())) {
                    tasks.add(task("task.project.decide", r));
                }
            }
        }
        return tasks;
    }

    /** One key per kind of report, since "the final report" and "the report for year 2" are worded differently. */
    private static Task task(String key, Row r) {
        boolean annual = "ANNUAL".equals(r.kind());
        return Task.undated(key + (annual ? ".annual" : ".final"),
                annual ? List.of(r.acronym(), r.year()) : List.of(r.acronym()), "/projects/" + r.projectId());
    }

    private List<Row> rows(String status) {
        return jdbc.sql("""
                select r.project_id, p.programme_id, r.party_id, coalesce(p.acronym, p.title), r.kind, r.year, pp.pi_user_id
                from project_report r join project p on p.id = r.project_id
                join project_party pp on pp.project_id = r.project_id and pp.party_id = r.party_id
                where r.status = ? order by r.updated_at""").param(status)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), (Long) rs.getObject(7))).list();
    }
}
