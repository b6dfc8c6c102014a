package org.tandem.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.demo.DemoProgramme;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** What a visitor can reach without signing in, and what an unknown address answers. */
@TandemIntegrationTest
class PublicNavigationTests {

    @LocalServerPort int port;
    @Autowired Programmes programmes;
    @Autowired Calls calls;

    @Test
    void callsAreListedByGroupAndFilteredByProgrammeAndField() {
        WebSession visitor = new WebSession(port);
        var all = visitor.get("/calls", "en");
        assertThat(all.status()).isEqualTo(200);
        var now = calls.now();
        for (Call c : calls.publicCalls()) {
            assertThat(all.body()).contains(c.getTitle().getEn());
        }
        for (PublicListPages.CallGroup g : PublicListPages.CallGroup.values()) {
            String body = visitor.get("/calls?status=" + g.param(), "en").body();
            for (Call c : calls.publicCalls()) {
                if (g.contains(c.status(now))) {
                    assertThat(body).as(g + " lists " + c.getTitle().getEn()).contains(c.getTitle().getEn());
                } else {
                    assertThat(body).as(g + " omits " + c.getTitle().getEn()).doesNotContain(">" + c.getTitle().getEn() + "<");
                }
            }
        }
        Call open = calls.publicCalls().stream().filter(c -> c.status(now) == CallStatus.OPEN).findFirst().orElseThrow();
        String field = open.getFieldCodes().iterator().next();
        assertThat(visitor.get("/calls?status=open&programme=" + open.getProgrammeId() + "&field=" + field, "en").body())
                .contains(open.getTitle().getEn());
        String noSuchField = visitor.get("/calls?field=NO_SUCH_FIELD", "ru").body();
        assertThat(noSuchField).doesNotContain(">" + open.getTitle().getRu() + "<").contains("Нет конкурсов");

        // Deadlines in the reader's zone and in each party's zone, on the list and on the call's page.
        Programme p = programmes.get(open.getProgrammeId());
        String callPage = visitor.get("/calls/" + open.getId(), "vi").body();
        for (Party party : p.getParties()) {
            assertThat(all.body()).contains("data-zone=\"" + party.getTimeZone() + "\"");
            assertThat(callPage).contains(party.getTimeZone());
        }
    }

    @Test
    void programmesAndTheirAnnualPlansArePages() {
        WebSession visitor = new WebSession(port);
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        var list = visitor.get("/programmes", "ru");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(p.getName().getRu()).contains("/programmes/" + p.getId() + "/plans");

        var plans = visitor.get("/programmes/" + p.getId() + "/plans", "vi");
        assertThat(plans.status()).isEqualTo(200);
        assertThat(plans.body()).contains("Kế hoạch hằng năm");
        for (AnnualPlan plan : programmes.plans(p.getId())) {
            assertThat(plans.body()).contains("<td>" + plan.getYear() + "</td>");
        }
        for (Party party : p.getParties()) {
            assertThat(plans.body()).contains(party.getAgency().getVi());
        }
        assertThat(visitor.get("/programmes/999999/plans", "en").status()).isEqualTo(404);
    }

    @Test
    void anUnknownAddressIsNotFoundEvenSignedOutWhileKnownPagesStillAskToSignIn() {
        WebSession visitor = new WebSession(port);
        var unknown = visitor.get("/no/such/page", "en");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.location()).isNull();
        assertThat(visitor.get("/officer/no-such-thing", "en").status()).isEqualTo(404);

        var guarded = visitor.get("/proposals", "en");
        assertThat(guarded.status()).isEqualTo(302);
        assertThat(guarded.location()).contains("/login");
        assertThat(visitor.get("/officer/calls/1", "en").location()).contains("/login");
        assertThat(visitor.get("/api/v1/proposals", "en").status()).isEqualTo(401);
    }

    @Test
    void aNewCallWithoutAProgrammeLeadsToTheProgrammeNotToABare400() {
        WebSession officer = new WebSession(port).signIn("officer.vn", "demo");
        var r = officer.get("/officer/calls/new", "en");
        assertThat(r.status()).isEqualTo(302);
        // Programmes whose last year has passed take no new call, so they are no choice.
        int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        long mine = programmes.all().stream().filter(p -> p.getParties().stream().anyMatch(x -> x.getCode().equals("VN")))
                .filter(p -> p.getLastYear() >= year).count();
        if (mine == 1) {
            Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
            assertThat(r.location()).endsWith("/officer/calls/new?programme=" + p.getId());
            assertThat(officer.get("/officer/calls/new?programme=" + p.getId(), "en").status()).isEqualTo(200);
        } else {
            assertThat(r.location()).contains("/officer/calls?chooseProgramme");
            assertThat(officer.get("/officer/calls?chooseProgramme", "en").body()).contains("Choose the programme");
        }
    }

    @Test
    void theFooterNamesTheReadersZoneInEveryLanguage() {
        WebSession visitor = new WebSession(port);
        for (var lang : Map.of("en", "Times are shown in UTC", "vi", "Thời gian hiển thị theo UTC",
                "ru", "Время указано в поясе UTC").entrySet()) {
            String body = visitor.get("/?lang=" + lang.getKey(), lang.getKey()).body();
            assertThat(body).contains(lang.getValue()).doesNotContain("theo Z<").doesNotContain("in Z<");
        }
    }
}
