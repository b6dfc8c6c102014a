/**
 * The audit trail: who changed what, when, before and after.
 * Published to every domain module as the platform's named interface {@code audit}.
 */
@NamedInterface("audit")
package org.tandem.platform.audit;

import org.springframework.modulith.NamedInterface;
