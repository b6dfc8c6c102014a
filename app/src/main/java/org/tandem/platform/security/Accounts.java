package org.tandem.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.validation.Problems;

/** Local accounts and their role grants. Every change is audited. */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
    }

    public record NewAccount(String username, String displayName, String email, String password) {
    }

    @Transactional
    public Account create(NewAccount input, String actor) {
        String username = input.username() == null ? "" : input.username().trim().toLowerCase();
        Problems problems = new Problems();
        problems.require(USERNAME.matcher(username).matches(), "username", "account.username.invalid");
        problems.require(input.displayName() != null && !input.displayName().isBlank(), "displayName", "validation.required");
        problems.require(input.email() == null || input.email().isBlank() || EMAIL.matcher(input.email().trim()).matches(),
                "email", "account.email.invalid");
        problems.require(input.password() != null && input.password().length() >= MIN_PASSWORD,
                "password", "account.password.short", MIN_PASSWORD);
        if (problems.isEmpty() && find(username).isPresent()) {
            problems.add("username", "account.username.taken");
        }
        problems.throwIfAny();
        long id = insert(username, input.displayName().trim(), blankToNull(input.email()), encoder.encode(input.password()), false);
        Account account = get(id);
        audit.record(actor, "Account", id, "create", null, state(account));
        return account;
    }

    /**
     * Creates or refreshes a demo account with the published password "demo" and exactly the
     * given grants. Demo accounts are refused at sign-in when demo mode is off.
     */
    @Transactional
    public Account ensureDemoAccount(String username, String displayName, String language, List<NewGrant> grants) {
        Optional<Account> existing = find(username);
        long id = existing.map(Account::id).orElseGet(() ->
                insert(username, displayName, username + "@demo.tandem.example", encoder.encode("demo"), true));
        jdbc.sql("update app_user set preferred_language = ? where id = ?").params(language, id).update();
        for (NewGrant g : grants) {
            addGrantIfMissing(id, g);
        }
        Account account = get(id);
        if (existing.isEmpty()) {
            audit.record("system", "Account", id, "create", null, state(account));
        }
        return account;
    }

    public record NewGrant(Role role, Long programmeId, Long partyId) {
    }

    @Transactional
    public void grant(long userId, NewGrant grant, String actor) {
        Account before = get(userId);
        Problems problems = new Problems();
        problems.require(grant.role() != null, "role", "validation.required");
        if (grant.role() != null && grant.role().partyScoped()) {
            problems.require(grant.programmeId() != null, "programmeId", "grant.programme.required");
            problems.require(grant.partyId() != null, "partyId", "grant.party.required");
        }
        problems.throwIfAny();
        addGrantIfMissing(userId, grant);
        audit.record(actor, "Account", userId, "grant", state(before), state(get(userId)));
    }

    @Transactional
    public void revoke(long userId, long grantId, String actor) {
        Account before = get(userId);
        jdbc.sql("delete from role_grant where id = ? and user_id = ?").params(grantId, userId).update();
        audit.record(actor, "Account", userId, "revoke", state(before), state(get(userId)));
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled, String actor) {
        Account before = get(userId);
        jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, userId).update();
        audit.record(actor, "Account", userId, enabled ? "enable" : "disable", state(before), state(get(userId)));
    }

    @Transactional
    public void setPreferredLanguage(String username, String language) {
        jdbc.sql("update app_user set preferred_language = ? where username = ?").params(language, username).update();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username)
                .query(Long.class).optional().map(this::get);
    }

    /** The account with this user name or e-mail address (case-insensitive), if any. */
    @Transactional(readOnly = true)
    public Optional<Account> findByNameOrEmail(String nameOrEmail) {
        String key = nameOrEmail == null ? "" : nameOrEmail.strip().toLowerCase();
        return jdbc.sql("select id from app_user where username = ? or lower(email) = ? order by id limit 1")
                .params(key, key).query(Long.class).optional().map(this::get);
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return jdbc.sql("select * from app_user where id = ?").param(id)
                .query((rs, i) -> new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("email"), rs.getString("preferred_language"), rs.getBoolean("enabled"),
                        rs.getBoolean("demo_account"), grantsOf(rs.getLong("id"))))
                .single();
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return jdbc.sql("select id from app_user order by username").query(Long.class).list()
                .stream().map(this::get).toList();
    }

    /** For sign-in only: the stored hash and flags. */
    Optional<StoredCredentials> credentials(String username) {
        return jdbc.sql("select id, username, password_hash, display_name, enabled, demo_account from app_user where username = ?")
                .param(username)
                .query((rs, i) -> new StoredCredentials(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getString("display_name"), rs.getBoolean("enabled"),
                        rs.getBoolean("demo_account")))
                .optional();
    }

    record StoredCredentials(long id, String username, String passwordHash, String displayName,
                             boolean enabled, boolean demoAccount) {
    }

    List<Grant> grantsOf(long userId) {
        return jdbc.sql("select id, role, programme_id, party_id from role_grant where user_id = ? order by role, id")
                .param(userId)
                .query((rs, i) -> new Grant(rs.getLong("id"), Role.valueOf(rs.getString("role")),
                        (Long) rs.getObject("programme_id", Long.class), (Long) rs.getObject("party_id", Long.class)))
                .list();
    }

    private long insert(String username, String displayName, String email, String hash, boolean demo) {
        try {
            return jdbc.sql("""
                    insert into app_user (username, password_hash, display_name, email, demo_account)
                    values (?, ?, ?, ?, ?) returning id""")
                    .params(username, hash, displayName, email, demo).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw org.tandem.platform.validation.InvalidInputException.of("username", "account.username.taken");
        }
    }

    private void addGrantIfMissing(long userId, NewGrant g) {
        jdbc.sql("""
                insert into role_grant (user_id, role, programme_id, party_id) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(userId, g.role().name(), g.programmeId(), g.partyId()).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, Object> state(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("email", a.email());
        m.put("enabled", a.enabled());
        List<String> grants = new ArrayList<>();
        for (Grant g : a.grants()) {
            grants.add(g.role() + (g.programmeId() == null ? "" : "@programme:" + g.programmeId())
                    + (g.partyId() == null ? "" : "/party:" + g.partyId()));
        }
        m.put("grants", grants);
        return m;
    }
}
