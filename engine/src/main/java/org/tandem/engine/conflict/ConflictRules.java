package org.tandem.engine.conflict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds conflicts of interest between experts and proposals.
 *
 * <ul>
 *   <li>{@code team_member}: the expert is on the proposal's team;</li>
 *   <li>{@code same_organisation}: a team member's organisation is one the expert is at, or left
 *       at most {@code orgYears} years ago (aliases applied);</li>
 *   <li>{@code coauthor}: the expert co-authored a work with a team member published at most
 *       {@code coauthorYears} years ago;</li>
 *   <li>{@code declared_by_expert}, {@code declared_by_officer}: stated, always binding.</li>
 * </ul>
 * Person matches that rest on initials or partial names give conflicts marked
 * {@link Conflict#possible()}: an officer confirms them.
 */
public final class ConflictRules {

    private final int orgYears;
    private final int coauthorYears;
    private final OrganisationAliases aliases;

    public ConflictRules(int orgYears, int coauthorYears, OrganisationAliases aliases) {
        if (orgYears < 0 || coauthorYears < 0) {
            throw new IllegalArgumentException("year windows must be >= 0");
        }
        this.orgYears = orgYears;
        this.coauthorYears = coauthorYears;
        this.aliases = aliases;
    }

    /** Conflicts of one expert with one proposal; same rules as {@link #findAll}. */
    public List<Conflict> find(ProposalParties proposal, Expert expert, int currentYear) {
        return findAll(List.of(proposal), List.of(expert), currentYear);
    }

    private record Coauthored(Expert expert, Publication work) {
    }

    private record Affiliated(Expert expert, Affiliation affiliation) {
    }

    /**
     * All conflicts over all pairs, ordered by proposal (input order), expert id, reason. Experts
     * are indexed once by person, co-author and organisation keys; each team member then looks
     * up only matching entries, so the cost grows with the number of matches, not of pairs.
     */
    public List<Conflict> findAll(List<ProposalParties> proposals, List<Expert> experts, int currentYear) {
        PersonIndex<Expert> selves = new PersonIndex<>();
        PersonIndex<Coauthored> coauthors = new PersonIndex<>();
        Map<String, List<Affiliated>> byOrganisation = new HashMap<>();
        Map<String, List<Expert>> declaredFor = new HashMap<>();
        for (Expert expert : experts) {
            selves.add(expert.person(), expert);
            for (Publication work : expert.publications()) {
                if (currentYear - work.year() <= coauthorYears) {
                    for (Person coauthor : work.coauthors()) {
                        coauthors.add(coauthor, new Coauthored(expert, work));
                    }
                }
            }
            for (Affiliation a : expert.affiliations()) {
                if (a.within(orgYears, currentYear)) {
                    byOrganisation.computeIfAbsent(aliases.key(a.organisation()), k -> new ArrayList<>())
                            .add(new Affiliated(expert, a));
                }
            }
            for (DeclaredConflict d : expert.declared()) {
                declaredFor.computeIfAbsent(d.proposalId(), k -> new ArrayList<>()).add(expert);
            }
        }

        List<Conflict> all = new ArrayList<>();
        for (ProposalParties proposal : proposals) {
            String pid = proposal.proposalId();
            Set<Conflict> found = new LinkedHashSet<>();
            for (Person member : proposal.team()) {
                for (var hit : selves.lookup(member)) {
                    found.add(new Conflict(pid, hit.value().id(), ConflictReason.TEAM_MEMBER,
                            "expert is on the team as " + member + matchNote(hit.match(), hit.person(), member),
                            hit.match() == NameMatch.POSSIBLE));
                }
                for (var hit : coauthors.lookup(member)) {
                    Publication work = hit.value().work();
                    found.add(new Conflict(pid, hit.value().expert().id(), ConflictReason.COAUTHOR,
                            "co-authored \"" + work.title() + "\" (" + work.year() + ") with team member "
                                    + member + matchNote(hit.match(), hit.person(), member),
                            hit.match() == NameMatch.POSSIBLE));
                }
                String org = member.organisation();
                if (org != null && !org.isBlank()) {
                    for (Affiliated a : byOrganisation.getOrDefault(aliases.key(org), List.of())) {
                        Affiliation aff = a.affiliation();
                        found.add(new Conflict(pid, a.expert().id(), ConflictReason.SAME_ORGANISATION,
                                "same organisation " + aliases.displayName(org) + ": expert at "
                                        + aff.organisation() + " " + aff.period() + ", team member "
                                        + member.name() + " at " + org.strip(), false));
                    }
                }
            }
            for (Expert expert : declaredFor.getOrDefault(pid, List.of())) {
                for (DeclaredConflict d : expert.declared()) {
                    if (d.proposalId().equals(pid)) {
                        String note = d.note() == null || d.note().isBlank() ? "" : ": " + d.note().strip();
                        found.add(d.byOfficer()
                                ? new Conflict(pid, expert.id(), ConflictReason.DECLARED_BY_OFFICER,
                                        "declared by an officer" + note, false)
                                : new Conflict(pid, expert.id(), ConflictReason.DECLARED_BY_EXPERT,
                                        "declared by the expert" + note, false));
                    }
                }
            }
            List<Conflict> sorted = new ArrayList<>(found);
            // Stable sort keeps detection order within one expert and reason.
            sorted.sort(Comparator.comparing(Conflict::expertId).thenComparing(Conflict::reason));
            all.addAll(sorted);
        }
        return all;
    }

    private static String matchNote(NameMatch match, Person found, Person member) {
        if (member.orcid() != null && member.orcid().equals(found.orcid())) {
            return " (same ORCID " + member.orcid() + ")";
        }
        if (match == NameMatch.POSSIBLE) {
            return " (possible: \"" + found.name() + "\" may be \"" + member.name()
                    + "\" — initials or partial name, officer to confirm)";
        }
        if (!found.name().written().equals(member.name().written())) {
            return " (as \"" + found.name() + "\")";
        }
        return "";
    }
}
