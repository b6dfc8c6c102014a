package org.tandem.proposal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/** Officers see what arrived in their calls, filter it, export it, and set rules aside with a reason. */
@Controller
class OfficerProposalPages {

    private final Proposals proposals;
    private final Calls calls;
    private final Programmes programmes;
    private final MessageSource messages;
    private final EligibilityConfig config;

    OfficerProposalPages(Proposals proposals, Calls calls, Programmes programmes, MessageSource messages,
                         EligibilityConfig config) {
        this.proposals = proposals;
        this.config = config;
        this.calls = calls;
        this.programmes = programmes;
        this.messages = messages;
    }

    /** One row of the officers' list: a proposal with its eligibility, as shown and as exported. */
    record Line(Proposal proposal, boolean eligible, List<String> failing) {
    }

    List<Line> lines(long callId, TandemUser me, String status, String eligibility, String field) {
        return proposals.ofCall(callId, me).stream()
                .filter(p -> status == null || status.isBlank() || p.getStatus().name().equals(status))
                .filter(p -> field == null || field.isBlank() || p.fieldList().contains(field))
                .map(p -> {
                    List<EligibilityCheck> checks = proposals.eligibility(p);
                    List<String> failing = checks.stream().filter(c -> !c.ok())
                            .map(c -> messages.getMessage("eligibility.rule." + c.rule().name(), null, c.rule().name(),
                                    org.springframework.context.i18n.LocaleContextHolder.getLocale())
                                    + (c.party() == null ? "" : " (" + c.party() + ")")).toList();
                    return new Line(p, failing.isEmpty(), failing);
                })
                .filter(l -> eligibility == null || eligibility.isBlank()
                        || (eligibility.equals("yes") == l.eligible()))
                .toList();
    }

    @GetMapping("/officer/calls/{id}/proposals")
    String list(@PathVariable long id, @RequestParam(required = false) String status,
                @RequestParam(required = false) String eligibility, @RequestParam(required = false) String field,
                Model model) {
        TandemUser me = CurrentUser.require();
        Call call = calls.get(id);
        model.addAttribute("call", call);
        model.addAttribute("programme", programmes.get(call.getProgrammeId()));
        model.addAttribute("lines", lines(id, me, status, eligibility, field));
        model.addAttribute("status", status);
        model.addAttribute("eligibility", eligibility);
        model.addAttribute("field", field);
        return "proposal/officer-list";
    }

    @GetMapping("/officer/calls/{id}/proposals.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String eligibility,
                                  @RequestParam(required = false) String field, Locale locale) throws IOException {
        TandemUser me = CurrentUser.require();
        Call call = calls.get(id);
        Programme programme = programmes.get(call.getProgrammeId());
        List<Line> lines = lines(id, me, status, eligibility, field);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("proposals");
            Row head = sheet.createRow(0);
            // Headers in the reader's language, like the values beside them.
            List<String> headers = new java.util.ArrayList<>(Stream.of("officer.xlsx.reference", "proposal.field.acronym",
                    "proposal.field.title", "call.status", "officer.proposals.eligible", "officer.xlsx.failing",
                    "call.fields", "proposal.field.durationMonths").map(k -> messages.getMessage(k, null, locale)).toList());
            for (Party party : programme.getParties()) {
                String agency = party.getAgency().in(locale);
                headers.add(messages.getMessage("officer.xlsx.host", new Object[] {agency}, locale));
                headers.add(messages.getMessage("officer.xlsx.pi", new Object[] {agency}, locale));
                headers.add(messages.getMessage("officer.xlsx.budget", new Object[] {agency, party.getCurrency()}, locale));
            }
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            int r = 1;
            for (Line l : lines) {
                Proposal p = l.proposal();
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(ProposalReference.of(programme, call, p.getId()));
                row.createCell(c++).setCellValue(nz(p.getAcronym()));
                row.createCell(c++).setCellValue(nz(p.getTitle()));
                row.createCell(c++).setCellValue(messages.getMessage(p.getStatus().messageKey(), null, locale));
                row.createCell(c++).setCellValue(messages.getMessage(l.eligible() ? "filter.yes" : "filter.no", null, locale));
                row.createCell(c++).setCellValue(String.join(", ", l.failing()));
                row.createCell(c++).setCellValue(String.join(", ", p.fieldList().stream().map(f -> programme.getPriorityFields()
                        .stream().filter(x -> x.getCode().equals(f)).findFirst().map(x -> x.getName().in(locale)).orElse(f))
                        .toList()));
                if (p.getDurationMonths() != null) {
                    row.createCell(c).setCellValue(p.getDurationMonths());
                }
                c++;
                for (Party party : programme.getParties()) {
                    Team t = p.teamOf(party.getId()).orElse(null);
                    row.createCell(c++).setCellValue(t == null ? "" : nz(t.getHostOrganisation()));
                    row.createCell(c++).setCellValue(t == null ? "" : nz(t.getPiName()));
                    // Numbers stay numbers in the sheet so officers can sum them; internal notes are never exported.
                    row.createCell(c++).setCellValue(t == null ? 0 : t.budgetTotal().doubleValue());
                }
            }
            wb.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("call-" + id + "-proposals.xlsx").build().toString())
                    .body(out.toByteArray());
        }
    }

    @PostMapping("/officer/proposals/{id}/overrides")
    String override(@PathVariable long id, @RequestParam EligibilityRule rule,
                    @RequestParam(required = false) String party, @RequestParam String reason,
                    RedirectAttributes redirect) {
        try {
            proposals.override(id, rule, party, reason, CurrentUser.require());
            redirect.addFlashAttribute("notice", "eligibility.overridden");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/proposals/" + id + "#checklist";
    }

    /** One row of the rules page: a rule for the whole proposal (party null) or for one party. */
    record RuleRow(EligibilityRule rule, Party party, EligibilityConfig.Setting setting, boolean mine) {
    }

    @GetMapping("/officer/calls/{id}/eligibility")
    String rules(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Call call = calls.get(id);
        Programme programme = programmes.get(call.getProgrammeId());
        if (!me.has(org.tandem.platform.security.Role.PROGRAMME_OFFICER, programme.getId(), null)) {
            throw new org.tandem.platform.validation.NotAllowedException("not an officer");
        }
        var settings = config.of(id);
        List<RuleRow> rows = new java.util.ArrayList<>();
        for (EligibilityRule r : EligibilityRule.values()) {
            if (r.perParty()) {
                for (Party p : programme.getParties()) {
                    rows.add(new RuleRow(r, p, EligibilityConfig.setting(settings, r, p.getId()),
                            me.has(org.tandem.platform.security.Role.PROGRAMME_OFFICER, programme.getId(), p.getId())));
                }
            } else {
                rows.add(new RuleRow(r, null, EligibilityConfig.setting(settings, r, 0), true));
            }
        }
        model.addAttribute("call", call);
        model.addAttribute("rows", rows);
        return "proposal/eligibility-rules";
    }

    @PostMapping("/officer/calls/{id}/eligibility")
    String setRule(@PathVariable long id, @RequestParam EligibilityRule rule, @RequestParam(defaultValue = "0") long party,
                   @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) Integer param,
                   RedirectAttributes redirect) {
        try {
            config.set(id, rule, party, enabled, param, CurrentUser.require());
            redirect.addFlashAttribute("notice", "eligibility.rules.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (org.tandem.platform.validation.ConflictException e) {
            redirect.addFlashAttribute("errorKey", "error." + e.code());
        }
        return "redirect:/officer/calls/" + id + "/eligibility";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
