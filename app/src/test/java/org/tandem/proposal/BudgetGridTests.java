package org.tandem.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.platform.i18n.MoneyFormat;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * Issue 11: the call names its budget categories; the proposal's budget is a grid of category
 * × project year with numbers only, refused cell by cell with the row and year named, totals
 * per year and overall computed by the server in the party's currency; rows typed as free text
 * before stay readable.
 */
@TandemIntegrationTest
class BudgetGridTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired Proposals proposals;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @Test
    void theCallsCategoriesMakeAGridWhoseCellsAreCheckedAndWhoseTotalsTheServerComputes() {
        Programme programme = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = programme.partyByCode("VN").orElseThrow().getId();
        long ru = programme.partyByCode("RU").orElseThrow().getId();
        Instant now = Instant.now();
        Call call = calls.createApproved(programme.getId(), new CallInput(2027, new LocalizedText("Budget grid call "
                + now.toEpochMilli(), "Đợt gọi lưới kinh phí", "Конкурс сетки бюджета"), new LocalizedText("Test.", "Thử.", "Тест."),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), 12, 24, Set.of("AI"),
                List.of(new CallBudget(vn, new BigDecimal("9000000000"), new BigDecimal("3000000000"), "VND"),
                        new CallBudget(ru, new BigDecimal("90000000"), new BigDecimal("15000000"), "RUB"))), "system");

        // The officer chooses the categories; none at all is refused with the field named.
        WebSession officer = new WebSession(port).signIn("officer.vn", "demo");
        officer.get("/officer/calls/" + call.getId(), "en");
        officer.post("/officer/calls/" + call.getId() + "/budget-categories", Map.of(), "en");
        assertThat(officer.get("/officer/calls/" + call.getId(), "en").body()).contains("Choose at least one budget category.");
        assertThat(calls.get(call.getId()).getBudgetCategories()).isEqualTo(Call.DEFAULT_BUDGET_CATEGORIES);
        officer.post("/officer/calls/" + call.getId() + "/budget-categories?category=personnel&category=equipment&category=travel",
                Map.of(), "en");
        assertThat(calls.get(call.getId()).getBudgetCategories()).containsExactly("personnel", "equipment", "travel");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and action = 'budget-categories'")
                .param("" + call.getId()).query(Integer.class).single()).isEqualTo(1);

        ApiClient api = new ApiClient(port).signIn("applicant.vn");
        var created = api.post("/api/v1/calls/" + call.getId() + "/proposals",
                Map.of("acronym", "GRID", "title", "Budget grid", "abstract", "x"), Map.of());
        long id = created.json().get("id").asLong();
        WebSession vnPi = new WebSession(port).signIn("applicant.vn", "demo");
        String page = vnPi.get("/proposals/" + id, "en").body();
        // Three categories × two project years (24 months), each cell named for screen readers.
        assertThat(page).contains("id=\"budget-0-1\"").contains("id=\"budget-2-2\"").doesNotContain("id=\"budget-0-3\"")
                .doesNotContain("id=\"budget-3-1\"").contains("aria-label=\"Equipment, year 2\"").contains("Year 2");
        long version = proposals.get(id, user("applicant.vn")).getVersion();

        // Letters in a cell: refused naming row and year in the reader's language; nothing stored.
        var refused = vnPi.post("/proposals/" + id, Map.of("version", "" + version, "acronym", "GRID", "title", "Budget grid",
                "cells[0_1]", "1 500 000", "cells[1_2]", "hai triệu"), "vi");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Thiết bị, năm 2: chỉ nhập số tiền bằng chữ số").contains("value=\"hai triệu\"");
        assertThat(budget(id)).isEmpty();

        var saved = vnPi.post("/proposals/" + id, Map.of("version", "" + version, "acronym", "GRID", "title", "Budget grid",
                "cells[0_1]", "1 500 000", "cells[0_2]", "1.000.000", "cells[1_1]", "250000", "cells[2_2]", "0"), "en");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(budget(id)).containsExactlyInAnyOrder("1 personnel 1500000.00", "2 personnel 1000000.00",
                "1 equipment 250000.00");
        String after = vnPi.get("/proposals/" + id, "en").body();
        Locale en = Locale.ENGLISH;
        assertThat(after).contains(MoneyFormat.format(new BigDecimal("1750000"), "VND", en))   // year 1
                .contains(MoneyFormat.format(new BigDecimal("2500000"), "VND", en))            // personnel
                .contains(MoneyFormat.format(new BigDecimal("2750000"), "VND", en));           // overall
        assertThat(after).contains("value=\"1500000\"");

        // Rows typed as free text before the grid: a known word joins its category, other text keeps its own row.
        long team = jdbc.sql("select t.id from proposal_team t join party pa on pa.id = t.party_id where t.proposal_id = ? and pa.code = 'VN'")
                .param(id).query(Long.class).single();
        int next = jdbc.sql("select coalesce(max(line_no) + 1, 0) from proposal_budget_line where team_id = ?").param(team)
                .query(Integer.class).single();
        jdbc.sql("insert into proposal_budget_line (team_id, line_no, year, category, amount) values (?, ?, 1, 'Travel', 40000)")
                .params(team, next).update();
        jdbc.sql("insert into proposal_budget_line (team_id, line_no, year, category, amount) values (?, ?, 2, 'Lab rent', 70000)")
                .params(team, next + 1).update();
        String legacy = vnPi.get("/proposals/" + id, "ru").body();
        assertThat(legacy).contains("Командировки").contains("Lab rent").contains("value=\"40000\"").contains("value=\"70000\"");
    }

    private List<String> budget(long proposal) {
        return jdbc.sql("""
                select b.year || ' ' || b.category || ' ' || b.amount from proposal_budget_line b
                join proposal_team t on t.id = b.team_id where t.proposal_id = ?""").param(proposal).query(String.class).list();
    }

    private TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }
}
