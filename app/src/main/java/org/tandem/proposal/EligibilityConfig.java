package org.tandem.proposal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.Call;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;

/**
 * Which eligibility rules a call applies, per party for party rules. A party's rules are set
 * by that party's officers; common rules by any officer of the programme. Rules cannot change
 * once the call has closed: eligibility must not move after the deadline.
 */
@Service
public class EligibilityConfig {

    /** A rule's setting for one call and party (0 = common). */
    public record Setting(boolean enabled, Integer param) {
    }

    private final JdbcClient jdbc;
    private final Calls calls;
    private final AuditTrail audit;

    EligibilityConfig(JdbcClient jdbc, Calls calls, AuditTrail audit) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.audit = audit;
    }

    /** Settings stored for the call; rules without a row use their default. */
    @Transactional(readOnly = true)
    public Map<String, Setting> of(long callId) {
        Map<String, Setting> m = new HashMap<>();
        jdbc.sql("select rule, party_id, enabled, param from call_eligibility_rule where call_id = ?").param(callId)
                .query(rs -> {
                    m.put(key(EligibilityRule.valueOf(rs.getString("rule")), rs.getLong("party_id")),
                            new Setting(rs.getBoolean("enabled"), (Integer) rs.getObject("param", Integer.class)));
                });
        return m;
    }

    static String key(EligibilityRule rule, long partyId) {
        return rule.name() + ":" + partyId;
    }

    static Setting setting(Map<String, Setting> settings, EligibilityRule rule, long partyId) {
        return settings.getOrDefault(key(rule, partyId), new Setting(rule.onByDefault(),
                rule == EligibilityRule.PROPOSALS_PER_PI ? 1 : null));
    }

    @Transactional
    public void set(long callId, EligibilityRule rule, long partyId, boolean enabled, Integer param, TandemUser officer) {
        Call call = calls.get(callId);
        boolean allowed = rule.perParty() ? officer.has(Role.PROGRAMME_OFFICER, call.getProgrammeId(), partyId)
                : officer.has(Role.PROGRAMME_OFFICER, call.getProgrammeId(), null);
        if (!allowed || (rule.perParty() && partyId == 0)) {
            throw new NotAllowedException("rule " + rule + " for party " + partyId);
        }
        CallStatus status = call.status(calls.now());
        if (status != CallStatus.DRAFT && status != CallStatus.PUBLISHED && status != CallStatus.OPEN) {
            throw new ConflictException("CALL_CLOSED");
        }
        if (param != null && (param < 1 || param > 100)) {
            throw InvalidInputException.of("param", "eligibility.param.range");
        }
        Setting before = setting(of(callId), rule, partyId);
        jdbc.sql("""
                insert into call_eligibility_rule (call_id, rule, party_id, enabled, param) values (?, ?, ?, ?, ?)
                on conflict (call_id, rule, party_id) do update set enabled = excluded.enabled, param = excluded.param""")
                .params(callId, rule.name(), rule.perParty() ? partyId : 0, enabled, param).update();
        audit.record(officer.getUsername(), "Call", callId, "eligibility-rule",
                Map.of("rule", key(rule, partyId), "enabled", before.enabled(), "param", String.valueOf(before.param())),
                Map.of("rule", key(rule, partyId), "enabled", enabled, "param", String.valueOf(param)));
    }
}
