/**
 * The file store behind uploads (proposal PDFs, reports).
 * Published to every domain module as the platform's named interface {@code files}.
 */
@NamedInterface("files")
package org.tandem.platform.files;

import org.springframework.modulith.NamedInterface;
