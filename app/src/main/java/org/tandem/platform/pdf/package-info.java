/**
 * PDF documents in the reader's language with fonts for Vietnamese and Cyrillic.
 * Published to every domain module as the platform's named interface {@code pdf}.
 */
@NamedInterface("pdf")
package org.tandem.platform.pdf;

import org.springframework.modulith.NamedInterface;
