package org.tandem.project;

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
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUser;

/**
 * Change requests for other systems, with bearer tokens: the project's officers and team leads
 * read and raise them; each party's officer approves or rejects for their own party.
 */
@RestController
@RequestMapping("/api/v1/projects/{id}/changes")
@Tag(name = "Projects")
class ChangeRequestApi {

    private final ChangeRequests changes;

    ChangeRequestApi(ChangeRequests changes) {
        this.changes = changes;
    }

    /** {@code party} is needed only from an officer of several parties. */
    record Decision(String party, String comment) {
    }

    @GetMapping
    @Operation(summary = "The project's change requests with each party's decision, newest first")
    List<ChangeRequests.Change> list(@PathVariable long id) {
        return changes.of(id, CurrentUser.require());
    }

    @PostMapping
    @Operation(summary = "Raise a change (BUDGET, PI, MEMBERS, EXTENSION, TERMINATION) with the other side's "
            + "confirmation as a base64 PDF in 'confirmation'")
    ResponseEntity<ChangeRequests.Change> raise(@PathVariable long id, @RequestBody ChangeRequests.ChangeInput body) {
        ChangeRequests.Change c = changes.raise(id, body, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/changes/" + c.id())).body(c);
    }

    @PostMapping("/{changeId}/approve")
    @Operation(summary = "Approve for the caller's party; the last party's approval applies the change")
    ChangeRequests.Change approve(@PathVariable long id, @PathVariable long changeId,
                                  @RequestBody(required = false) Decision body) {
        return changes.approve(id, changeId, body == null ? null : body.party(), body == null ? null : body.comment(),
                CurrentUser.require());
    }

    @PostMapping("/{changeId}/reject")
    @Operation(summary = "Reject for the caller's party, with a comment; nothing of the change is applied")
    ChangeRequests.Change reject(@PathVariable long id, @PathVariable long changeId,
                                 @RequestBody(required = false) Decision body) {
        return changes.reject(id, changeId, body == null ? null : body.party(), body == null ? null : body.comment(),
                CurrentUser.require());
    }

    @PostMapping("/{changeId}/withdraw")
    @Operation(summary = "Whoever raised the change takes it back")
    ChangeRequests.Change withdraw(@PathVariable long id, @PathVariable long changeId) {
        return changes.withdraw(id, changeId, CurrentUser.require());
    }
}
