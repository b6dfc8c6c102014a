package org.tandem.platform.tasks;

import java.util.List;
import org.tandem.platform.security.TandemUser;

/** One module's share of a person's to-do list; an empty list when they have nothing there. */
public interface TaskSource {

    List<Task> tasksFor(TandemUser user);
}
