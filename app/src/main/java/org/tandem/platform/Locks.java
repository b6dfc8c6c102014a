package org.tandem.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transaction-scoped locks on a name and an id (PostgreSQL advisory locks), so a module can
 * serialise work about another module's entity (say, one call) without locking that module's
 * rows: tables stay their owner's. Released at commit or rollback.
 */
@Component
public class Locks {

    private final JdbcClient jdbc;

    Locks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other transaction holds {@code (name, id)}, then holds it until this one ends. */
    public void hold(String name, long id) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, ?))").params(name, id).query((rs, i) -> 0).list();
    }
}
