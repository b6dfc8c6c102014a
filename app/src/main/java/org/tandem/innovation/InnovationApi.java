package org.tandem.innovation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.innovation.Profile.ProfileType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.Problems;

/**
 * The Innovation Centre's API. Reading is public and anonymous (no owner, organisation, patent
 * numbers or contact in any answer, unless the caller is entitled to them); writing needs a token.
 */
@RestController
@RequestMapping("/api/v1/innovation")
@Tag(name = "Innovation Centre")
class InnovationApi {

    private final Profiles profiles;
    private final Deals deals;
    private final Matches matches;
    private final DirectoryMatches directoryMatches;

    InnovationApi(Profiles profiles, Deals deals, Matches matches, DirectoryMatches directoryMatches) {
        this.directoryMatches = directoryMatches;
        this.profiles = profiles;
        this.deals = deals;
        this.matches = matches;
    }

    record InterestJson(String message, String organisation) {
    }

    record StageJson(String action, String on, String note, String document, String value, String currency,
                     String agreementType) {
    }

    @GetMapping("/profiles")
    @Operation(summary = "Published technology and business profiles, anonymous; filter by type, minimum TRL, sector, country, text")
    List<PublicProfile> list(@RequestParam(required = false) String type, @RequestParam(required = false) String trl,
                             @RequestParam(required = false) String sector, @RequestParam(required = false) String country,
                             @RequestParam(required = false) String text) {
        return profiles.published(filter(type, trl, sector, country, text));
    }

    static Profiles.Filter filter(String type, String trl, String sector, String country, String text) {
        Problems p = new Problems();
        ProfileType t = null;
        if (type != null && !type.isBlank()) {
            try {
                t = ProfileType.valueOf(type.strip());
            } catch (IllegalArgumentException e) {
                p.add("type", "innovation.error.choice", Profiles.label("type"));
            }
        }
        Integer minTrl = null;
        if (trl != null && !trl.isBlank()) {
            try {
                minTrl = Integer.valueOf(trl.strip());
                p.require(minTrl >= 1 && minTrl <= 9, "trl", "innovation.error.trl", Profiles.label("trl"));
            } catch (NumberFormatException e) {
                p.add("trl", "innovation.error.trl", Profiles.label("trl"));
            }
        }
        p.throwIfAny();
        return new Profiles.Filter(t, minTrl, sector, country, text);
    }

    @GetMapping("/profiles/{id}")
    @Operation(summary = "One profile; the owner appears only for the owner, the Centre and a partner whose interest was accepted")
    PublicProfile get(@PathVariable long id) {
        return deals.read(id, CurrentUser.get().orElse(null));
    }

    @PostMapping("/profiles")
    @Operation(summary = "Write a profile (draft); with ?submit=true it goes to the Centre's review at once")
    ResponseEntity<PublicProfile> create(@RequestBody ProfileInput body,
                                         @RequestParam(defaultValue = "false") boolean submit) {
        TandemUser me = CurrentUser.require();
        Profile p = profiles.create(body, me);
        if (submit) {
            p = profiles.submit(p.id(), me);
        }
        return ResponseEntity.created(URI.create("/api/v1/innovation/profiles/" + p.id())).body(p.identified());
    }

    @org.springframework.web.bind.annotation.PutMapping("/profiles/{id}")
    @Operation(summary = "Replace a draft or returned profile written by the caller")
    PublicProfile update(@PathVariable long id, @RequestBody ProfileInput body) {
        return profiles.update(id, body, CurrentUser.require()).identified();
    }

    @PostMapping("/profiles/{id}/submit")
    PublicProfile submit(@PathVariable long id) {
        return profiles.submit(id, CurrentUser.require()).identified();
    }

    @PostMapping("/profiles/{id}/publish")
    @Operation(summary = "Centre staff publish a reviewed profile")
    PublicProfile publish(@PathVariable long id) {
        return profiles.publish(id, CurrentUser.require()).identified();
    }

    @PostMapping("/profiles/{id}/interest")
    @Operation(summary = "Express interest in a published profile; the owner learns who you are only when they accept")
    ResponseEntity<Deal> interest(@PathVariable long id, @RequestBody InterestJson body) {
        if (body == null) {
            throw InvalidInputException.of("message", "innovation.error.required", Profiles.label("message"));
        }
        Deal d = deals.express(id, body.message(), body.organisation(), CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/innovation/deals/" + d.id())).body(d);
    }

    @GetMapping("/deals")
    @Operation(summary = "Interests received on your profiles and those you sent")
    List<Deal> myDeals() {
        return deals.ofUser(CurrentUser.require());
    }

    @GetMapping("/deals/{id}")
    Deal deal(@PathVariable long id) {
        return deals.view(id, CurrentUser.require());
    }

    @PostMapping("/deals/{id}/accept")
    @Operation(summary = "The owner accepts an expression of interest: both parties then see each other")
    Deal accept(@PathVariable long id) {
        return deals.accept(id, CurrentUser.require());
    }

    @PostMapping("/deals/{id}/stage")
    @Operation(summary = "Centre staff move a deal: nda, negotiate, agree or close, with date, value and document")
    Deal stage(@PathVariable long id, @RequestBody StageJson body) {
        return deals.move(id, body.action() == null ? "" : body.action(), new Deals.StageInput(body.on(), body.note(),
                body.document(), body.value(), body.currency(), body.agreementType()), CurrentUser.require());
    }

    @GetMapping("/matches")
    @Operation(summary = "Published profiles matching your own, each score with its parts")
    List<Matches.Match> matches() {
        return matches.forUser(CurrentUser.require());
    }

    @GetMapping("/matches/directory")
    @Operation(summary = "Researchers and organisations of the directory matching your requests, each score with its parts")
    List<DirectoryMatches.Match> directoryMatches() {
        return directoryMatches.forUser(CurrentUser.require());
    }
}
