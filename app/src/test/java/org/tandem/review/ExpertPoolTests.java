package org.tandem.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.demo.DemoProgramme;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

@TandemIntegrationTest
class ExpertPoolTests {

    @LocalServerPort int port;
    @Autowired Programmes programmes;
    @Autowired ExpertPools pools;

    @Test
    void anOfficerSeesAndFillsOnlyTheirOwnPartysPool() {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        WebSession officer = new WebSession(port).signIn("officer.vn", "demo");
        String page = officer.get("/officer/programmes/" + p.getId() + "/experts?lang=en", "en").body();
        assertThat(page).contains("Lê Minh Tuấn").doesNotContain("Дмитрий Кузнецов");

        officer.post("/officer/programmes/" + p.getId() + "/experts", Map.of("party", String.valueOf(ru), "who", "applicant.ru"), "en");
        assertThat(pools.pool(p.getId(), ru)).extracting(m -> m.person().name()).doesNotContain("Сергей Иванов");

        String unknown = officer.post("/officer/programmes/" + p.getId() + "/experts",
                Map.of("party", String.valueOf(vn), "who", "nobody@example.org"), "en").location();
        assertThat(officer.get(unknown.replaceAll("^https?://[^/]+", ""), "en").body())
                .contains("nobody@example.org").contains("The expert must register first.");

        officer.post("/officer/programmes/" + p.getId() + "/experts", Map.of("party", String.valueOf(vn), "who", "applicant.ru"), "en");
        assertThat(pools.pool(p.getId(), vn)).extracting(m -> m.person().name()).contains("Сергей Иванов");
        assertThat(new WebSession(port).signIn("applicant.vn", "demo")
                .get("/officer/programmes/" + p.getId() + "/experts").status()).isEqualTo(403);
    }

    @Test
    void anExpertImportsPublicationsAndDeclaresAConflict() {
        WebSession expert = new WebSession(port).signIn("expert.ru", "demo");
        String page = expert.get("/expertise?lang=ru", "ru").body();
        assertThat(page).contains("Transformer models for liver lesion detection");
        expert.post("/expertise/conflicts", Map.of("subject", "Новосибирский государственный университет",
                "reason", "Соавтор руководителя в 2023 году"), "ru");
        assertThat(expert.get("/expertise", "ru").body()).contains("Соавтор руководителя в 2023 году");
    }
}
