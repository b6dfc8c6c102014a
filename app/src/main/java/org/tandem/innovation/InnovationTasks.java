package org.tandem.innovation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.tasks.Task;
import org.tandem.platform.tasks.TaskSource;

/**
 * The Centre's staff: profiles waiting for their review. Owners: profiles returned to them and
 * expressions of interest in their profiles they have not answered yet.
 */
@Component
class InnovationTasks implements TaskSource {

    private final Profiles profiles;
    private final Deals deals;

    InnovationTasks(Profiles profiles, Deals deals) {
        this.profiles = profiles;
        this.deals = deals;
    }

    @Override
    public List<Task> tasksFor(TandemUser user) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Task> tasks = new ArrayList<>();
        if (user.has(Role.INNOVATION_STAFF)) {
            for (Profile p : profiles.inReview(user)) {
                tasks.add(Task.undated("task.innovation.review", List.of(p.title(locale)), "/innovation/desk"));
            }
        }
        List<Profile> own = profiles.ownedBy(user);
        java.util.Set<Long> ownIds = own.stream().map(Profile::id).collect(java.util.stream.Collectors.toSet());
        for (Profile p : own) {
            if (InnovationWorkflows.RETURNED.equals(p.status())) {
                tasks.add(Task.undated("task.innovation.returned", List.of(p.title(locale)),
                        "/innovation/profiles/" + p.id() + "/edit"));
            }
        }
        for (Deal d : deals.ofUser(user)) {
            if (InnovationWorkflows.INTEREST.equals(d.stage()) && ownIds.contains(d.profileId())) {
                tasks.add(Task.undated("task.innovation.interest", List.of(d.profileTitle()), "/innovation/mine"));
            }
        }
        return tasks;
    }
}
