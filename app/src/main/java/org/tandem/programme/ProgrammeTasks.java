package org.tandem.programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.tasks.Task;
import org.tandem.platform.tasks.TaskSource;

/**
 * Officers: draft calls their party has not approved yet (a call is published only when every
 * party approved, so it waits for them). Applicants: the deadlines of the calls open now.
 */
@Component
class ProgrammeTasks implements TaskSource {

    private final Calls calls;
    private final Programmes programmes;

    ProgrammeTasks(Calls calls, Programmes programmes) {
        this.calls = calls;
        this.programmes = programmes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasksFor(TandemUser user) {
        Instant now = calls.now();
        var locale = LocaleContextHolder.getLocale();
        List<Task> tasks = new ArrayList<>();
        if (user.has(Role.PROGRAMME_OFFICER)) {
            for (Call call : calls.forOfficer(user)) {
                if (call.getPhase() != CallPhase.DRAFT) {
                    continue;
                }
                Programme programme = programmes.get(call.getProgrammeId());
                boolean mine = user.officerParties(programme.getId()).stream().anyMatch(p -> !call.approvedBy(p));
                if (mine) {
                    tasks.add(Task.dueAt("task.call.approve", List.of(call.getTitle().in(locale)),
                            "/officer/calls/" + call.getId(), call.getOpensAt(), zones(programme), now));
                }
            }
        }
        if (user.has(Role.APPLICANT)) {
            for (Call call : calls.openAndUpcoming()) {
                if (call.status(now) == CallStatus.OPEN) {
                    tasks.add(Task.dueAt("task.call.closes", List.of(call.getTitle().in(locale)),
                            "/calls/" + call.getId(), call.getClosesAt(), zones(programmes.get(call.getProgrammeId())), now));
                }
            }
        }
        return tasks;
    }

    static List<String> zones(Programme programme) {
        return programme.getParties().stream().map(Party::getTimeZone).distinct().toList();
    }
}
