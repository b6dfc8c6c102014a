package org.tandem.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tandem.platform.validation.NotAllowedException;

/** The signed-in user of the current request, if any. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<TandemUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof TandemUser u ? Optional.of(u) : Optional.empty();
    }

    public static TandemUser require() {
        return get().orElseThrow(() -> new NotAllowedException("sign-in required"));
    }
}
