package org.tandem.proposal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problems;
import org.tandem.platform.validation.StaleVersionException;
import org.tandem.platform.web.FormErrors;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/** The applicants' pages: start a proposal, write it together, attach, submit, read receipts. */
@Controller
class ProposalPages {

    private final Proposals proposals;
    private final ProposalSubmissions submissions;
    private final TeamInvitations invitations;
    private final Attachments attachments;
    private final Calls calls;
    private final Programmes programmes;
    private final org.tandem.platform.pdf.PdfDocuments pdf;
    private final org.springframework.context.MessageSource messages;
    private final org.tandem.platform.i18n.Times times;

    ProposalPages(Proposals proposals, ProposalSubmissions submissions, TeamInvitations invitations, Attachments attachments, Calls calls, Programmes programmes,
                  org.tandem.platform.pdf.PdfDocuments pdf, org.springframework.context.MessageSource messages,
                  org.tandem.platform.i18n.Times times) {
        this.proposals = proposals;
        this.submissions = submissions;
        this.invitations = invitations;
        this.pdf = pdf;
        this.messages = messages;
        this.times = times;
        this.attachments = attachments;
        this.calls = calls;
        this.programmes = programmes;
    }

    @GetMapping("/proposals")
    String mine(Model model) {
        TandemUser me = CurrentUser.require();
        model.addAttribute("proposals", proposals.mine(me));
        model.addAttribute("callOf", (java.util.function.Function<Long, Call>) calls::get);
        return "proposal/list";
    }

    @PostMapping("/proposals/new")
    String start(@RequestParam long call, @RequestParam String acronym, @RequestParam String title,
                 RedirectAttributes redirect) {
        try {
            Proposal p = proposals.create(call, ProposalContent.start(acronym, title, null), CurrentUser.require());
            return "redirect:/proposals/" + p.getId();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", "error." + e.code());
        }
        return "redirect:/calls/" + call;
    }

    @GetMapping("/proposals/{id}")
    String show(@PathVariable long id, Model model) {
        TandemUser me = CurrentUser.require();
        Proposal p = proposals.get(id, me);
        Programme programme = programme(p);
        String party = ownParty(p, programme, me);
        return page(model, p, programme, me,
                ProposalForm.of(p, party == null ? null : p.teamOf(programme.partyByCode(party).orElseThrow().getId())
                        .orElse(null), party, calls.get(p.getCallId())), null);
    }

    @PostMapping("/proposals/{id}")
    String save(@PathVariable long id, @ModelAttribute("form") ProposalForm form, BindingResult errors, Model model) {
        TandemUser me = CurrentUser.require();
        Proposal p = proposals.get(id, me);
        Programme programme = programme(p);
        form.setParty(ownParty(p, programme, me));
        List<Proposals.Change> conflict = null;
        try {
            Problems problems = new Problems();
            // The grid's rows come from the call; what the browser sent only says where each typed cell was.
            form.layOut(calls.get(p.getCallId()), List.of(), 0);
            ProposalContent content = form.toContent(problems);
            problems.throwIfAny();
            proposals.update(id, form.getVersion() == null ? -1 : form.getVersion(), content, me);
            return "redirect:/proposals/" + id + "?saved";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e.problems(), form::formField);
        } catch (StaleVersionException e) {
            conflict = proposals.changesSince(id, form.getVersion() == null ? -1 : form.getVersion(), me);
            // The next save is a deliberate choice made after seeing the other changes.
            p = proposals.get(id, me);
            form.setVersion(p.getVersion());
        } catch (ConflictException e) {
            errors.reject("error." + e.code());
        }
        form.layOut(calls.get(p.getCallId()), List.of(), 0);
        return page(model, p, programme, me, form, conflict);
    }

    /** Saves while the applicant types (htmx); answers with a status line and the new version. */
    @PostMapping("/proposals/{id}/autosave")
    String autosave(@PathVariable long id, @ModelAttribute("form") ProposalForm form, Model model) {
        TandemUser me = CurrentUser.require();
        Proposal p = proposals.get(id, me);
        Programme programme = programme(p);
        form.setParty(ownParty(p, programme, me));
        try {
            Problems problems = new Problems();
            // The grid's rows come from the call; what the browser sent only says where each typed cell was.
            form.layOut(calls.get(p.getCallId()), List.of(), 0);
            ProposalContent content = form.toContent(problems);
            problems.throwIfAny();
            Proposal saved = proposals.update(id, form.getVersion() == null ? -1 : form.getVersion(), content, me);
            model.addAttribute("savedVersion", saved.getVersion());
            model.addAttribute("savedAt", saved.getUpdatedAt());
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", proposals.changesSince(id, form.getVersion() == null ? -1 : form.getVersion(), me));
        } catch (ConflictException e) {
            model.addAttribute("errorKey", "error." + e.code());
        }
        return "proposal/save-status";
    }

    @PostMapping("/proposals/{id}/invite")
    String invite(@PathVariable long id, @RequestParam String party, @RequestParam String email,
                  RedirectAttributes redirect) {
        try {
            invitations.invite(id, party, email, CurrentUser.require());
            redirect.addFlashAttribute("notice", "proposal.invited");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", "error." + e.code());
        }
        return "redirect:/proposals/" + id;
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "proposal/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token) {
        Proposal p = invitations.accept(token, CurrentUser.require());
        return "redirect:/proposals/" + p.getId() + "?joined";
    }

    @PostMapping("/proposals/{id}/attachments")
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            attachments.upload(id, file.getOriginalFilename(), file.getBytes(), CurrentUser.require());
            redirect.addFlashAttribute("notice", "attachment.uploaded");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", "error." + e.code());
        }
        return "redirect:/proposals/" + id + "#attachments";
    }

    @PostMapping("/proposals/{id}/attachments/{attachmentId}/delete")
    String detach(@PathVariable long id, @PathVariable long attachmentId) {
        attachments.delete(id, attachmentId, CurrentUser.require());
        return "redirect:/proposals/" + id + "#attachments";
    }

    @GetMapping("/proposals/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long attachmentId) {
        TandemUser me = CurrentUser.require();
        Attachment a = attachments.list(id, me).stream().filter(x -> x.id() == attachmentId).findFirst()
                .orElseThrow(() -> new org.tandem.platform.validation.NotFoundException("attachment"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(attachments.open(id, attachmentId, me)));
    }

    @PostMapping("/proposals/{id}/submit")
    String submit(@PathVariable long id, @RequestParam String idempotencyKey, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request) {
        try {
            Receipt r = submissions.submit(id, idempotencyKey, CurrentUser.require(), SubmissionGate.receivedAt(request));
            return "redirect:/proposals/" + id + "/receipts/" + r.version();
        } catch (NotEligibleException e) {
            redirect.addFlashAttribute("errorKey", "error.NOT_ELIGIBLE");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", "error." + e.code());
        }
        return "redirect:/proposals/" + id;
    }

    @PostMapping("/proposals/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        try {
            submissions.withdraw(id, CurrentUser.require());
            redirect.addFlashAttribute("notice", "proposal.withdrawn");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", "error." + e.code());
        }
        return "redirect:/proposals/" + id;
    }

    @GetMapping("/proposals/{id}/receipts/{version}")
    String receipt(@PathVariable long id, @PathVariable int version, Model model) {
        TandemUser me = CurrentUser.require();
        Proposal p = proposals.get(id, me);
        Receipt r = submissions.receipts(id, me).stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> new org.tandem.platform.validation.NotFoundException("receipt"));
        model.addAttribute("proposal", p);
        model.addAttribute("receipt", r);
        model.addAttribute("programme", programme(p));
        model.addAttribute("reference", ProposalReference.of(programme(p), calls.get(p.getCallId()), r.proposalId()));
        return "proposal/receipt";
    }

    /** The receipt as a PDF in the reader's language, to keep with the institution's records. */
    @GetMapping("/proposals/{id}/receipts/{version}.pdf")
    ResponseEntity<byte[]> receiptPdf(@PathVariable long id, @PathVariable int version, java.util.Locale locale) {
        TandemUser me = CurrentUser.require();
        Proposal p = proposals.get(id, me);
        Receipt r = submissions.receipts(id, me).stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> new org.tandem.platform.validation.NotFoundException("receipt"));
        Programme programme = programme(p);
        List<org.tandem.platform.pdf.PdfDocuments.Line> lines = new java.util.ArrayList<>(List.of(
                line("proposal.receipt.proposal", ProposalReference.of(programme, calls.get(p.getCallId()), r.proposalId())
                        + " — " + p.getAcronym() + " — " + p.getTitle(), locale),
                line("proposal.receipt.version", String.valueOf(r.version()), locale),
                line("proposal.receipt.sha", r.sha256(), locale),
                line("proposal.receipt.received", times.in(r.submittedAt(), java.time.ZoneOffset.UTC), locale)));
        for (Party party : programme.getParties()) {
            // The party as its country in the reader's language: the receipt is read by people, not systems.
            lines.add(new org.tandem.platform.pdf.PdfDocuments.Line(
                    new java.util.Locale("", party.getCountryCode()).getDisplayCountry(locale),
                    times.in(r.submittedAt(), party.zone())));
        }
        byte[] bytes = pdf.simple(messages.getMessage("proposal.receipt", null, locale) + " — "
                        + calls.get(p.getCallId()).getTitle().in(locale), lines,
                messages.getMessage("proposal.receipt.hint", null, locale));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("receipt-" + id + "-v" + version + ".pdf").build().toString())
                .body(bytes);
    }

    private org.tandem.platform.pdf.PdfDocuments.Line line(String key, String value, java.util.Locale locale) {
        return new org.tandem.platform.pdf.PdfDocuments.Line(messages.getMessage(key, null, locale), value);
    }

    private String page(Model model, Proposal p, Programme programme, TandemUser me, ProposalForm form,
                        List<Proposals.Change> conflict) {
        Call call = calls.get(p.getCallId());
        model.addAttribute("proposal", p);
        model.addAttribute("call", call);
        model.addAttribute("programme", programme);
        model.addAttribute("form", form);
        model.addAttribute("member", p.isMember(me.id()));
        model.addAttribute("officer", proposals.isOfficer(p, me));
        model.addAttribute("open", call.status(calls.now()) == org.tandem.programme.CallStatus.OPEN);
        model.addAttribute("checks", proposals.eligibility(p));
        model.addAttribute("attachments", attachments.list(p.getId(), me));
        model.addAttribute("receipts", submissions.receipts(p.getId(), me));
        model.addAttribute("conflict", conflict);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("partyOf", (java.util.function.Function<Long, Party>) pid -> programme.party(pid).orElseThrow());
        model.addAttribute("openTeams", p.getTeams().stream().filter(t -> t.getPiUserId() == null)
                .map(t -> programme.party(t.getPartyId()).orElseThrow()).toList());
        return "proposal/edit";
    }

    private Programme programme(Proposal p) {
        return programmes.get(calls.get(p.getCallId()).getProgrammeId());
    }

    private static String ownParty(Proposal p, Programme programme, TandemUser me) {
        return p.getTeams().stream().filter(t -> t.ledBy(me.id())).findFirst()
                .flatMap(t -> programme.party(t.getPartyId())).map(Party::getCode).orElse(null);
    }

}
