/**
 * Web plumbing shared by every module's pages and API: form and API errors, texts.
 * Published to every domain module as the platform's named interface {@code web}.
 */
@NamedInterface("web")
package org.tandem.platform.web;

import org.springframework.modulith.NamedInterface;
