package org.tandem.proposal;

import org.tandem.demo.DemoProposals;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

@TandemIntegrationTest
class OfficerProposalPagesTests {

    @LocalServerPort int port;
    @Autowired Calls calls;

    Call pilot() {
        return calls.publicCalls().stream().filter(c -> DemoProposals.PILOT_TITLE.equals(c.getTitle().getEn()))
                .findFirst().orElseThrow();
    }

    @Test
    void officersFilterTheProposalsOfACall() {
        WebSession officer = new WebSession(port).signIn("officer.ru", "demo");
        String page = officer.get("/officer/calls/" + pilot().getId() + "/proposals?field=LIFE&lang=ru", "ru").body();
        assertThat(page).contains("Заявок: 8").contains("DENGUEVAX").doesNotContain("PEROVSTAB");
        assertThat(new WebSession(port).signIn("applicant.vn", "demo")
                .get("/officer/calls/" + pilot().getId() + "/proposals").status()).isEqualTo(403);
    }

    @Test
    void theExportIsARealSpreadsheetWithEveryPartysBudgetAndNoInternalNotes() throws Exception {
        WebSession officer = new WebSession(port).signIn("officer.vn", "demo");
        officer.get("/officer/calls/" + pilot().getId() + "/proposals");
        byte[] xlsx = officer.getBytes("/officer/calls/" + pilot().getId() + "/proposals.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(40);
            assertThat(sheet.getRow(0).getCell(10).getStringCellValue()).startsWith("Budget, ").endsWith(" (VND)");
            assertThat(sheet.getRow(0).getCell(13).getStringCellValue()).startsWith("Budget, ").endsWith(" (RUB)");
            assertThat(sheet.getRow(1).getCell(10).getNumericCellValue()).isGreaterThan(1_000_000_000d);
        }
    }
}
