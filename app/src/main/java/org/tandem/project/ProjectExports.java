package org.tandem.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.tandem.platform.i18n.Times;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;

/**
 * The officers' spreadsheet of their programmes' projects, reports and outputs, headers in the
 * reader's language. Money stays in numbers (to sum) and in each party's own currency, and only
 * for the reader's own parties: another agency's budget, payments and spending are its business.
 */
@Controller
class ProjectExports {

    private final Projects projects;
    private final Contracts contracts;
    private final Reports reports;
    private final Outputs outputs;
    private final MessageSource messages;
    private final Times times;

    ProjectExports(Projects projects, Contracts contracts, Reports reports, Outputs outputs, MessageSource messages,
                   Times times) {
        this.projects = projects;
        this.contracts = contracts;
        this.reports = reports;
        this.outputs = outputs;
        this.messages = messages;
        this.times = times;
    }

    @GetMapping("/projects/export.xlsx")
    ResponseEntity<byte[]> export(Locale locale) throws IOException {
        TandemUser me = CurrentUser.require();
        if (!me.has(Role.PROGRAMME_OFFICER)) {
            throw new NotAllowedException("only programme officers export projects");
        }
        List<Project> mine = projects.forOfficer(me);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            projectsSheet(wb, mine, me, locale);
            reportsSheet(wb, mine, me, locale);
            outputsSheet(wb, mine, me, locale);
            wb.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("projects.xlsx").build().toString())
                    .body(out.toByteArray());
        }
    }

    private Set<Long> own(Project p, TandemUser me) {
        return me.officerParties(p.programmeId());
    }

    private void projectsSheet(XSSFWorkbook wb, List<Project> list, TandemUser me, Locale locale) {
        Sheet sheet = wb.createSheet(text("project.xlsx.sheet.projects", locale));
        header(sheet, locale, "project.xlsx.code", "project.xlsx.party", "project.title", "project.status",
                "project.contractPdf.period", "project.host", "project.pi", "project.xlsx.currency", "project.budget",
                "project.xlsx.contracted", "project.tranche.paid");
        int r = 1;
        for (Project p : list) {
            Map<Long, Contracts.Contract> contractOf = new java.util.HashMap<>();
            contracts.contracts(p.id()).forEach(c -> contractOf.put(c.partyId(), c));
            for (Project.Part part : p.parties()) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(part.code());
                row.createCell(c++).setCellValue(part.partyCode());
                row.createCell(c++).setCellValue(title(p));
                row.createCell(c++).setCellValue(text("workflow.project.state." + p.status(), locale));
                row.createCell(c++).setCellValue(p.startDate() == null ? "" : times.date(p.startDate()) + " – " + times.date(p.endDate()));
                row.createCell(c++).setCellValue(nz(part.hostOrganisation()));
                row.createCell(c++).setCellValue(nz(part.piName()));
                if (own(p, me).contains(part.partyId())) {
                    Contracts.Contract contract = contractOf.get(part.partyId());
                    row.createCell(c++).setCellValue(part.currency());
                    number(row, c++, part.budgetTotal());
                    number(row, c++, contract == null ? null : contract.total());
                    number(row, c++, contract == null ? null : contract.paid());
                }
            }
        }
    }

    private void reportsSheet(XSSFWorkbook wb, List<Project> list, TandemUser me, Locale locale) {
        Sheet sheet = wb.createSheet(text("project.xlsx.sheet.reports", locale));
        header(sheet, locale, "project.xlsx.code", "project.xlsx.party", "project.title", "project.xlsx.kind",
                "project.tranche.year", "project.status", "project.xlsx.version", "project.xlsx.submittedAt",
                "project.xlsx.currency", "project.spent");
        int r = 1;
        for (Project p : list) {
            for (Reports.Report report : reports.of(p.id(), me)) {
                Project.Part part = p.part(report.partyId()).orElseThrow();
                Reports.Version v = report.current();
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(part.code());
                row.createCell(c++).setCellValue(part.partyCode());
                row.createCell(c++).setCellValue(title(p));
                row.createCell(c++).setCellValue("FINAL".equals(report.kind()) ? text("project.report.final", locale)
                        : text("project.report.annualKind", locale));
                if ("FINAL".equals(report.kind())) {
                    c++;
                } else {
                    row.createCell(c++).setCellValue(report.year());
                }
                row.createCell(c++).setCellValue(text("workflow.projectReport.state." + report.status(), locale));
                row.createCell(c++).setCellValue(report.currentVersion());
                row.createCell(c++).setCellValue(times.reader(v.submittedAt()));
                if (own(p, me).contains(part.partyId())) {
                    row.createCell(c++).setCellValue(part.currency());
                    number(row, c++, v.spending().stream().map(Reports.Spending::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
                }
            }
        }
    }

    private void outputsSheet(XSSFWorkbook wb, List<Project> list, TandemUser me, Locale locale) {
        Sheet sheet = wb.createSheet(text("project.xlsx.sheet.outputs", locale));
        header(sheet, locale, "project.xlsx.projectCodes", "project.title", "project.xlsx.kind", "project.xlsx.outputTitle",
                "project.xlsx.doi", "project.tranche.year", "project.xlsx.venue", "project.xlsx.authors",
                "project.xlsx.joint", "project.xlsx.public");
        int r = 1;
        for (Project p : list) {
            String codes = String.join(", ", p.parties().stream().map(Project.Part::code).toList());
            for (Outputs.Output o : outputs.of(p.id(), me)) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(codes);
                row.createCell(c++).setCellValue(title(p));
                row.createCell(c++).setCellValue(text("project.kind." + o.kind(), locale));
                row.createCell(c++).setCellValue(o.title());
                row.createCell(c++).setCellValue(nz(o.doi()));
                if (o.year() != null) {
                    row.createCell(c).setCellValue(o.year());
                }
                c++;
                row.createCell(c++).setCellValue(nz(o.venue()));
                row.createCell(c++).setCellValue(String.join("; ", o.authors()));
                row.createCell(c++).setCellValue(text(o.joint() ? "filter.yes" : "filter.no", locale));
                row.createCell(c++).setCellValue(text(o.isPublic() ? "filter.yes" : "filter.no", locale));
            }
        }
    }

    private void header(Sheet sheet, Locale locale, String... keys) {
        Row head = sheet.createRow(0);
        List<String> headers = new ArrayList<>();
        for (String k : keys) {
            headers.add(text(k, locale));
        }
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(headers.get(i));
        }
    }

    private static void number(Row row, int c, BigDecimal amount) {
        if (amount != null) {
            row.createCell(c).setCellValue(amount.doubleValue());
        }
    }

    private static String title(Project p) {
        return p.acronym() == null ? p.title() : p.acronym() + " — " + p.title();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
