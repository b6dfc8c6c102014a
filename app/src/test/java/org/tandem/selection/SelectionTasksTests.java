package org.tandem.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.tasks.Tasks;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.support.TandemIntegrationTest;

/**
 * A proposed decision set waits on the home of each party's officer until that party approved
 * the current set; an approval of an earlier set (proposed again since) does not count.
 */
@TandemIntegrationTest
class SelectionTasksTests {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired Tasks tasks;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @Test
    void eachPartysOfficerUntilTheirPartyApprovedTheCurrentSet() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String title = "Tasks selection call " + now.toEpochMilli();
        long call = calls.createApproved(p.getId(), new CallInput(2026, new LocalizedText(title, title, title),
                new LocalizedText("Projects", "Dự án", "Проекты"), now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(30)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("9000000000"), new BigDecimal("3000000000"), "VND"),
                        new CallBudget(ru, new BigDecimal("90000000"), new BigDecimal("15000000"), "RUB"))), "system").getId();
        // The rows Decisions.propose and approve write, here without the reviews a real proposal needs.
        String first = "a".repeat(64);
        String second = "b".repeat(64);
        jdbc.sql("insert into selection_decision_set (call_id, policy, budgets, quotas, digest, proposed_by, proposed_at) "
                + "values (?, 'MERIT', '{}'::jsonb, '{}'::jsonb, ?, 'officer.vn', ?)")
                .params(call, first, Timestamp.from(now)).update();
        jdbc.sql("insert into selection_approval (call_id, party_id, digest, approved_by, approved_at) values (?, ?, ?, 'officer.vn', ?)")
                .params(call, vn, first, Timestamp.from(now)).update();
        String link = "/committee/calls/" + call;

        assertThat(tasks.of(user("officer.ru"))).anyMatch(t -> t.labelKey().equals("task.selection.approve")
                && t.link().equals(link) && t.args().contains(title));
        assertThat(tasks.of(user("officer.vn"))).noneMatch(t -> t.link().equals(link));
        assertThat(tasks.of(user("committee.vn"))).noneMatch(t -> t.link().equals(link));

        // Proposed again: Vietnam's approval was of the earlier set.
        jdbc.sql("update selection_decision_set set digest = ? where call_id = ?").params(second, call).update();
        assertThat(tasks.of(user("officer.vn"))).anyMatch(t -> t.link().equals(link));

        jdbc.sql("update selection_decision_set set final_at = ? where call_id = ?").params(Timestamp.from(now), call).update();
        assertThat(tasks.of(user("officer.vn"))).noneMatch(t -> t.link().equals(link));
        assertThat(tasks.of(user("officer.ru"))).noneMatch(t -> t.link().equals(link));
    }
}
