package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** The officers' spreadsheet: headers in the reader's language, money only for the reader's own party. */
@TandemIntegrationTest
class ProjectExportTests {

    @LocalServerPort int port;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Reports reports;
    @Autowired Outputs outputs;
    @Autowired UserDetailsService users;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    static Row rowWith(Sheet sheet, int column, String value) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(column) != null && value.equals(row.getCell(column).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(value + " not in " + sheet.getSheetName());
    }

    @Test
    void anOfficerExportsProjectsReportsAndOutputsWithOnlyTheirOwnPartysMoney() throws Exception {
        Project p = f.awarded("Export: projects", 1).get(0);
        contracts.sign(p.id(), "VN", ContractTests.vnContract(), f.user("officer.vn"));
        contracts.sign(p.id(), "RU", ContractTests.ruContract(), f.user("officer.ru"));
        reports.submit(p.id(), ReportTests.annual("Year one", "800000000"), f.user("applicant.vn"));
        reports.submit(p.id(), new Reports.ReportInput("ANNUAL", 1, "Год первый", null,
                List.of(new Reports.SpendingInput(1, "Personnel", new BigDecimal("4000000")))), f.user("applicant.ru"));
        outputs.add(p.id(), new Outputs.OutputInput(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, true, null, null, RisTests.RIS), f.user("applicant.vn"));
        Project fresh = projects.get(p.id());
        String vnCode = fresh.partByCode("VN").orElseThrow().code();
        String ruCode = fresh.partByCode("RU").orElseThrow().code();

        WebSession vn = new WebSession(port).signIn("officer.vn", "demo");
        assertThat(vn.get("/projects", "vi").body()).contains("Dự án, báo cáo và kết quả (XLSX)");
        byte[] xlsx = vn.getBytes("/projects/export.xlsx?lang=vi");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Dự án");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã số nhiệm vụ");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Tiền tệ");
            Row own = rowWith(sheet, 0, vnCode);
            assertThat(own.getCell(7).getStringCellValue()).isEqualTo("VND");
            assertThat(own.getCell(9).getNumericCellValue()).isEqualTo(2_500_000_000d);
            Row other = rowWith(sheet, 0, ruCode);
            assertThat(other.getCell(6).getStringCellValue()).isEqualTo("Иван Петров");
            assertThat(other.getCell(7)).isNull();
            assertThat(other.getCell(8)).isNull();

            Sheet reportSheet = wb.getSheet("Báo cáo");
            assertThat(reportSheet.getRow(0).getCell(9).getStringCellValue()).isNotBlank();
            assertThat(rowWith(reportSheet, 0, vnCode).getCell(9).getNumericCellValue()).isEqualTo(920_000_000d);
            assertThat(rowWith(reportSheet, 0, ruCode).getCell(9)).isNull();

            Row output = rowWith(wb.getSheet("Kết quả"), 3, "Flood forecasting for the Red River with sparse sensors");
            assertThat(output.getCell(8).getStringCellValue()).isEqualTo("Có");
        }
        // Russia's officer sees the roubles and not the dong.
        WebSession ru = new WebSession(port).signIn("officer.ru", "demo");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ru.getBytes("/projects/export.xlsx?lang=ru")))) {
            Sheet sheet = wb.getSheet("Проекты");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Шифр задания");
            assertThat(rowWith(sheet, 0, ruCode).getCell(7).getStringCellValue()).isEqualTo("RUB");
            assertThat(rowWith(sheet, 0, vnCode).getCell(8)).isNull();
        }
        // A team lead is no officer.
        assertThat(new WebSession(port).signIn("applicant.vn", "demo").get("/projects/export.xlsx").status()).isEqualTo(403);
    }
}
