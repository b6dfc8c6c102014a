package org.tandem.review;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.directory.Directory;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.CurrentUser;

/** The officer's invitation of their party's proposed experts, for scripts; same rules as the page. */
@RestController
@RequestMapping("/api/v1/calls/{id}/assignment")
class AssignmentApi {

    private final ReviewerInvitations invitations;
    private final Directory directory;
    private final Accounts accounts;

    AssignmentApi(ReviewerInvitations invitations, Directory directory, Accounts accounts) {
        this.invitations = invitations;
        this.directory = directory;
        this.accounts = accounts;
    }

    record Invited(long callId, long partyId, int experts) {
    }

    @PostMapping("/invite")
    Invited invite(@PathVariable long id, @RequestParam long party) {
        int experts = invitations.invite(id, party, CurrentUser.require(), person -> {
            Long user = directory.person(person).userId();
            return user == null ? null : accounts.get(user);
        });
        return new Invited(id, party, experts);
    }
}
