package org.tandem.project;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.tandem.platform.i18n.MoneyFormat;
import org.tandem.platform.pdf.PdfDocuments;
import org.tandem.programme.Programmes;
import org.tandem.project.AcceptanceRule.Criterion;

/**
 * The documents a party signs and files, in the party's own language whoever prints them: its
 * contract with its team and the minutes of its acceptance council. Each party has its own
 * template: a text under {@code project.contractPdf.<key>.<party code>} replaces the common
 * {@code project.contractPdf.<key>} (Vietnam's contract follows Circular 05/2014, Russia's the
 * agency's grant agreement).
 */
@Component
class ProjectDocuments {

    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final Programmes programmes;

    ProjectDocuments(PdfDocuments pdf, MessageSource messages, Programmes programmes) {
        this.pdf = pdf;
        this.messages = messages;
        this.programmes = programmes;
    }

    /** The party's language: Vietnamese for Vietnam, Russian for Russia, English for any other party. */
    Locale localeOf(Project project, Project.Part part) {
        String country = programmes.get(project.programmeId()).party(part.partyId()).orElseThrow().getCountryCode();
        return switch (country) {
            case "VN" -> Locale.forLanguageTag("vi-VN");
            case "RU" -> Locale.forLanguageTag("ru-RU");
            default -> Locale.forLanguageTag("en-GB");
        };
    }

    byte[] contract(Project project, Project.Part part, Contracts.Contract c) {
        Locale locale = localeOf(project, part);
        String party = part.partyCode();
        List<PdfDocuments.Line> lines = new ArrayList<>();
        lines.add(line(template("basis", party, locale), template("basisText", party, locale)));
        lines.add(line(text("project.contractPdf.number", locale), c.number()));
        lines.add(line(text("project.contractPdf.code", locale), part.code()));
        lines.add(line(text("project.contractPdf.signedOn", locale), date(c.signedOn(), locale)));
        lines.add(line(text("project.contractPdf.project", locale),
                (project.acronym() == null ? "" : project.acronym() + " — ") + project.title()));
        lines.add(line(template("host", party, locale), c.hostOrganisation()));
        lines.add(line(text("project.pi", locale), c.piName()));
        lines.add(line(text("project.contractPdf.period", locale), date(c.startDate(), locale) + " – " + date(c.endDate(), locale)));
        List<String> tranches = new ArrayList<>();
        for (Contracts.Tranche t : c.tranches()) {
            tranches.add(messages.getMessage("project.contractPdf.tranche",
                    new Object[] {String.valueOf(t.year()), MoneyFormat.format(t.amount(), c.currency(), locale)}, locale));
        }
        lines.add(line(text("project.contractPdf.tranches", locale), String.join("\n", tranches)));
        lines.add(line(text("project.contractPdf.total", locale), MoneyFormat.format(c.total(), c.currency(), locale)));
        return pdf.simple(template("title", party, locale), lines, template("footer", party, locale));
    }

    byte[] minutes(Project project, Project.Part part, Acceptance.Council council, AcceptanceRule.Result result) {
        Locale locale = localeOf(project, part);
        List<PdfDocuments.Line> lines = new ArrayList<>();
        lines.add(line(text("project.contractPdf.code", locale), part.code()));
        lines.add(line(text("project.contractPdf.project", locale),
                (project.acronym() == null ? "" : project.acronym() + " — ") + project.title()));
        lines.add(line(text("project.host", locale), part.hostOrganisation()));
        lines.add(line(text("project.pi", locale), part.piName()));
        lines.add(line(text("project.minutes.members", locale),
                String.join("\n", council.members().stream().map(m -> m.position() == 0
                        ? messages.getMessage("project.acceptance.chair", new Object[] {m.name()}, locale) : m.name()).toList())));
        for (int i = 0; i < council.products().size(); i++) {
            Acceptance.Product p = council.products().get(i);
            AcceptanceRule.ProductResult r = result.products().get(i);
            List<String> rows = new ArrayList<>();
            for (Acceptance.Member m : council.members()) {
                rows.add(m.name() + ": " + grades(council, p.id(), m.personId(), locale));
            }
            List<String> councilGrades = new ArrayList<>();
            for (Criterion c : Criterion.values()) {
                councilGrades.add(text("project.acceptance.criterion." + c, locale) + " "
                        + text("project.acceptance.grade." + r.council().get(c), locale));
            }
            rows.add(text("project.acceptance.council", locale) + ": " + String.join(", ", councilGrades));
            lines.add(line(p.position() + ". " + p.name(), String.join("\n", rows)));
        }
        lines.add(line(text("project.acceptance.result", locale), text("project.acceptance.overall." + result.overall(), locale)));
        lines.add(line(text("project.acceptance.why", locale), String.join("\n", result.why().stream()
                .map(w -> messages.getMessage(w.code(), w.args().toArray(), locale)).toList())));
        if (council.concludedAt() != null) {
            lines.add(line(text("project.minutes.concluded", locale),
                    date(council.concludedAt().atZone(programmes.get(project.programmeId()).party(part.partyId())
                            .orElseThrow().zone()).toLocalDate(), locale) + " · " + council.concludedBy()));
        }
        return pdf.simple(text("project.minutes.title", locale), lines, text("project.minutes.rule", locale));
    }

    private String grades(Acceptance.Council council, long productId, long personId, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            AcceptanceRule.Grade g = council.grade(productId, personId, c);
            parts.add(text("project.acceptance.criterion." + c, locale) + " "
                    + (g == null ? "—" : text("project.acceptance.grade." + g, locale)));
        }
        return String.join(", ", parts);
    }

    private String template(String key, String partyCode, Locale locale) {
        try {
            return messages.getMessage("project.contractPdf." + key + "." + partyCode, null, locale);
        } catch (NoSuchMessageException e) {
            return messages.getMessage("project.contractPdf." + key, null, locale);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String date(LocalDate d, Locale locale) {
        return d == null ? "" : d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private static PdfDocuments.Line line(String label, String value) {
        return new PdfDocuments.Line(label, value == null ? "" : value);
    }
}
