package org.tandem.platform.security;

import java.util.List;

/** A local account as administrators see it (never the password hash). */
public record Account(long id, String username, String displayName, String email, String preferredLanguage,
                      boolean enabled, boolean demoAccount, List<Grant> grants) {
}
