/**
 * Organisations, people and their expertise (ORCID, ROR, OECD FOS fields); partner search.
 * Module of DESIGN.md; it talks to other modules only through their public services and events.
 */
package org.tandem.directory;
