/**
 * Accounts, roles per party, the signed-in user and API tokens.
 * Published to every domain module as the platform's named interface {@code security}.
 */
@NamedInterface("security")
package org.tandem.platform.security;

import org.springframework.modulith.NamedInterface;
