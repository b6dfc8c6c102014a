package org.tandem.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: every create, update and delete of programme data is recorded with its
 * before and after state. Recording joins the caller's transaction, so a change and its audit
 * record are stored together or not at all.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String entityType, Object entityId, String action,
                       Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("""
                insert into audit_event (at, actor, entity_type, entity_id, action, before_state, after_state)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(Timestamp.from(clock.instant()), actor, entityType, String.valueOf(entityId), action,
                        before == null ? null : json.writeValueAsString(before),
                        after == null ? null : json.writeValueAsString(after))
                .update();
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> history(String entityType, String entityId) {
        return jdbc.sql("""
                select id, at, actor, entity_type, entity_id, action,
                       before_state::text as b, after_state::text as a
                from audit_event where entity_type = ? and entity_id = ? order by at, id""")
                .params(entityType, entityId)
                .query((rs, i) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getString("action"), rs.getString("b"), rs.getString("a")))
                .list();
    }
}
