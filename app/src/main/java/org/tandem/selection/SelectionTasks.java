package org.tandem.selection;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.tasks.Task;
import org.tandem.platform.tasks.TaskSource;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * Officers: proposed decision sets that still lack their party's approval of the current set
 * (an approval of an earlier set no longer counts), since nothing is final until every party approved.
 */
@Component
class SelectionTasks implements TaskSource {

    private final JdbcClient jdbc;
    private final Calls calls;
    private final Programmes programmes;

    SelectionTasks(JdbcClient jdbc, Calls calls, Programmes programmes) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.programmes = programmes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasksFor(TandemUser user) {
        if (!user.has(Role.PROGRAMME_OFFICER)) {
            return List.of();
        }
        record Open(long callId, String digest) {
        }
        List<Open> open = jdbc.sql("select call_id, digest from selection_decision_set where final_at is null order by call_id")
                .query((rs, i) -> new Open(rs.getLong(1), rs.getString(2))).list();
        List<Task> tasks = new ArrayList<>();
        for (Open set : open) {
            Call call = calls.get(set.callId());
            Programme programme = programmes.get(call.getProgrammeId());
            List<Long> approved = jdbc.sql("select party_id from selection_approval where call_id = ? and digest = ?")
                    .params(set.callId(), set.digest()).query(Long.class).list();
            boolean waitsForMe = programme.getParties().stream().map(Party::getId)
                    .anyMatch(p -> !approved.contains(p) && user.has(Role.PROGRAMME_OFFICER, programme.getId(), p));
            if (waitsForMe) {
                tasks.add(Task.undated("task.selection.approve", List.of(call.getTitle().in(LocaleContextHolder.getLocale())),
                        "/committee/calls/" + call.getId()));
            }
        }
        return tasks;
    }
}
