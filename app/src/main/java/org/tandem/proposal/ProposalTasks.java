package org.tandem.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.tasks.Task;
import org.tandem.platform.tasks.TaskSource;
import org.tandem.programme.Call;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programmes;

/**
 * Applicants: their drafts in calls still open, due at the call's deadline, and invitations to
 * lead a team that were sent to their address and not yet taken up.
 */
@Component
class ProposalTasks implements TaskSource {

    private final Proposals proposals;
    private final ProposalRepository repository;
    private final Calls calls;
    private final Programmes programmes;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    ProposalTasks(Proposals proposals, ProposalRepository repository, Calls calls, Programmes programmes, Accounts accounts, JdbcClient jdbc) {
        this.proposals = proposals;
        this.repository = repository;
        this.calls = calls;
        this.programmes = programmes;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> tasksFor(TandemUser user) {
        if (!user.has(Role.APPLICANT)) {
            return List.of();
        }
        Instant now = calls.now();
        List<Task> tasks = new ArrayList<>();
        for (Proposal p : proposals.mine(user)) {
            Call call = calls.get(p.getCallId());
            if (p.getStatus() == ProposalStatus.DRAFT && call.status(now) == CallStatus.OPEN) {
                tasks.add(Task.dueAt("task.proposal.draft", List.of(p.getAcronym(), call.getTitle().in(
                        org.springframework.context.i18n.LocaleContextHolder.getLocale())),
                        "/proposals/" + p.getId(), call.getClosesAt(), zones(call), now));
            }
        }
        String email = accounts.get(user.id()).email();
        if (email != null && !email.isBlank()) {
            record Invitation(long proposalId, long partyId) {
            }
            var open = jdbc.sql("""
                    select proposal_id, party_id from proposal_invitation
                    where lower(email) = lower(?) and accepted_at is null order by created_at""")
                    .param(email.strip())
                    .query((rs, i) -> new Invitation(rs.getLong(1), rs.getLong(2))).list();
            for (Invitation inv : open) {
                Proposal p = repository.findById(inv.proposalId()).orElseThrow();
                Call call = calls.get(p.getCallId());
                boolean teamFree = p.teamOf(inv.partyId()).map(t -> t.getPiUserId() == null).orElse(false);
                if (teamFree && call.status(now) == CallStatus.OPEN) {
                    String country = programmes.get(call.getProgrammeId()).party(inv.partyId())
                            .map(Party::getCountryCode)
                            .map(c -> new java.util.Locale("", c).getDisplayCountry(
                                    org.springframework.context.i18n.LocaleContextHolder.getLocale()))
                            .orElse("");
                    tasks.add(Task.dueAt("task.proposal.invitation", List.of(p.getAcronym(), country),
                            "/proposals", call.getClosesAt(), zones(call), now));
                }
            }
        }
        return tasks;
    }

    private List<String> zones(Call call) {
        return programmes.get(call.getProgrammeId()).getParties().stream().map(Party::getTimeZone).distinct().toList();
    }
}
