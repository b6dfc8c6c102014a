package org.tandem.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.platform.audit.AuditTrail;

/**
 * When a joint project is completed: every party accepted its team's final report (the
 * self-evaluation) and every party's acceptance council accepted the project. Asked after
 * either of the two decisions, so whichever comes last completes the project, once.
 */
@Component
class Completion {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Completion(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Called with the project row locked (both callers lock it first). */
    void completeIfDone(long projectId) {
        String status = jdbc.sql("select status from project where id = ?").param(projectId).query(String.class).single();
        if (!ProjectWorkflow.PROJECT.allows(status, "complete") || !done(projectId)) {
            return;
        }
        String completed = ProjectWorkflow.PROJECT.require(status, "complete");
        jdbc.sql("update project set status = ?, updated_at = ? where id = ?")
                .params(completed, Timestamp.from(clock.instant()), projectId).update();
        audit.record("system", Projects.AUDIT_TYPE, projectId, "complete", Map.of("status", status),
                Map.of("status", completed));
    }

    /** True when no party is left without both an accepted final report and an accepting council. */
    boolean done(long projectId) {
        return jdbc.sql("""
                select count(*) from project_party pp where pp.project_id = ?
                and (not exists (select 1 from project_report r where r.project_id = pp.project_id and r.party_id = pp.party_id
                                 and r.kind = 'FINAL' and r.status = ?)
                  or not exists (select 1 from project_acceptance a where a.project_id = pp.project_id
                                 and a.party_id = pp.party_id and a.status = ?))""")
                .params(projectId, ProjectWorkflow.ACCEPTED, AcceptanceWorkflow.ACCEPTED).query(Integer.class).single() == 0;
    }
}
