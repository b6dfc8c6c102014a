package org.tandem.proposal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.web.ApiError;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/** System-to-system API: agencies and universities write and submit proposals from their own systems. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Proposals")
class ProposalApi {

    private final Proposals proposals;
    private final ProposalSubmissions submissions;
    private final TeamInvitations invitations;
    private final Attachments attachments;
    private final EligibilityConfig config;
    private final Calls calls;
    private final Programmes programmes;
    private final MessageSource messages;

    ProposalApi(Proposals proposals, ProposalSubmissions submissions, TeamInvitations invitations, Attachments attachments, EligibilityConfig config, Calls calls,
                Programmes programmes, MessageSource messages) {
        this.config = config;
        this.proposals = proposals;
        this.submissions = submissions;
        this.invitations = invitations;
        this.attachments = attachments;
        this.calls = calls;
        this.programmes = programmes;
        this.messages = messages;
    }

    @PostMapping("/calls/{callId}/proposals")
    @Operation(summary = "Start a joint proposal in an open call; the caller leads their party's team")
    ResponseEntity<ProposalJson.Created> create(@PathVariable long callId, @RequestBody ProposalJson body) {
        Proposal p = proposals.create(callId, body.content(), CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + p.getId()))
                .eTag(etag(p.getVersion())).body(new ProposalJson.Created(p.getId(), p.getVersion()));
    }

    @GetMapping("/calls/{callId}/proposals")
    @Operation(summary = "The proposals of a call, for its programme's officers")
    List<ProposalJson.Summary> ofCall(@PathVariable long callId, Locale locale) {
        TandemUser me = CurrentUser.require();
        return proposals.ofCall(callId, me).stream().map(p -> {
            ProposalJson j = json(p, me);
            return new ProposalJson.Summary(p.getId(), p.getAcronym(), p.getTitle(), p.getStatus().name(),
                    p.getVersion(), proposals.eligibility(p).stream().allMatch(EligibilityCheck::ok), p.getUpdatedAt(),
                    j.teams());
        }).toList();
    }

    @GetMapping("/proposals/{id}")
    ResponseEntity<ProposalJson> get(@PathVariable long id) {
        TandemUser me = CurrentUser.require();
        Proposal p = proposals.get(id, me);
        return ResponseEntity.ok().eTag(etag(p.getVersion())).body(json(p, me));
    }

    @PutMapping("/proposals/{id}")
    @Operation(summary = "Replace the proposal's content; If-Match must carry the version that was read (412 when stale)")
    ResponseEntity<?> put(@PathVariable long id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                          @RequestBody ProposalJson body, Locale locale) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(new ApiError("PRECONDITION_REQUIRED",
                    messages.getMessage("error.PRECONDITION_REQUIRED", null, locale), List.of()));
        }
        long expected;
        try {
            expected = Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(new ApiError("STALE_VERSION",
                    messages.getMessage("error.STALE_VERSION", null, locale), List.of()));
        }
        TandemUser me = CurrentUser.require();
        Proposal p = proposals.update(id, expected, body.content(), me);
        return ResponseEntity.ok().eTag(etag(p.getVersion())).body(json(p, me));
    }

    @GetMapping("/proposals/{id}/eligibility")
    ProposalJson.EligibilityJson eligibility(@PathVariable long id, Locale locale) {
        List<EligibilityCheck> checks = proposals.eligibility(id, CurrentUser.require());
        return new ProposalJson.EligibilityJson(checks.stream().allMatch(EligibilityCheck::ok), checks(checks, locale));
    }

    @PostMapping("/proposals/{id}/submit")
    @Operation(summary = "Submit the proposal as it stands; the same Idempotency-Key returns the same receipt")
    ProposalJson.ReceiptJson submit(@PathVariable long id,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                    jakarta.servlet.http.HttpServletRequest request) {
        return new ProposalJson.ReceiptJson(submissions.submit(id, key, CurrentUser.require(),
                SubmissionGate.receivedAt(request)));
    }

    @PostMapping("/proposals/{id}/withdraw")
    ResponseEntity<ProposalJson> withdraw(@PathVariable long id) {
        TandemUser me = CurrentUser.require();
        Proposal p = submissions.withdraw(id, me);
        return ResponseEntity.ok().eTag(etag(p.getVersion())).body(json(p, me));
    }

    @PostMapping("/proposals/{id}/invitations")
    @Operation(summary = "Invite the principal investigator of another party's team by e-mail")
    ResponseEntity<Void> invite(@PathVariable long id, @RequestBody ProposalJson.Invitation body) {
        invitations.invite(id, body.party(), body.email(), CurrentUser.require());
        return ResponseEntity.accepted().build();
    }

    record AttachmentJson(long id, String fileName, long sizeBytes, String sha256, java.time.Instant uploadedAt) {
        static AttachmentJson of(Attachment a) {
            return new AttachmentJson(a.id(), a.fileName(), a.sizeBytes(), a.sha256(), a.uploadedAt());
        }
    }

    @PostMapping(path = "/proposals/{id}/attachments", consumes = "multipart/form-data")
    @Operation(summary = "Attach a PDF (multipart field 'file'); the call sets the size limit")
    ResponseEntity<AttachmentJson> attach(@PathVariable long id,
                                          @org.springframework.web.bind.annotation.RequestParam("file")
                                          org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        Attachment a = attachments.upload(id, file.getOriginalFilename(), file.getBytes(), CurrentUser.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(AttachmentJson.of(a));
    }

    @GetMapping("/proposals/{id}/attachments")
    List<AttachmentJson> attachments(@PathVariable long id) {
        return attachments.list(id, CurrentUser.require()).stream().map(AttachmentJson::of).toList();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/proposals/{id}/attachments/{attachmentId}")
    ResponseEntity<Void> detach(@PathVariable long id, @PathVariable long attachmentId) {
        attachments.delete(id, attachmentId, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/invitations/{token}/accept")
    ProposalJson accept(@PathVariable String token) {
        TandemUser me = CurrentUser.require();
        return json(invitations.accept(token, me), me);
    }

    @PostMapping("/proposals/{id}/overrides")
    @Operation(summary = "An officer sets one eligibility rule aside for this proposal, with a reason")
    ProposalJson.EligibilityJson override(@PathVariable long id, @RequestBody ProposalJson.Override body, Locale locale) {
        EligibilityRule rule;
        try {
            rule = EligibilityRule.valueOf(String.valueOf(body.rule()));
        } catch (IllegalArgumentException e) {
            throw org.tandem.platform.validation.InvalidInputException.of("rule", "eligibility.rule.unknown",
                    String.valueOf(body.rule()));
        }
        proposals.override(id, rule, body.party(), body.reason(), CurrentUser.require());
        return eligibility(id, locale);
    }

    record RuleJson(String rule, String party, boolean enabled, Integer param) {
    }

    @GetMapping("/calls/{callId}/eligibility-rules")
    @Operation(summary = "The eligibility rules a call applies, per party for party rules")
    List<RuleJson> rules(@PathVariable long callId) {
        Programme programme = programmes.get(calls.getPublic(callId).getProgrammeId());
        var settings = config.of(callId);
        List<RuleJson> list = new java.util.ArrayList<>();
        for (EligibilityRule r : EligibilityRule.values()) {
            if (r.perParty()) {
                for (Party p : programme.getParties()) {
                    var s = EligibilityConfig.setting(settings, r, p.getId());
                    list.add(new RuleJson(r.name(), p.getCode(), s.enabled(), s.param()));
                }
            } else {
                var s = EligibilityConfig.setting(settings, r, 0);
                list.add(new RuleJson(r.name(), null, s.enabled(), s.param()));
            }
        }
        return list;
    }

    @PutMapping("/calls/{callId}/eligibility-rules")
    @Operation(summary = "Turn a rule on or off for a call (a party rule only by that party's officers)")
    List<RuleJson> setRule(@PathVariable long callId, @RequestBody RuleJson body) {
        Programme programme = programmes.get(calls.get(callId).getProgrammeId());
        EligibilityRule rule;
        try {
            rule = EligibilityRule.valueOf(String.valueOf(body.rule()));
        } catch (IllegalArgumentException e) {
            throw org.tandem.platform.validation.InvalidInputException.of("rule", "eligibility.rule.unknown",
                    String.valueOf(body.rule()));
        }
        long party = body.party() == null ? 0 : programme.partyByCode(body.party()).map(Party::getId)
                .orElseThrow(() -> org.tandem.platform.validation.InvalidInputException.of("party",
                        "call.budget.unknownParty", body.party()));
        config.set(callId, rule, party, body.enabled(), body.param(), CurrentUser.require());
        return rules(callId);
    }

    @ExceptionHandler(NotEligibleException.class)
    ResponseEntity<ProposalJson.NotEligible> notEligible(NotEligibleException e, Locale locale) {
        return ResponseEntity.unprocessableContent().body(new ProposalJson.NotEligible("NOT_ELIGIBLE",
                messages.getMessage("error.NOT_ELIGIBLE", null, locale), checks(e.checks(), locale)));
    }

    private List<ProposalJson.CheckJson> checks(List<EligibilityCheck> checks, Locale locale) {
        return checks.stream().map(c -> new ProposalJson.CheckJson(c.rule().name(), c.party(), c.passed(),
                messages.getMessage(c.messageCode() + (c.passed() ? ".passed" : ".failed"), c.args().toArray(), locale),
                c.overrideReason())).toList();
    }

    private ProposalJson json(Proposal p, TandemUser me) {
        Programme programme = programmes.get(calls.get(p.getCallId()).getProgrammeId());
        List<ProposalJson.TeamJson> teams = p.getTeams().stream().map(t -> {
            Party party = programme.party(t.getPartyId()).orElseThrow();
            boolean ownNotes = t.ledBy(me.id()) || me.has(Role.PROGRAMME_OFFICER, programme.getId(), party.getId());
            return new ProposalJson.TeamJson(party.getCode(), party.getCurrency(), t.getHostOrganisation(),
                    t.getPiName(), t.getPiEmail(), t.getPiUserId() != null, t.memberList(), t.getBudget(),
                    t.budgetTotal(), ownNotes ? t.getInternalNotes() : null);
        }).toList();
        return new ProposalJson(p.getId(), p.getCallId(), p.getVersion(), p.getStatus().name(), p.getAcronym(),
                p.getTitle(), p.getAbstractText(), p.keywordList(), p.fieldList(), p.getDurationMonths(), p.getWorkPlan(),
                p.getTitleVi(), p.getTitleRu(), p.getAbstractVi(), p.getAbstractRu(), teams,
                submissions.receipts(p.getId(), me), actions(p, me));
    }

    /** What the reader may do next, read off the proposal workflow, so a client need not guess. */
    private List<String> actions(Proposal p, TandemUser me) {
        if (!p.isMember(me.id()) || calls.get(p.getCallId()).status(calls.now()) != org.tandem.programme.CallStatus.OPEN) {
            return List.of();
        }
        return ProposalWorkflow.PROPOSAL.actionsFrom(p.getStatus().name()).stream()
                .map(org.tandem.platform.workflow.Workflow.Transition::action).toList();
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
