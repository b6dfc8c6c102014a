/**
 * Languages, the reader's time zone, and dates and money formatted by the reader's locale.
 * Published to every domain module as the platform's named interface {@code i18n}.
 */
@NamedInterface("i18n")
package org.tandem.platform.i18n;

import org.springframework.modulith.NamedInterface;
