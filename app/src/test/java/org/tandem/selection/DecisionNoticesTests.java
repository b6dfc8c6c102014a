package org.tandem.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.engine.select.Policy;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.TeamContent;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * Issue 11 on a call of its own: the Decisions box tells committee members and officers what
 * they can do; approvals name people, not logins; proposing again when the other party has
 * approved asks first, names that party, and then tells it by mail and on its committee page.
 */
@TandemIntegrationTest
class DecisionNoticesTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired org.tandem.proposal.ProposalSubmissions submissions;
    @Autowired Decisions decisions;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @Test
    void reproposingAsksBeforeDroppingTheOtherPartysApprovalAndTellsThatParty() {
        Programme programme = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = programme.partyByCode("VN").orElseThrow().getId();
        long ru = programme.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Call call = calls.createApproved(programme.getId(), new CallInput(2026, new LocalizedText("Notices call " + now.toEpochMilli(),
                "Đợt gọi thông báo", "Конкурс уведомлений"), new LocalizedText("Notices", "Thông báo", "Уведомления"),
                now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(10)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("9000000000.00"), new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(ru, new BigDecimal("45000000.00"), new BigDecimal("15000000.00"), "RUB"))), "system");
        submissions.importSubmitted(call.getId(), new ProposalContent("NOTICE1", "Joint project on notices", "Abstract.",
                List.of("notices"), List.of("AI"), 24, "WP1", null, null, null, null,
                List.of(new TeamContent("VN", "Hue University", "Phan Thanh Bình", null, List.of("Phan Thanh Bình"), List.of(), null),
                        new TeamContent("RU", "Tomsk State University", "Иван Петров", null, List.of("Иван Петров"), List.of(), null))),
                Map.of(), now.minus(Duration.ofDays(12)), user("admin").id());
        calls.startEvaluation(call.getId(), user("officer.vn"));
        String path = "/committee/calls/" + call.getId();

        // Nothing proposed yet: the committee member learns they wait for the officers, the officer what to do.
        WebSession member = new WebSession(port).signIn("committee.vn", "demo");
        assertThat(member.get(path + "?lang=en", "en").body()).contains("id=\"decisions-hint\"")
                .contains("Waiting for the programme officers to propose decisions");
        WebSession vnOfficer = new WebSession(port).signIn("officer.vn", "demo");
        assertThat(vnOfficer.get(path + "?lang=en", "en").body()).contains("No decisions have been proposed yet");

        var set = decisions.propose(call.getId(), Map.of(), Map.of(), Policy.RANK, 0, user("officer.vn"));
        decisions.approve(call.getId(), ru, set.digest(), user("officer.ru"));
        // The approval names the person, not the login; the party is named in words.
        String approved = member.get(path + "?lang=en", "en").body();
        assertThat(approved).contains("approved by Ольга Смирнова").doesNotContain("approved by officer.ru")
                .contains("waiting for the officers’ approval of every party");
        assertThat(vnOfficer.get(path + "?lang=en", "en").body()).contains("Approve for Vietnam")
                .contains("read them and approve them for your party");

        // 2026 commits more than its plan (the demo's calls and this one): the officer sees it before approving.
        var year = programmes.decade(programme.getId()).stream().filter(r -> r.year() == 2026).findFirst().orElseThrow();
        assertThat(year.overPlan(vn)).isTrue();
        assertThat(vnOfficer.get(path + "?lang=en", "en").body()).contains("id=\"plan-warnings\"")
                .contains("Over the plan for 2026 in Vietnam");

        // The same set proposed again changes nothing, so Russia's approval stands without asking.
        vnOfficer.post(path + "/decisions", Map.of("reserve", "0", "policy", "rank"), "en");
        assertThat(decisions.current(call.getId(), user("officer.vn")).orElseThrow().approvals())
                .anyMatch(a -> a.party().equals("RU") && a.current());
        // A different set: first a confirm step that names Russia; nothing changed yet.
        vnOfficer.get(path + "?lang=en", "en");
        var asked = vnOfficer.post(path + "/decisions", Map.of("reserve", "1", "policy", "optimal"), "en");
        assertThat(asked.status()).isEqualTo(302);
        String confirm = vnOfficer.get(path + "?lang=en", "en").body();
        assertThat(confirm).contains("id=\"confirm-drop\"")
                .contains("Proposing new decisions withdraws the approval already given by Russia")
                .contains("name=\"confirmDrop\" value=\"true\"").contains("name=\"reserve\" value=\"1\"");
        assertThat(decisions.current(call.getId(), user("officer.vn")).orElseThrow().approvals())
                .anyMatch(a -> a.party().equals("RU") && a.current());

        long lastMail = jdbc.sql("select coalesce(max(id), 0) from mail_outbox").query(Long.class).single();
        vnOfficer.post(path + "/decisions", Map.of("reserve", "1", "policy", "optimal", "confirmDrop", "true"), "en");
        assertThat(decisions.current(call.getId(), user("officer.vn")).orElseThrow().approvals()).noneMatch(a -> a.current());
        // Russia's approver is told by mail, in Russian, and on the committee pages until they approve again.
        assertThat(jdbc.sql("select subject || ' ' || body from mail_outbox where id > ? and recipient like 'officer.ru@%'")
                .param(lastMail).query(String.class).list()).singleElement().asString()
                .contains("утверждение решений").contains("Trần Thị Hương").contains(path);
        WebSession ruOfficer = new WebSession(port).signIn("officer.ru", "demo");
        assertThat(ruOfficer.get(path + "?lang=en", "en").body()).contains("id=\"dropped-RU\"")
                .contains("Trần Thị Hương proposed new decisions").contains("the approval given by Ольга Смирнова");
        assertThat(ruOfficer.get("/committee?lang=en", "en").body()).contains("id=\"dropped-" + call.getId() + "-RU\"");
        assertThat(vnOfficer.get(path + "?lang=en", "en").body()).doesNotContain("id=\"dropped-RU\"");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where entity_type = 'Call' and entity_id = ? and action = 'decisions-propose'
                and cast(after_state as text) like '%droppedApprovals%'""").param("" + call.getId()).query(Integer.class).single())
                .isEqualTo(1);

        // Approving again answers the notice.
        var again = decisions.current(call.getId(), user("officer.ru")).orElseThrow();
        decisions.approve(call.getId(), ru, again.digest(), user("officer.ru"));
        assertThat(ruOfficer.get(path + "?lang=en", "en").body()).doesNotContain("id=\"dropped-RU\"");
    }
}
