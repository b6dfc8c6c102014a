package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** The outputs form on the project page: a pasted BibTeX entry, a patent typed in, refusals named by field. */
@TandemIntegrationTest
class OutputPagesTests {

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

    @Test
    void theLeadPastesAJointBibtexEntryAndTypesAPatentAndBadInputIsNamedAndNotStored() {
        Project p = f.awarded("Output pages", 1).get(0);
        contracts.sign(p.id(), "VN", ContractTests.vnContract(), f.user("officer.vn"));
        contracts.sign(p.id(), "RU", ContractTests.ruContract(), f.user("officer.ru"));
        String vnPi = p.parties().get(0).piName();
        String ruPi = p.parties().get(1).piName();
        WebSession lead = new WebSession(port).signIn("applicant.vn", "demo");
        WebSession.Page page = lead.get("/projects/" + p.id(), "vi");
        ProjectPagesTests.readable(page);
        assertThat(page.body()).contains("Thêm kết quả").contains("Mục BibTeX");

        String bib = "@article{joint2026,\n author = {" + vnPi + " and " + ruPi + "},\n title = {Joint flood model},\n"
                + " journal = {Water}, year = 2026, doi = {10.1234/joint.2026}\n}";
        assertThat(lead.post("/projects/" + p.id() + "/outputs", Map.of("kind", "PUBLICATION", "recordFormat", "BIBTEX",
                "record", bib, "isPublic", "on"), "vi").status()).isEqualTo(302);

        // A patent without its office: refused, the field named in Vietnamese, what was typed kept.
        WebSession.Page refused = lead.post("/projects/" + p.id() + "/outputs", Map.of("kind", "PATENT", "title",
                "Cảm biến mực nước", "patentNumber", "1-2026-00123", "applicationDate", "2026-06-01",
                "patentStatus", "APPLIED"), "vi");
        ProjectPagesTests.readable(refused);
        assertThat(refused.body()).contains("Cơ quan sáng chế: mã quốc gia").contains("1-2026-00123");
        assertThat(outputs.of(p.id(), f.user("applicant.vn"))).hasSize(1);

        assertThat(lead.post("/projects/" + p.id() + "/outputs", Map.of("kind", "PATENT", "title", "Cảm biến mực nước",
                "patentNumber", "1-2026-00123", "patentOffice", "vn", "applicationDate", "2026-06-01",
                "patentStatus", "APPLIED", "holders", "HUST\nNSU"), "vi").status()).isEqualTo(302);
        // A Crossref paste that is not JSON names the record.
        WebSession.Page notJson = lead.post("/projects/" + p.id() + "/outputs", Map.of("kind", "PUBLICATION",
                "recordFormat", "CROSSREF", "record", "{not json"), "en");
        assertThat(notJson.body()).contains("Crossref record: not a Crossref work.");

        var stored = outputs.of(p.id(), f.user("applicant.vn"));
        assertThat(stored).hasSize(2);
        Outputs.Output publication = stored.stream().filter(o -> o.kind().equals("PUBLICATION")).findFirst().orElseThrow();
        assertThat(publication.joint()).isTrue();
        assertThat(publication.doi()).isEqualTo("10.1234/joint.2026");
        Outputs.Output patent = stored.stream().filter(o -> o.kind().equals("PATENT")).findFirst().orElseThrow();
        assertThat(patent.patentOffice()).isEqualTo("VN");
        assertThat(patent.holders()).containsExactly("HUST", "NSU");
        assertThat(patent.isPublic()).isFalse();
        WebSession.Page listed = lead.get("/projects/" + p.id(), "en");
        assertThat(listed.body()).contains("Joint flood model").contains("joint");
    }
}
