/**
 * What every domain module shares: the database, security and roles, the audit trail,
 * languages and time zones, validation problems and web plumbing. The platform never
 * depends on a domain module.
 */
package org.tandem.platform;
