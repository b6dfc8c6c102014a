package org.tandem.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.tandem.platform.TandemSettings;

@Service
class TandemUserDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final TandemSettings settings;

    TandemUserDetailsService(Accounts accounts, TandemSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var c = accounts.credentials(username == null ? "" : username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        // The demo password is published in the README: such accounts must not open a real deployment.
        boolean enabled = c.enabled() && (!c.demoAccount() || settings.demoEnabled());
        return new TandemUser(c.id(), c.username(), c.passwordHash(), c.displayName(), enabled,
                accounts.grantsOf(c.id()));
    }
}
