package org.tandem.platform.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders tables so that every table comes after the tables its foreign keys point to. */
final class ForeignKeys {

    private ForeignKeys() {
    }

    static List<BackupInfo.Table> order(Connection c, List<BackupInfo.Table> tables) throws SQLException {
        Map<String, Set<String>> refers = new HashMap<>();
        try (var s = c.createStatement(); var rs = s.executeQuery("""
                select src.relname, dst.relname from pg_constraint k
                join pg_class src on src.oid = k.conrelid join pg_class dst on dst.oid = k.confrelid
                join pg_namespace n on n.oid = src.relnamespace
                where k.contype = 'f' and n.nspname = 'public'""")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(rs.getString(2))) {
                    refers.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        Map<String, BackupInfo.Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name, t));
        List<BackupInfo.Table> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String name : byName.keySet()) {
            visit(name, byName, refers, done, visiting, out);
        }
        return out;
    }

    private static void visit(String name, Map<String, BackupInfo.Table> byName, Map<String, Set<String>> refers,
                              Set<String> done, Set<String> visiting, List<BackupInfo.Table> out) {
        if (done.contains(name) || !visiting.add(name)) {
            return; // a cycle would need deferred constraints; Tandem's schema has none
        }
        for (String target : refers.getOrDefault(name, Set.of())) {
            visit(target, byName, refers, done, visiting, out);
        }
        visiting.remove(name);
        done.add(name);
        if (byName.containsKey(name)) {
            out.add(byName.get(name));
        }
    }
}
