package org.tandem.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.demo.DemoProgramme;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** Issue 11: a year whose calls commit more than its plan is flagged on the programme's decade plan. */
@TandemIntegrationTest
class DecadeWarningsTests {

    @LocalServerPort int port;
    @Autowired Programmes programmes;

    @Test
    void everyYearAndPartyOverThePlanIsNamedWithTheAmountsAndNoOtherIs() {
        Programme programme = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        var decade = programmes.decade(programme.getId());
        Party vn = programme.partyByCode("VN").orElseThrow();
        DecadeRow y2026 = decade.stream().filter(r -> r.year() == 2026).findFirst().orElseThrow();
        // The demo commits far more in 2026 than the plan foresees.
        assertThat(y2026.overPlan(vn.getId())).isTrue();
        assertThat(y2026.percentOfPlan(vn.getId())).isGreaterThan(100);

        String page = new WebSession(port).get("/programmes/" + programme.getId() + "?lang=en", "en").body();
        assertThat(page).contains("id=\"over-plan\"").contains("id=\"over-plan-2026-VN\"")
                .contains("2026, Vietnam: the calls commit").contains(java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH)
                        .format(y2026.percentOfPlan(vn.getId())) + " % of the plan");
        for (DecadeRow r : decade) {
            for (Party p : programme.getParties()) {
                assertThat(page.contains("id=\"over-plan-" + r.year() + "-" + p.getCode() + "\"")).as(r.year() + " " + p.getCode())
                        .isEqualTo(r.overPlan(p.getId()));
            }
        }
        String vi = new WebSession(port).get("/programmes/" + programme.getId() + "?lang=vi", "vi").body();
        assertThat(vi).contains("các đợt gọi đã cam kết");
    }
}
