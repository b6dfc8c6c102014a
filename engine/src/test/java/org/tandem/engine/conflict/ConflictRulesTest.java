package org.tandem.engine.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConflictRulesTest {

    private static final int NOW = 2025;
    private final OrganisationAliases aliases = OrganisationAliases.builtIn();

    private static Expert expert(String id, Person self, List<Affiliation> affs, List<Publication> pubs,
                                 List<DeclaredConflict> declared) {
        return new Expert(id, self, affs, pubs, declared);
    }

    private static Expert expert(String id, String name) {
        return expert(id, Person.of(name), List.of(), List.of(), List.of());
    }

    private static ProposalParties proposal(String id, Person... team) {
        return new ProposalParties(id, List.of(team));
    }

    private List<Conflict> find(int orgYears, ProposalParties p, Expert e) {
        return new ConflictRules(orgYears, 5, aliases).find(p, e, NOW);
    }

    @Test
    void expertOnTheTeamAcrossScripts() {
        var p = proposal("P1", Person.of("Иванов Сергей Петрович", null, "Новосибирский государственный университет"));
        var c = find(3, p, expert("E1", "Sergei Ivanov"));
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(ConflictReason.TEAM_MEMBER);
            assertThat(x.possible()).isFalse();
            assertThat(x.detail()).contains("Иванов Сергей Петрович");
        });
    }

    @Test
    void initialsGiveAPossibleConflictOnly() {
        var c = find(3, proposal("P1", Person.of("Sergei Ivanov")), expert("E1", "S. Ivanov"));
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(ConflictReason.TEAM_MEMBER);
            assertThat(x.possible()).isTrue();
            assertThat(x.detail()).contains("officer to confirm");
        });
    }

    @Test
    void orcidPrecedence() {
        var member = Person.of("Nguyen Van An", "0000-0002-1825-0097", null);
        var namesake = expert("E1", Person.of("Nguyễn Văn An", "0000-0001-5109-3700", null),
                List.of(), List.of(), List.of());
        var renamed = expert("E2", Person.of("An V. Nguyen-Tran", "0000-0002-1825-0097", null),
                List.of(), List.of(), List.of());
        assertThat(find(3, proposal("P1", member), namesake)).isEmpty();
        assertThat(find(3, proposal("P1", member), renamed)).singleElement()
                .satisfies(x -> assertThat(x.detail()).contains("same ORCID"));
    }

    @Test
    void negativesDoNotConflict() {
        assertThat(find(3, proposal("P1", Person.of("Nguyen Van Anh")), expert("E1", "Nguyen Van An"))).isEmpty();
        assertThat(find(3, proposal("P1", Person.of("Ivanova Svetlana")), expert("E1", "Ivanov Sergei"))).isEmpty();
    }

    @Test
    void sameOrganisationThroughAliasesNamesTheOrganisation() {
        var p = proposal("P1", Person.of("Đặng Thị Hồng", null, "Viện Hàn lâm Khoa học và Công nghệ Việt Nam"));
        var e = expert("E1", Person.of("Petrov Ivan"), List.of(Affiliation.current("VAST")), List.of(), List.of());
        assertThat(find(3, p, e)).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(ConflictReason.SAME_ORGANISATION);
            assertThat(x.detail()).contains("Vietnam Academy of Science and Technology").contains("VAST");
        });
        var nsu = proposal("P2", Person.of("Sergei Ivanov", null, "Novosibirsk State University"));
        var e2 = expert("E2", Person.of("Nguyen Van An"),
                List.of(Affiliation.current("Новосибирский государственный университет")), List.of(), List.of());
        assertThat(find(3, nsu, e2)).extracting(Conflict::reason).containsExactly(ConflictReason.SAME_ORGANISATION);
        var other = proposal("P3", Person.of("Sergei Ivanov", null, "Tomsk State University"));
        assertThat(find(3, other, e2)).isEmpty();
    }

    @Test
    void affiliationEndedFourYearsAgoConflictsWithFiveButNotThree() {
        var p = proposal("P1", Person.of("Sergei Ivanov", null, "NSU"));
        var e = expert("E1", Person.of("Nguyen Van An"),
                List.of(new Affiliation("Novosibirsk State University", 2015, NOW - 4)), List.of(), List.of());
        assertThat(find(5, p, e)).extracting(Conflict::reason).containsExactly(ConflictReason.SAME_ORGANISATION);
        assertThat(find(5, p, e).get(0).detail()).contains("2015–2021");
        assertThat(find(4, p, e)).hasSize(1);
        assertThat(find(3, p, e)).isEmpty();
    }

    @Test
    void coauthorshipWithinTheWindowNamesTheWorkAndYear() {
        var work = new Publication("Graphene on copper", NOW - 2, List.of(Person.of("Юрий Гагарин")));
        var old = new Publication("Early work", NOW - 6, List.of(Person.of("Yury Gagarin")));
        var e = expert("E1", Person.of("Nguyen Van An"), List.of(), List.of(work, old), List.of());
        var p = proposal("P1", Person.of("Iurii Gagarin"));
        assertThat(new ConflictRules(3, 5, aliases).find(p, e, NOW)).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(ConflictReason.COAUTHOR);
            assertThat(x.detail()).contains("Graphene on copper").contains("(2023)");
        });
        assertThat(new ConflictRules(3, 6, aliases).find(p, e, NOW)).hasSize(2);
        assertThat(new ConflictRules(3, 1, aliases).find(p, e, NOW)).isEmpty();
    }

    @Test
    void declaredConflictsByExpertAndOfficer() {
        var e = expert("E1", Person.of("Nguyen Van An"), List.of(), List.of(), List.of(
                new DeclaredConflict("P1", false, "former student"),
                new DeclaredConflict("P1", true, "family tie"),
                new DeclaredConflict("P9", false, "")));
        var c = find(3, proposal("P1", Person.of("Sergei Ivanov")), e);
        assertThat(c).extracting(Conflict::reason)
                .containsExactly(ConflictReason.DECLARED_BY_EXPERT, ConflictReason.DECLARED_BY_OFFICER);
        assertThat(c.get(0).detail()).contains("former student");
        assertThat(c.get(1).detail()).contains("family tie");
    }

    @Test
    void bulkEqualsPairwise() {
        List<String> names = List.of("Sergei Ivanov", "Иванов Сергей", "S. Ivanov", "Nguyen Van An",
                "Nguyễn Văn Anh", "Đặng Thị Hồng", "Svetlana Ivanova", "Yuri Gagarin", "Ю. Гагарин", "Tran Van Duc");
        List<String> orgs = List.of("VAST", "NSU", "Tomsk State University", "Hanoi University of Science");
        List<Expert> experts = new ArrayList<>();
        List<ProposalParties> proposals = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String co = names.get((i + 3) % names.size());
            experts.add(expert("E" + i, Person.of(n), List.of(new Affiliation(orgs.get(i % 4), 2010, 2020 + i % 6)),
                    List.of(new Publication("W" + i, 2018 + i % 7, List.of(Person.of(co)))), List.of()));
            proposals.add(proposal("P" + i, Person.of(names.get((i * 7) % names.size()), null, orgs.get((i + 1) % 4)),
                    Person.of(names.get((i * 3 + 1) % names.size()), null, null)));
        }
        var rules = new ConflictRules(3, 5, aliases);
        List<Conflict> pairwise = new ArrayList<>();
        for (var p : proposals) {
            for (var e : experts) {
                pairwise.addAll(rules.find(p, e, NOW));
            }
        }
        List<Conflict> bulk = rules.findAll(proposals, experts, NOW);
        assertThat(bulk).isNotEmpty().containsExactlyInAnyOrderElementsOf(pairwise);
    }

    /** Speed is measured by benchmark, not here; this checks the indexed search on a large pool. */
    @Test
    void bulkFindsEveryOrganisationConflictInALargePool() {
        List<Expert> experts = new ArrayList<>();
        List<ProposalParties> proposals = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            experts.add(expert("E" + i, Person.of("Surname" + i + " Given" + (i % 50), null, null),
                    List.of(Affiliation.current("Org " + (i % 400))),
                    List.of(new Publication("W", NOW - 1, List.of(Person.of("Co" + (i % 1000) + " Author")))),
                    List.of()));
            proposals.add(proposal("P" + i, Person.of("Surname" + (i * 7 % 3000) + " Given" + (i * 7 % 3000 % 50), null,
                    "Org " + (i % 400)), Person.of("Co" + i + " Author")));
        }
        var all = new ConflictRules(3, 5, aliases).findAll(proposals, experts, NOW);
        // Every proposal's PI works at "Org i%400", where 7 or 8 experts also work.
        assertThat(all.stream().map(Conflict::proposalId).distinct().count()).isEqualTo(3000);
    }
}
