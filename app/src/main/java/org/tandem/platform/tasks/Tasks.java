package org.tandem.platform.tasks;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.TandemUser;

/** Every module's tasks for one person, soonest deadline first. */
@Component
public class Tasks {

    private final List<TaskSource> sources;

    Tasks(List<TaskSource> sources) {
        this.sources = sources;
    }

    public List<Task> of(TandemUser user) {
        List<Task> all = new ArrayList<>();
        for (TaskSource source : sources) {
            all.addAll(source.tasksFor(user));
        }
        all.sort(Task.BY_DUE);
        return all;
    }
}
