/**
 * Problems named by field in the user's language, and the exceptions that carry them.
 * Published to every domain module as the platform's named interface {@code validation}.
 */
@NamedInterface("validation")
package org.tandem.platform.validation;

import org.springframework.modulith.NamedInterface;
