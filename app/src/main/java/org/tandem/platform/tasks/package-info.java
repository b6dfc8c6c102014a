/**
 * What a signed-in person has to do next, gathered from every module for their home page: each
 * module implements {@link org.tandem.platform.tasks.TaskSource} for its own data, so the home page
 * knows no module's tables. Published as the platform's named interface {@code tasks}.
 */
@NamedInterface("tasks")
package org.tandem.platform.tasks;

import org.springframework.modulith.NamedInterface;
