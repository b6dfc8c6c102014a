package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.project.AcceptanceRule.Grade.EXCELLENT;
import static org.tandem.project.AcceptanceRule.Grade.SATISFACTORY;
import static org.tandem.project.AcceptanceRule.Grade.UNSATISFACTORY;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.directory.Directory;
import org.tandem.platform.i18n.MoneyFormat;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.Problem;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.project.AcceptanceRule.Criterion;
import org.tandem.project.AcceptanceRule.Grade;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/**
 * Acceptance councils per party: formed from the party's pool without conflicted experts, graded
 * member by member, concluded by the rule; the project completes when every party accepted.
 */
@TandemIntegrationTest
class AcceptanceTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Reports reports;
    @Autowired Acceptance acceptance;
    @Autowired Directory directory;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    Project running(String title) {
        return f.running(contracts, title);
    }

    /** A running project whose two teams' final reports are accepted: ready for its councils. */
    Project finalReportsAccepted(String title) {
        Project p = running(title);
        for (String party : List.of("VN", "RU")) {
            var r = reports.submit(p.id(), new Reports.ReportInput("FINAL", null, "Final report " + party, null, List.of()),
                    f.user(party.equals("VN") ? "applicant.vn" : "applicant.ru"));
            reports.decide(r.id(), true, null, f.user(party.equals("VN") ? "officer.vn" : "officer.ru"));
        }
        return projects.get(p.id());
    }

    /** {@code n} experts of the party's pool the engine finds no conflict for. */
    List<Long> free(Project p, String party, int n) {
        return acceptance.candidates(p.id(), party, officer(party)).stream().filter(c -> c.conflict() == null)
                .map(Acceptance.Candidate::personId).limit(n).toList();
    }

    TandemUser officer(String party) {
        return f.user(party.equals("VN") ? "officer.vn" : "officer.ru");
    }

    static Map<Criterion, Grade> g(Grade quantity, Grade volume, Grade quality) {
        Map<Criterion, Grade> m = new EnumMap<>(Criterion.class);
        m.put(Criterion.QUANTITY, quantity);
        m.put(Criterion.VOLUME, volume);
        m.put(Criterion.QUALITY, quality);
        return m;
    }

    /** Every member gives every product the same grades. */
    Acceptance.Council gradeAll(Acceptance.Council c, String party, Map<Criterion, Grade> grades) {
        for (Acceptance.Member m : c.members()) {
            Map<Long, Map<Criterion, Grade>> all = new LinkedHashMap<>();
            c.products().forEach(p -> all.put(p.id(), grades));
            c = acceptance.grade(c.id(), m.personId(), all, officer(party));
        }
        return c;
    }

    int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    int audits(long councilId) {
        return jdbc.sql("select count(*) from audit_event where entity_type = ? and entity_id = ?")
                .params(Acceptance.AUDIT_TYPE, String.valueOf(councilId)).query(Integer.class).single();
    }

    @Test
    void anExpertWithAConflictIsRefusedByNameAndNothingIsStored() {
        Project p = finalReportsAccepted("Acceptance: conflict");
        List<Long> ok = free(p, "VN", 2);
        long conflicted = ok.get(1);
        directory.declareConflict(conflicted, p.acronym(), "Co-author of the team lead", "system");
        var candidate = acceptance.candidates(p.id(), "VN", officer("VN")).stream()
                .filter(c -> c.personId() == conflicted).findFirst().orElseThrow();
        assertThat(candidate.conflict()).isNotNull();
        int before = rows("project_acceptance");
        assertThatThrownBy(() -> acceptance.form(p.id(), "VN", ok, List.of("Sensor network"), officer("VN")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("members");
                    assertThat(e.problems().get(0).code()).isEqualTo("project.acceptance.conflicted");
                    assertThat(e.problems().get(0).args().get(0)).isEqualTo(candidate.name());
                });
        // Someone outside the party's pool, no products: both named.
        assertThatThrownBy(() -> acceptance.form(p.id(), "VN", List.of(ok.get(0), -5L), List.of(" "), officer("VN")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code).containsExactly("project.acceptance.notInPool",
                                "project.acceptance.productsRequired"));
        assertThat(rows("project_acceptance")).isEqualTo(before);
    }

    @Test
    void theResultFollowsTheRuleAndTheProjectCompletesOnlyWhenEveryPartyAccepted() {
        Project p = finalReportsAccepted("Acceptance: complete");
        List<Long> vnMembers = free(p, "VN", 3);
        assertThat(vnMembers).hasSize(3);
        var vn = acceptance.form(p.id(), "VN", vnMembers, List.of("Sensor network on the Red River", "Flood model"),
                officer("VN"));
        assertThat(vn.status()).isEqualTo(AcceptanceWorkflow.GRADING);
        assertThat(vn.members().get(0).position()).isZero();
        // A second council while one is at work is refused.
        assertThatThrownBy(() -> acceptance.form(p.id(), "VN", vnMembers, List.of("x"), officer("VN")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ACCEPTANCE_COUNCIL_EXISTS"));
        // Two members: everything satisfactory; the third finds one product's volume short.
        var first = vn;
        for (int i = 0; i < 2; i++) {
            Map<Long, Map<Criterion, Grade>> all = new LinkedHashMap<>();
            first.products().forEach(pr -> all.put(pr.id(), g(EXCELLENT, SATISFACTORY, SATISFACTORY)));
            vn = acceptance.grade(vn.id(), vnMembers.get(i), all, officer("VN"));
        }
        assertThatThrownBy(() -> acceptance.conclude(first.id(), officer("VN")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("grades"));
        long flood = vn.products().get(1).id();
        Map<Long, Map<Criterion, Grade>> third = new LinkedHashMap<>();
        third.put(vn.products().get(0).id(), g(SATISFACTORY, SATISFACTORY, SATISFACTORY));
        third.put(flood, g(SATISFACTORY, UNSATISFACTORY, SATISFACTORY));
        vn = acceptance.grade(vn.id(), vnMembers.get(2), third, officer("VN"));
        var result = acceptance.evaluate(vn).orElseThrow();
        assertThat(result.overall()).isEqualTo(AcceptanceRule.Overall.SATISFACTORY);
        assertThat(result.why().get(0).code()).isEqualTo("project.acceptance.why.satisfactory");
        vn = acceptance.conclude(vn.id(), officer("VN"));
        assertThat(vn.status()).isEqualTo(AcceptanceWorkflow.ACCEPTED);
        assertThat(vn.result()).isEqualTo("SATISFACTORY");
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.RUNNING);
        long vnId = vn.id();
        assertThatThrownBy(() -> acceptance.grade(vnId, vnMembers.get(0), Map.of(), officer("VN")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("ACCEPTANCE_CONCLUDED"));

        // Russia's first council finds the quality unsatisfactory: not accepted, the project still runs.
        List<Long> ruMembers = free(p, "RU", 2);
        var ru = acceptance.form(p.id(), "RU", ruMembers, List.of("Catalyst samples"), officer("RU"));
        ru = acceptance.conclude(gradeAll(ru, "RU", g(EXCELLENT, EXCELLENT, UNSATISFACTORY)).id(), officer("RU"));
        assertThat(ru.status()).isEqualTo(AcceptanceWorkflow.NOT_ACCEPTED);
        assertThat(acceptance.evaluate(ru).orElseThrow().why()).extracting(AcceptanceRule.Why::code)
                .containsExactly("project.acceptance.why.quality");
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.RUNNING);
        // A new council accepts: now every party has, and the project is completed.
        var again = acceptance.form(p.id(), "RU", ruMembers, List.of("Catalyst samples"), officer("RU"));
        acceptance.conclude(gradeAll(again, "RU", g(SATISFACTORY, SATISFACTORY, SATISFACTORY)).id(), officer("RU"));
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.COMPLETED);
        assertThatThrownBy(() -> acceptance.form(p.id(), "RU", ruMembers, List.of("x"), officer("RU")))
                .isInstanceOf(ConflictException.class);
        // form, three members' grades, accept.
        assertThat(audits(vnId)).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = ? and entity_id = ? and action = 'complete'")
                .params(Projects.AUDIT_TYPE, String.valueOf(p.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void oneSidesOfficerCannotActForTheOtherAndNoCouncilBeforeTheFinalReport() {
        Project early = running("Acceptance: early");
        assertThatThrownBy(() -> acceptance.form(early.id(), "VN", free(early, "VN", 1), List.of("x"), officer("VN")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("ACCEPTANCE_NO_FINAL_REPORT"));
        Project p = finalReportsAccepted("Acceptance: sides");
        List<Long> members = free(p, "VN", 1);
        assertThatThrownBy(() -> acceptance.form(p.id(), "VN", members, List.of("x"), officer("RU")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> acceptance.candidates(p.id(), "VN", officer("RU"))).isInstanceOf(NotAllowedException.class);
        var c = acceptance.form(p.id(), "VN", members, List.of("Sensor network"), officer("VN"));
        Map<Long, Map<Criterion, Grade>> grades = Map.of(c.products().get(0).id(), g(EXCELLENT, EXCELLENT, EXCELLENT));
        assertThatThrownBy(() -> acceptance.grade(c.id(), members.get(0), grades, officer("RU")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> acceptance.conclude(c.id(), officer("RU"))).isInstanceOf(NotAllowedException.class);
        // A grade left out is named by product and criterion, and nothing is stored.
        Map<Long, Map<Criterion, Grade>> partial = Map.of(c.products().get(0).id(),
                new EnumMap<>(Map.of(Criterion.QUANTITY, EXCELLENT, Criterion.VOLUME, EXCELLENT)));
        assertThatThrownBy(() -> acceptance.grade(c.id(), members.get(0), partial, officer("VN")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactly("grade_" + c.products().get(0).id() + "_QUALITY"));
        assertThat(jdbc.sql("select count(*) from project_acceptance_grade where acceptance_id = ?").param(c.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void thePagesInThreeLanguagesAndTheMinutesAndContractAsPdfInTheVietnameseLanguage() throws Exception {
        Project p = finalReportsAccepted("Acceptance: pages");
        List<Long> members = free(p, "VN", 1);
        WebSession vn = new WebSession(port).signIn("officer.vn", "demo");
        for (String lang : List.of("en", "vi", "ru")) {
            WebSession.Page page = vn.get("/projects/" + p.id() + "/acceptance/VN?lang=" + lang, lang);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("??").doesNotContain("project.acceptance.");
        }
        assertThat(vn.get("/projects/" + p.id() + "/acceptance/VN?lang=vi", "vi").body()).contains("Thành lập hội đồng");
        // Bad input on the form: the problem is shown with what was typed.
        WebSession.Page refused = vn.post("/projects/" + p.id() + "/acceptance/VN",
                Map.of("products", "Sensor network"), "vi");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Thành viên hội đồng: chọn ít nhất một chuyên gia").contains("Sensor network");
        vn.get("/projects/" + p.id() + "/acceptance/VN", "en");
        assertThat(vn.post("/projects/" + p.id() + "/acceptance/VN",
                Map.of("member", String.valueOf(members.get(0)), "products", "Mạng cảm biến\n\n"), "vi").status()).isEqualTo(302);
        var c = acceptance.of(p.id(), "VN", f.user("officer.vn")).get(0);
        assertThat(c.products()).extracting(Acceptance.Product::name).containsExactly("Mạng cảm biến");
        // The Russian officer reads the page but cannot grade for Vietnam.
        WebSession ru = new WebSession(port).signIn("officer.ru", "demo");
        WebSession.Page ruPage = ru.get("/projects/" + p.id() + "/acceptance/VN", "ru");
        assertThat(ruPage.status()).isEqualTo(200);
        assertThat(ruPage.body()).doesNotContain("/grades");
        long product = c.products().get(0).id();
        Map<String, String> grades = new LinkedHashMap<>(Map.of("grade_" + product + "_QUANTITY", "EXCELLENT",
                "grade_" + product + "_VOLUME", "SATISFACTORY", "grade_" + product + "_QUALITY", "SATISFACTORY"));
        assertThat(ru.post("/projects/" + p.id() + "/acceptance/VN/" + c.id() + "/grades",
                Map.of("member", String.valueOf(members.get(0))), "ru").status()).isEqualTo(403);
        vn.get("/projects/" + p.id() + "/acceptance/VN", "en");
        grades.put("member", String.valueOf(members.get(0)));
        assertThat(vn.post("/projects/" + p.id() + "/acceptance/VN/" + c.id() + "/grades", grades, "en").status())
                .isEqualTo(302);
        assertThat(vn.post("/projects/" + p.id() + "/acceptance/VN/" + c.id() + "/conclude", Map.of(), "en").status())
                .isEqualTo(302);
        String page = vn.get("/projects/" + p.id() + "/acceptance/VN?lang=vi", "vi").body();
        assertThat(page).contains("Đạt — được nghiệm thu").contains("cần ít nhất 2");

        String minutes = text(vn.getBytes("/projects/" + p.id() + "/acceptance/VN/" + c.id() + "/minutes.pdf"));
        assertThat(minutes).contains("Biên bản họp hội đồng nghiệm thu").contains("Mạng cảm biến").contains("Xuất sắc")
                .contains("Đạt — được nghiệm thu").contains(p.partByCode("VN").orElseThrow().code());
        String contract = text(vn.getBytes("/projects/" + p.id() + "/contracts/VN/contract.pdf"));
        assertThat(contract).contains("Hợp đồng thực hiện nhiệm vụ khoa học và công nghệ theo Nghị định thư")
                .contains("HĐ 01/2026/NĐT").contains("Nguyễn Văn An").contains("Hanoi University of Science and Technology")
                .contains(norm(MoneyFormat.format(new BigDecimal("1200000000"), "VND", Locale.forLanguageTag("vi-VN"))));
        // Russia's contract, printed by the Vietnamese officer, is still in Russian and in roubles.
        String ruContract = text(vn.getBytes("/projects/" + p.id() + "/contracts/RU/contract.pdf"));
        assertThat(ruContract).contains("Соглашение о предоставлении гранта").contains("РНФ-26-01")
                .contains(norm(MoneyFormat.format(new BigDecimal("5000000"), "RUB", Locale.forLanguageTag("ru-RU"))));
        // Someone outside the project gets nothing.
        WebSession outsider = new WebSession(port).signIn("expert.vn", "demo");
        assertThat(outsider.get("/projects/" + p.id() + "/contracts/VN/contract.pdf").status()).isEqualTo(403);
    }

    /** The text of every page, with the PDF's line breaks and the font's spacing folded into single spaces. */
    static String text(byte[] pdf) throws Exception {
        var reader = new com.lowagie.text.pdf.PdfReader(pdf);
        var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            all.append(extractor.getTextFromPage(i)).append('\n');
        }
        return norm(all.toString());
    }

    static String norm(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ");
    }
}
