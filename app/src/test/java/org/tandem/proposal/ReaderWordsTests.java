package org.tandem.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.demo.DemoProposals;
import org.tandem.programme.Call;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** Words, not codes: section, rule, field and criterion names, and money in the reader's format. */
@TandemIntegrationTest
class ReaderWordsTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;

    Call openCall() {
        return calls.openAndUpcoming().stream().filter(c -> c.status(calls.now()) == CallStatus.OPEN)
                .filter(c -> c.getTitle().getEn().startsWith("Joint call 2026")).findFirst().orElseThrow();
    }

    Call titled(String title) {
        return calls.publicCalls().stream().filter(c -> title.equals(c.getTitle().getEn())).findFirst().orElseThrow();
    }

    @Test
    void eligibilityNamesTheMissingSectionsAndFormatsMoneyForTheReader() {
        ApiClient vn = new ApiClient(port).signIn("applicant.vn");
        var created = vn.post("/api/v1/calls/" + openCall().getId() + "/proposals",
                Map.of("acronym", "WORDS", "title", "Words not codes", "abstract", "x"), Map.of());
        long id = created.json().get("id").asLong();
        var checks = vn.get("/api/v1/proposals/" + id + "/eligibility");
        String en = checks.json().toString();
        assertThat(en).contains("Work plan and milestones").contains("Duration (months)").doesNotContain("workPlan")
                .doesNotContain("durationMonths");
        // The call's cap, as the board writes it: grouped digits and the currency sign, never "2000000000.00 VND".
        assertThat(en).containsPattern("\\d{1,3}(,\\d{3})+").doesNotContainPattern("\\d{7,}");
    }

    @Test
    void theOfficersListAndSpreadsheetUseRuleNamesAndTheReadersLanguage() throws Exception {
        Call pilot = titled(DemoProposals.PILOT_TITLE);
        Programme programme = programmes.get(pilot.getProgrammeId());
        WebSession officer = new WebSession(port).signIn("officer.vn", "demo");
        String page = officer.get("/officer/calls/" + pilot.getId() + "/proposals?lang=en", "en").body();
        for (EligibilityRule rule : EligibilityRule.values()) {
            assertThat(page).doesNotContain(rule.name() + " ").doesNotContain(rule.name() + ",")
                    .doesNotContain(rule.name() + "<");
        }
        officer.get("/officer/calls/" + pilot.getId() + "/proposals?lang=vi", "vi");
        byte[] xlsx = officer.getBytes("/officer/calls/" + pilot.getId() + "/proposals.xlsx?lang=vi");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row head = wb.getSheetAt(0).getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("Số tham chiếu");
            assertThat(head.getCell(1).getStringCellValue()).isEqualTo("Tên viết tắt");
            assertThat(head.getCell(10).getStringCellValue()).contains(programme.getParties().get(0).getAgency().getVi());
            String reference = wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue();
            assertThat(reference).startsWith(programme.getCode() + "-C" + pilot.getYear() + "-").matches(".*-\\d{5}");
            String fields = wb.getSheetAt(0).getRow(1).getCell(6).getStringCellValue();
            programme.getPriorityFields().forEach(f -> assertThat(fields).doesNotContain(f.getCode() + ","));
            assertThat(programme.getPriorityFields().stream().anyMatch(f -> fields.contains(f.getName().getVi()))).isTrue();
        }
    }

    @Test
    void theCommitteeQuotaInputsAreLabelledByFieldNames() {
        Call reviewed = titled(DemoProposals.REVIEWED_TITLE);
        Programme programme = programmes.get(reviewed.getProgrammeId());
        String page = new WebSession(port).signIn("committee.ru", "demo")
                .get("/committee/calls/" + reviewed.getId() + "?lang=ru", "ru").body();
        programme.getPriorityFields().stream().filter(f -> reviewed.getFieldCodes().contains(f.getCode())).forEach(f -> {
            assertThat(page).contains("Проектов в " + f.getName().getRu()).doesNotContain("Проектов в " + f.getCode() + "<");
        });
        // A minimum the budget cannot meet is explained with the field's name, not the engine's code.
        var field = programme.getPriorityFields().stream().filter(f -> reviewed.getFieldCodes().contains(f.getCode()))
                .findFirst().orElseThrow();
        String unmet = new WebSession(port).signIn("committee.vn", "demo")
                .get("/committee/calls/" + reviewed.getId() + "?lang=en&min." + field.getCode() + "=30", "en").body();
        assertThat(unmet).contains(field.getName().getEn() + ": ").contains("at least 30 required")
                .doesNotContain("quota:min");
        String capped = new WebSession(port).signIn("committee.vn", "demo")
                .get("/committee/calls/" + reviewed.getId() + "?lang=en&max." + field.getCode() + "=0", "en").body();
        assertThat(capped).contains("the field " + field.getName().getEn() + " has reached")
                .doesNotContain("the field " + field.getCode() + " has");
    }
}
