package org.tandem.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person with their scoped grants; what every permission check asks. */
public final class TandemUser implements UserDetails {

    private final long id;
    private final String username;
    private final String passwordHash;
    private final String displayName;
    private final boolean enabled;
    private final List<Grant> grants;

    public TandemUser(long id, String username, String passwordHash, String displayName,
                      boolean enabled, List<Grant> grants) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.enabled = enabled;
        this.grants = List.copyOf(grants);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public List<Grant> grants() {
        return grants;
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /** True if this user holds the role for the programme and (when given) the party. */
    public boolean has(Role role, long programmeId, Long partyId) {
        return grants.stream().anyMatch(g -> g.covers(role, programmeId, partyId));
    }

    /** The parties of a programme this user is an officer of. */
    public Set<Long> officerParties(long programmeId) {
        return grants.stream()
                .filter(g -> g.role() == Role.PROGRAMME_OFFICER)
                .filter(g -> g.programmeId() == null || g.programmeId() == programmeId)
                .filter(g -> g.partyId() != null)
                .map(Grant::partyId)
                .collect(Collectors.toSet());
    }

    public boolean isAdministrator() {
        return has(Role.ADMINISTRATOR);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grants.stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name()))
                .distinct().toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
