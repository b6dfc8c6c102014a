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

/** The pages: officers sign and decide, the lead files through the form (nothing typed lost), visitors read. */
@TandemIntegrationTest
class ProjectPagesTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired UserDetailsService users;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    static void readable(WebSession.Page page) {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("??").doesNotContain("workflow.project").doesNotContain("project.kind.");
    }

    static Map<String, String> contract(String number, String host, String pi, String start, String end, String amount) {
        return Map.of("number", number, "signedOn", "2026-03-01", "hostOrganisation", host, "piName", pi,
                "startDate", start, "endDate", end, "trancheYear0", "2026", "trancheAmount0", amount);
    }

    @Test
    void officersSignTheLeadFilesIsReturnedAndResubmitsAndVisitorsReadThePublicPage() {
        Project p = f.awarded("Pages: project", 1).get(0);
        WebSession vn = new WebSession(port).signIn("officer.vn", "demo");
        readable(vn.get("/projects"));
        WebSession.Page page = vn.get("/projects/" + p.id(), "vi");
        readable(page);
        assertThat(page.body()).contains("Ghi nhận hợp đồng đã ký");
        assertThat(vn.post("/projects/" + p.id() + "/contracts/VN", contract("HĐ 7/2026", "HUST", "Nguyễn Văn An",
                "2026-04-01", "2028-03-31", "1000000000"), "vi").status()).isEqualTo(302);
        WebSession ru = new WebSession(port).signIn("officer.ru", "demo");
        ru.get("/projects/" + p.id(), "ru");
        // The Russian officer cannot sign for Vietnam.
        assertThat(ru.post("/projects/" + p.id() + "/contracts/VN", contract("X", "H", "P", "2026-04-01", "2028-03-31", "1"),
                "ru").status()).isEqualTo(403);
        assertThat(ru.post("/projects/" + p.id() + "/contracts/RU", contract("РНФ 7", "НГУ", "Иван Петров", "2026-05-01",
                "2028-04-30", "5000000"), "ru").status()).isEqualTo(302);
        assertThat(projects.get(p.id()).status()).isEqualTo(ProjectWorkflow.RUNNING);

        WebSession lead = new WebSession(port).signIn("applicant.vn", "demo");
        WebSession.Page form = lead.get("/projects/" + p.id() + "/report", "vi");
        readable(form);
        WebSession.Page refused = lead.post("/projects/" + p.id() + "/report", Map.of("kind", "ANNUAL", "year", "1",
                "scientific", "Năm thứ nhất: lắp đặt cảm biến", "spent_1_0", "-5"), "vi");
        readable(refused);
        assertThat(refused.body()).contains("Số tiền đã chi").contains("Năm thứ nhất: lắp đặt cảm biến");
        assertThat(lead.post("/projects/" + p.id() + "/report", Map.of("kind", "ANNUAL", "year", "1",
                "scientific", "Năm thứ nhất: lắp đặt cảm biến", "spent_1_0", "500000000"), "vi").status()).isEqualTo(302);

        WebSession.Page withReport = vn.get("/projects/" + p.id(), "en");
        readable(withReport);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/projects/" + p.id() + "/reports/(\\d+)").matcher(withReport.body());
        assertThat(m.find()).isTrue();
        long reportId = Long.parseLong(m.group(1));
        WebSession.Page noComment = vn.post("/projects/" + p.id() + "/reports/" + reportId, Map.of("decision", "return"), "en");
        readable(noComment);
        assertThat(noComment.body()).contains("Comment: say what the team should change.");
        assertThat(vn.post("/projects/" + p.id() + "/reports/" + reportId,
                Map.of("decision", "return", "comment", "Thiếu hóa đơn thiết bị."), "en").status()).isEqualTo(302);
        assertThat(vn.get("/projects/" + p.id(), "ru").body()).contains("Thiếu hóa đơn thiết bị.").contains("Возвращён на доработку");
        lead.get("/projects/" + p.id() + "/report", "en");
        assertThat(lead.post("/projects/" + p.id() + "/report", Map.of("kind", "ANNUAL", "year", "1",
                "scientific", "Year one, with invoices", "spent_1_0", "500000000"), "en").status()).isEqualTo(302);
        vn.get("/projects/" + p.id(), "en");
        assertThat(vn.post("/projects/" + p.id() + "/reports/" + reportId, Map.of("decision", "accept"), "en").status())
                .isEqualTo(302);
        assertThat(vn.get("/projects/" + p.id(), "en").body()).contains("Accepted").contains("Version 2");

        WebSession visitor = new WebSession(port);
        WebSession.Page list = visitor.get("/programmes/" + p.programmeId() + "/projects?q=" + p.acronym(), "ru");
        readable(list);
        assertThat(list.body()).contains("Поддержанные проекты").contains(p.title());
        WebSession.Page pub = visitor.get("/programmes/" + p.programmeId() + "/projects/" + p.id(), "vi");
        readable(pub);
        assertThat(pub.body()).contains("Hanoi University of Science and Technology").contains("Tổ chức chủ trì");
        assertThat(visitor.get("/projects/" + p.id(), "en").status()).isEqualTo(302); // sign-in first
    }
}
