package org.tandem.review;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.engine.assign.Assigner;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.validation.InvalidInputException;

/**
 * Background assignment runs as JSON: start one (202 and where to follow it), read its progress and
 * result, cancel it. The assignment page polls the same progress.
 */
@RestController
@RequestMapping("/api/v1/calls/{id}/assignment-runs")
class AssignmentRunApi {

    private final AssignmentJobs jobs;
    private final org.springframework.context.MessageSource messages;

    AssignmentRunApi(AssignmentJobs jobs, org.springframework.context.MessageSource messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    /** {@code objective} is {@code fair} (the default) or {@code total}. */
    record StartJson(Long party, Integer perProposal, Integer maxLoad, String objective) {
    }

    record UnmetJson(String proposalId, int missing, String reason) {
    }

    record RunJson(long id, long callId, long partyId, int perProposal, int maxLoad, String objective, String status,
                   String phase, int percent, boolean cancelRequested, String message, String messageText, Integer assigned,
                   List<UnmetJson> unmet, Integer conflicts, Double totalAffinity, Double minAffinity, Double minBound,
                   Double gap, Boolean optimal, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    /** {@code message} is a stable code for programs; {@code messageText} says it in the caller's language. */
    RunJson json(AssignmentJobs.Run r) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return new RunJson(r.id(), r.callId(), r.partyId(), r.perProposal(), r.maxLoad(),
                r.objective().toLowerCase(Locale.ROOT), r.status().toLowerCase(Locale.ROOT),
                r.phase(), r.percent(), r.cancelRequested(), r.message(),
                r.message() == null ? null : messages.getMessage(r.message(), null, r.message(), locale), r.assigned(),
                r.unmet() == null ? null : r.unmet().stream()
                        .map(u -> new UnmetJson(u.proposalId(), u.missing(), u.reason().name().toLowerCase(Locale.ROOT))).toList(),
                r.conflicts(), r.totalAffinity(), r.minAffinity(), r.minBound(), r.gap(), r.optimal(), r.createdAt(),
                r.startedAt(), r.finishedAt());
    }

    static Assigner.Objective objective(String text) {
        return switch (text == null ? "fair" : text.trim().toLowerCase(Locale.ROOT)) {
            case "fair", "" -> Assigner.Objective.FAIR;
            case "total" -> Assigner.Objective.TOTAL;
            default -> throw InvalidInputException.of("objective", "assignmentRun.objective.unknown", text);
        };
    }

    @PostMapping
    ResponseEntity<RunJson> start(@PathVariable long id, @RequestBody StartJson body) {
        if (body.party() == null) {
            throw InvalidInputException.of("party", "assignmentRun.party.required");
        }
        AssignmentJobs.Run r = jobs.start(id, body.party(), body.perProposal() == null ? 2 : body.perProposal(),
                body.maxLoad() == null ? 10 : body.maxLoad(), objective(body.objective()), CurrentUser.require());
        return ResponseEntity.accepted().location(URI.create("/api/v1/calls/" + id + "/assignment-runs/" + r.id()))
                .body(json(r));
    }

    @GetMapping("/{run}")
    RunJson get(@PathVariable long id, @PathVariable long run) {
        return json(jobs.get(id, run, CurrentUser.require()));
    }

    @PostMapping("/{run}/cancel")
    ResponseEntity<RunJson> cancel(@PathVariable long id, @PathVariable long run) {
        return ResponseEntity.accepted().body(json(jobs.cancel(id, run, CurrentUser.require())));
    }

    @DeleteMapping("/{run}")
    ResponseEntity<RunJson> delete(@PathVariable long id, @PathVariable long run) {
        return cancel(id, run);
    }
}
