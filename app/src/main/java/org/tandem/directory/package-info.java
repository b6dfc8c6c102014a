/**
 * Organisations, people and their expertise (ORCID, ROR, OECD FOS fields), self-registration
 * of researchers and partner search across scripts. Public API: {@link org.tandem.directory.Directory}.
 */
package org.tandem.directory;
