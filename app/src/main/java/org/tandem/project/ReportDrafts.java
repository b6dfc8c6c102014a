package org.tandem.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a principal investigator has typed into the report form, saved as they type so that
 * nothing is lost to a closed tab or an expired session. One draft per team; it is kept exactly
 * as typed (unchecked: checking happens when the report is filed) and dropped when the report is
 * filed ({@link Reports#submit}).
 */
@Service
public class ReportDrafts {

    /** The form's fields: nothing else is kept, so a draft cannot grow without bound. */
    private static final Pattern FIELD = Pattern.compile("kind|year|scientific|financialNotes|spent_\\d{1,2}_\\d{1,3}");
    private static final int MAX_CHARS = 150_000;

    public record Draft(Map<String, String> fields, Instant savedAt) {
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final JsonMapper json;
    private final Clock clock;

    ReportDrafts(JdbcClient jdbc, Projects projects, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Draft save(long projectId, Map<String, String> form, TandemUser user) {
        Project.Part part = ownPart(projectId, user);
        Map<String, String> kept = new LinkedHashMap<>();
        int size = 0;
        for (var e : form.entrySet()) {
            if (e.getValue() != null && FIELD.matcher(e.getKey()).matches()) {
                kept.put(e.getKey(), e.getValue());
                size += e.getValue().length();
            }
        }
        if (size > MAX_CHARS) {
            throw InvalidInputException.of("scientific", "project.report.scientific");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into project_report_draft (project_id, party_id, content, saved_by, saved_at)
                values (?, ?, cast(? as jsonb), ?, ?) on conflict (project_id, party_id) do update set
                    content = excluded.content, saved_by = excluded.saved_by, saved_at = excluded.saved_at""")
                .params(projectId, part.partyId(), json.writeValueAsString(kept), user.getUsername(), Timestamp.from(now))
                .update();
        return new Draft(kept, now);
    }

    @Transactional(readOnly = true)
    public Optional<Draft> find(long projectId, TandemUser user) {
        Project.Part part = ownPart(projectId, user);
        return jdbc.sql("select content::text, saved_at from project_report_draft where project_id = ? and party_id = ?")
                .params(projectId, part.partyId())
                .query((rs, i) -> new Draft(json.readValue(rs.getString(1), new TypeReference<Map<String, String>>() { }),
                        rs.getTimestamp(2).toInstant()))
                .optional();
    }

    private Project.Part ownPart(long projectId, TandemUser user) {
        Project project = projects.get(projectId);
        if (user == null) {
            throw new NotAllowedException("only a team's principal investigator drafts its reports");
        }
        return project.ledBy(user.id())
                .orElseThrow(() -> new NotAllowedException("only a team's principal investigator drafts its reports"));
    }
}
