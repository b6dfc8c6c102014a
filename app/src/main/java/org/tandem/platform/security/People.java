package org.tandem.platform.security;

import org.springframework.stereotype.Component;

/**
 * The name a person is known by, for pages that record who did something (approved a call,
 * approved decisions, filed a complaint). Records keep the login name, which is stable; readers
 * see the person. {@code @people} in templates.
 */
@Component("people")
public class People {

    private final Accounts accounts;

    People(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The display name behind a login name; the system's own actions and unknown names read as given. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return accounts.find(username).map(Account::displayName).filter(n -> !n.isBlank()).orElse(username);
    }
}
