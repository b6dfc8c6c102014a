package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problem;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;

/** A publication from a RIS record: joint when both teams wrote it, refused by field when damaged. */
@TandemIntegrationTest
class RisImportTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Outputs outputs;
    @Autowired UserDetailsService users;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    static Outputs.OutputInput ris(String text) {
        return new Outputs.OutputInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, true, null, null, text);
    }

    @Test
    void aRisRecordByBothTeamsIsAJointPublicationAndADamagedOneStoresNothing() {
        Project p = f.awarded("Outputs: RIS", 1).get(0);
        contracts.sign(p.id(), "VN", ContractTests.vnContract(), f.user("officer.vn"));
        contracts.sign(p.id(), "RU", ContractTests.ruContract(), f.user("officer.ru"));
        Outputs.Output o = outputs.add(p.id(), ris(RisTests.RIS), f.user("applicant.vn"));
        assertThat(o.source()).isEqualTo("RIS");
        assertThat(o.kind()).isEqualTo("PUBLICATION");
        assertThat(o.doi()).isEqualTo("10.1016/j.jhydrol.2026.130002");
        assertThat(o.joint()).isTrue();
        assertThat(o.jointParties()).containsExactly("VN", "RU");

        assertThatThrownBy(() -> outputs.add(p.id(), ris("TY  - JOUR\nTI  - T\nPY  - soon\nER  - "), f.user("applicant.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("ris"));
        var api = new ApiClient(port).signIn("applicant.ru");
        var refused = api.post("/api/v1/projects/" + p.id() + "/outputs", Map.of("ris", "TY  - JOUR\nTI  - T\nbroken\nER  - "),
                Map.of("Accept-Language", "ru"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("problems").get(0).get("field").asString()).isEqualTo("ris");
        assertThat(refused.json().get("problems").get(0).get("message").asString()).startsWith("Запись RIS: строка 3");
        assertThat(outputs.of(p.id(), f.user("officer.vn"))).hasSize(1);
    }
}
