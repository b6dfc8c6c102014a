package org.tandem.selection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** The joint committee's workspace: both parties' scores, the live funding line, the decisions. */
@Controller
class SelectionPages {

    private final Selection selection;
    private final Decisions decisions;
    private final Explanations explain;

    private final org.tandem.programme.Programmes programmes;

    private final org.springframework.context.MessageSource messages;

    SelectionPages(Selection selection, Decisions decisions, Explanations explain,
                   org.tandem.programme.Programmes programmes, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.programmes = programmes;
        this.selection = selection;
        this.decisions = decisions;
        this.explain = explain;
    }

    @GetMapping("/committee/calls/{id}")
    String workspace(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        TandemUser me = CurrentUser.require();
        Selection.Board board = selection.board(id, me);
        FundingQuery q;
        try {
            q = FundingQuery.from(params);
            // The board is already built (and the reader's rights checked): draw the line on it rather than aggregate again.
            model.addAttribute("line", selection.fundingLine(board, q.budgets(), q.quotas(), q.policy()));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            q = new FundingQuery(Map.of(), Map.of(), org.tandem.engine.select.Policy.RANK);
            model.addAttribute("line", selection.fundingLine(board, Map.of(), Map.of(), q.policy()));
        }
        model.addAttribute("board", board);
        // Quota inputs are labelled by the field's name; the code is only the form's key.
        Map<String, String> fieldNames = new java.util.HashMap<>();
        programmes.get(board.call().getProgrammeId()).getPriorityFields().forEach(f ->
                fieldNames.put(f.getCode(), f.getName().in(org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        model.addAttribute("fieldNames", fieldNames);
        Map<Long, Selection.LineRow> lineOf = new java.util.HashMap<>();
        ((Selection.FundingView) model.getAttribute("line")).rows().forEach(r -> lineOf.put(r.proposalId(), r));
        model.addAttribute("lineOf", lineOf);
        Decisions.DecisionSet set = decisions.current(id, me).orElse(null);
        Map<String, Decisions.Approval> approvalOf = new java.util.HashMap<>();
        if (set != null) {
            set.approvals().stream().filter(Decisions.Approval::current).forEach(a -> approvalOf.put(a.party(), a));
        }
        model.addAttribute("approvalOf", approvalOf);
        model.addAttribute("decisionSet", set);
        java.util.Set<Long> myParties = me.officerParties(board.call().getProgrammeId());
        model.addAttribute("myParties", myParties);
        model.addAttribute("decisionsHint", decisionsHint(set, myParties, approvalOf, board));
        model.addAttribute("dropped", decisions.droppedFor(me, List.of(id)));
        model.addAttribute("planWarnings", set == null || set.isFinal() ? List.of() : planWarnings(board, set));
        return "selection/workspace";
    }

    /**
     * Where approving would commit more than the year's plan of a party: the calls of that year
     * already commit more, or the decisions fund more than the plan. Officers see this before
     * they approve; the plan is the programme's, the costs are the funded teams' budgets.
     */
    private List<String> planWarnings(Selection.Board board, Decisions.DecisionSet set) {
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        int year = board.call().getYear();
        var row = programmes.decade(board.call().getProgrammeId()).stream().filter(r -> r.year() == year).findFirst()
                .orElse(null);
        if (row == null) {
            return List.of();
        }
        java.util.Set<Long> funded = new java.util.HashSet<>();
        set.items().stream().filter(i -> i.outcome() == Decisions.Outcome.FUNDED).forEach(i -> funded.add(i.proposalId()));
        List<String> out = new java.util.ArrayList<>();
        for (var p : board.parties()) {
            java.math.BigDecimal fundedCost = board.rows().stream().filter(r -> funded.contains(r.proposalId()))
                    .map(r -> r.costs().getOrDefault(p.getCode(), java.math.BigDecimal.ZERO))
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            java.math.BigDecimal plan = row.plannedOf(p.getId());
            if (row.overPlan(p.getId()) || fundedCost.compareTo(plan) > 0) {
                String currency = p.getCurrency();
                out.add(messages.getMessage("selection.overPlan", new Object[] {String.valueOf(year),
                        new java.util.Locale("", p.getCountryCode()).getDisplayCountry(locale),
                        org.tandem.platform.i18n.MoneyFormat.format(fundedCost, currency, locale),
                        org.tandem.platform.i18n.MoneyFormat.format(row.committedOf(p.getId()), currency, locale),
                        org.tandem.platform.i18n.MoneyFormat.format(plan, currency, locale)}, locale));
            }
        }
        return out;
    }

    /** What the reader can do about the decisions now and what happens next, as a message key. */
    private static String decisionsHint(Decisions.DecisionSet set, java.util.Set<Long> myParties,
                                        Map<String, Decisions.Approval> approvalOf, Selection.Board board) {
        boolean officer = !myParties.isEmpty();
        if (set == null) {
            return officer ? "selection.hint.officer.none" : "selection.hint.member.none";
        }
        if (set.isFinal()) {
            return null;
        }
        boolean mineMissing = board.parties().stream()
                .anyMatch(p -> myParties.contains(p.getId()) && approvalOf.get(p.getCode()) == null);
        if (mineMissing) {
            return "selection.hint.officer.approve";
        }
        return officer ? "selection.hint.officer.waiting" : "selection.hint.member.waiting";
    }

    @PostMapping("/committee/calls/{id}/recommend")
    String recommend(@PathVariable long id, @RequestParam long party, @RequestParam long proposal,
                     @RequestParam boolean recommended, RedirectAttributes redirect) {
        return act(id, redirect, () -> selection.recommend(id, party, proposal, recommended, CurrentUser.require()),
                "selection.recommended");
    }

    @PostMapping("/committee/calls/{id}/comment")
    String comment(@PathVariable long id, @RequestParam long proposal, @RequestParam String text,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> selection.comment(id, proposal, text, CurrentUser.require()), "selection.commented");
    }

    /**
     * Proposes decisions. When that would withdraw another party's approval, the officer first
     * sees a confirm step naming those parties; the same form, confirmed, goes ahead.
     */
    @PostMapping("/committee/calls/{id}/decisions")
    String propose(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        try {
            return act(id, redirect, () -> {
                FundingQuery q = FundingQuery.from(params);
                int reserve;
                try {
                    reserve = Integer.parseInt(params.getOrDefault("reserve", "0").trim());
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of("reserve", "validation.number");
                }
                decisions.propose(id, q.budgets(), q.quotas(), q.policy(), reserve, "true".equals(params.get("confirmDrop")),
                        CurrentUser.require());
            }, "selection.proposed");
        } catch (Decisions.ApprovalsWouldDrop e) {
            java.util.LinkedHashMap<String, String> replay = new java.util.LinkedHashMap<>(params);
            replay.remove("_csrf");
            replay.remove("confirmDrop");
            redirect.addFlashAttribute("confirmDrop", replay);
            redirect.addFlashAttribute("dropProblems", new java.util.ArrayList<>(e.problems()));
            return "redirect:/committee/calls/" + id + "#decisions";
        }
    }

    @PostMapping("/committee/calls/{id}/decisions/approve")
    String approve(@PathVariable long id, @RequestParam long party, @RequestParam String digest,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> decisions.approve(id, party, digest, CurrentUser.require()), "selection.approved");
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (Decisions.ApprovalsWouldDrop e) {
            throw e;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/committee/calls/" + id;
    }

    /** Everything the committee sees, as a spreadsheet: scores of each party, merit, the line at the call's budgets. */
    @GetMapping("/committee/calls/{id}/selection.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) throws IOException {
        TandemUser me = CurrentUser.require();
        Selection.Board board = selection.board(id, me);
        Selection.FundingView line = selection.fundingLine(board, Map.of(), Map.of(), org.tandem.engine.select.Policy.RANK);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Selection");
            Row head = sheet.createRow(0);
            int c = 0;
            for (String h : new String[] {"Acronym", "Title", "Field"}) {
                head.createCell(c++).setCellValue(h);
            }
            for (var p : board.parties()) {
                head.createCell(c++).setCellValue(p.getCode() + " reviews");
                head.createCell(c++).setCellValue(p.getCode() + " raw");
                head.createCell(c++).setCellValue(p.getCode() + " calibrated");
                head.createCell(c++).setCellValue(p.getCode() + " fundable");
                head.createCell(c++).setCellValue(p.getCode() + " recommended");
                head.createCell(c++).setCellValue(p.getCode() + " cost (" + board.currencies().get(p.getCode()) + ")");
            }
            for (String h : new String[] {"Joint merit", "Disagreement", "Funded at call budgets", "Why", "Consensus comment"}) {
                head.createCell(c++).setCellValue(h);
            }
            int r = 1;
            for (Selection.Row row : board.rows()) {
                Row x = sheet.createRow(r++);
                c = 0;
                x.createCell(c++).setCellValue(row.acronym());
                x.createCell(c++).setCellValue(row.title());
                x.createCell(c++).setCellValue(row.field());
                for (var p : board.parties()) {
                    Selection.PartyScore s = row.parties().get(p.getCode());
                    x.createCell(c++).setCellValue(s.reviews());
                    if (s.raw() != null) {
                        x.createCell(c).setCellValue(s.raw());
                        x.createCell(c + 1).setCellValue(s.calibrated());
                    }
                    c += 2;
                    x.createCell(c++).setCellValue(s.fundable());
                    x.createCell(c++).setCellValue(s.recommended() == null ? "" : s.recommended().toString());
                    x.createCell(c++).setCellValue(row.costs().get(p.getCode()).doubleValue());
                }
                if (row.merit() != null) {
                    x.createCell(c).setCellValue(row.merit());
                }
                c++;
                x.createCell(c++).setCellValue(row.disagreement());
                var lr = line.rows().stream().filter(l -> l.proposalId() == row.proposalId()).findFirst().orElseThrow();
                x.createCell(c++).setCellValue(lr.funded());
                x.createCell(c++).setCellValue(explain.of(lr.funded(), lr.reason(), lr.merit()));
                x.createCell(c).setCellValue(row.comment() == null ? "" : row.comment());
            }
            wb.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("call-" + id + "-selection.xlsx").build().toString())
                    .body(out.toByteArray());
        }
    }
}
