package org.tandem.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The content of one year's plan. */
public record PlanInput(int targetProjects, LocalDate plannedOpen, LocalDate plannedClose,
                        List<PlanBudget> budgets, Set<String> fieldCodes) {
}
