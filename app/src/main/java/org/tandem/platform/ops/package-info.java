/**
 * Operations commands of the same jar: backup, restore, audit verify.
 * Published to every domain module as the platform's named interface {@code ops}.
 */
@NamedInterface("ops")
package org.tandem.platform.ops;

import org.springframework.modulith.NamedInterface;
