package org.tandem.platform.workflow;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every workflow the modules define (each publishes its {@link Workflow} as a bean), for the administrators' page. */
@Component
public class Workflows {

    private final List<Workflow> all;

    Workflows(List<Workflow> all) {
        this.all = all.stream().sorted(Comparator.comparing(Workflow::name)).toList();
    }

    public List<Workflow> all() {
        return all;
    }
}
