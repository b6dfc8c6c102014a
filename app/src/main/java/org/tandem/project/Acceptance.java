package org.tandem.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.directory.Directory;
import org.tandem.directory.SearchKeys;
import org.tandem.engine.conflict.Conflict;
import org.tandem.engine.conflict.ConflictRules;
import org.tandem.engine.conflict.DeclaredConflict;
import org.tandem.engine.conflict.Expert;
import org.tandem.engine.conflict.OrganisationAliases;
import org.tandem.engine.conflict.Person;
import org.tandem.engine.conflict.ProposalParties;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;
import org.tandem.project.AcceptanceRule.Criterion;
import org.tandem.project.AcceptanceRule.Grade;
import org.tandem.review.ExpertPools;

/**
 * Each party's acceptance council (nghiệm thu, DOMAIN §2). The party's officer forms it from the
 * experts of the party's pool, refused for any expert the engine's conflict rules find linked to
 * the project's teams (the same rules as for reviewers), names the promised products, and
 * records every member's grades. Concluding applies {@link AcceptanceRule}; a Satisfactory
 * result is the party's acceptance, and the project is completed once every party accepted.
 */
@Service
public class Acceptance {

    public static final String AUDIT_TYPE = "ProjectAcceptance";
    static final int MAX_PRODUCTS = 30;

    public record Member(long personId, String name, int position) {
    }

    public record Product(long id, int position, String name) {
    }

    public record Council(long id, long projectId, long partyId, String partyCode, String status, String formedBy,
                          Instant formedAt, List<Member> members, List<Product> products,
                          Map<String, Grade> grades, String result, String concludedBy, Instant concludedAt) {

        /** One member's grade of one product on one criterion, null while not recorded. */
        public Grade grade(long productId, long personId, Criterion criterion) {
            return grades.get(key(productId, personId, criterion));
        }

        public boolean graded(long personId) {
            return products.stream().allMatch(p -> java.util.Arrays.stream(Criterion.values())
                    .allMatch(c -> grade(p.id(), personId, c) != null));
        }

        public boolean complete() {
            return members.stream().allMatch(m -> graded(m.personId()));
        }

        public List<String> ungraded() {
            return members.stream().filter(m -> !graded(m.personId())).map(Member::name).toList();
        }

        static String key(long productId, long personId, Criterion criterion) {
            return productId + "/" + personId + "/" + criterion;
        }
    }

    /** A pool expert and, if the engine found one, the conflict that keeps them off the council. */
    public record Candidate(long personId, String name, String conflict) {
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Contracts contracts;
    private final ExpertPools pools;
    private final Directory directory;
    private final Completion completion;
    private final AuditTrail audit;
    private final Clock clock;

    Acceptance(JdbcClient jdbc, Projects projects, Contracts contracts, ExpertPools pools, Directory directory,
               Completion completion, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.contracts = contracts;
        this.pools = pools;
        this.directory = directory;
        this.completion = completion;
        this.audit = audit;
        this.clock = clock;
    }

    /** The party's pool, each expert with the conflict (if any) that bars them from this project's council. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long projectId, String partyCode, TandemUser user) {
        Project project = projects.get(projectId);
        Project.Part part = ownPart(project, partyCode, user);
        ProposalParties teams = teams(project);
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        return pools.pool(project.programmeId(), part.partyId()).stream()
                .map(m -> new Candidate(m.person().id(), m.person().name(),
                        conflict(teams, project, m.person(), year).map(Acceptance::describe).orElse(null)))
                .toList();
    }

    /**
     * Forms the party's council: members from its pool, none conflicted, and the promised products
     * it will grade. Checked whole before anything is stored.
     */
    @Transactional
    public Council form(long projectId, String partyCode, List<Long> personIds, List<String> productNames, TandemUser user) {
        contracts.lock(projectId);
        Project project = projects.get(projectId);
        Project.Part part = ownPart(project, partyCode, user);
        ProjectWorkflow.PROJECT.require(project.status(), "formCouncil");
        if (!finalReportAccepted(projectId, part.partyId())) {
            throw new ConflictException("ACCEPTANCE_NO_FINAL_REPORT");
        }
        Optional<Council> open = councils(projectId, part.partyId()).stream()
                .filter(c -> !AcceptanceWorkflow.NOT_ACCEPTED.equals(c.status())).findFirst();
        if (open.isPresent()) {
            throw new ConflictException(AcceptanceWorkflow.GRADING.equals(open.get().status())
                    ? "ACCEPTANCE_COUNCIL_EXISTS" : "ACCEPTANCE_ALREADY_ACCEPTED");
        }
        Problems problems = new Problems();
        List<Long> ids = personIds == null ? List.of() : personIds.stream().distinct().toList();
        problems.require(!ids.isEmpty(), "members", "project.acceptance.membersRequired");
        Map<Long, Directory.Person> pool = new LinkedHashMap<>();
        pools.pool(project.programmeId(), part.partyId()).forEach(m -> pool.put(m.person().id(), m.person()));
        ProposalParties teams = teams(project);
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        for (Long id : ids) {
            Directory.Person person = pool.get(id);
            if (person == null) {
                problems.add("members", "project.acceptance.notInPool", String.valueOf(id));
                continue;
            }
            conflict(teams, project, person, year).ifPresent(c ->
                    problems.add("members", "project.acceptance.conflicted", person.name(), describe(c)));
        }
        List<String> names = productNames == null ? List.of()
                : productNames.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
        problems.require(!names.isEmpty() && names.size() <= MAX_PRODUCTS, "products", "project.acceptance.productsRequired",
                MAX_PRODUCTS);
        for (int i = 0; i < names.size(); i++) {
            problems.require(names.get(i).length() <= 500, "products", "project.acceptance.productLong", i + 1);
        }
        problems.require(new HashSet<>(names).size() == names.size(), "products", "project.acceptance.productTwice");
        problems.throwIfAny();

        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into project_acceptance (project_id, party_id, status, formed_by, formed_at) values (?, ?, ?, ?, ?)
                returning id""")
                .params(projectId, part.partyId(), AcceptanceWorkflow.ACCEPTANCE.initial(), user.getUsername(),
                        Timestamp.from(now))
                .query(Long.class).single();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("insert into project_acceptance_member (acceptance_id, person_id, position, name) values (?, ?, ?, ?)")
                    .params(id, ids.get(i), i, pool.get(ids.get(i)).name()).update();
        }
        for (int i = 0; i < names.size(); i++) {
            jdbc.sql("insert into project_acceptance_product (acceptance_id, position, name) values (?, ?, ?)")
                    .params(id, i + 1, names.get(i)).update();
        }
        audit.record(user.getUsername(), AUDIT_TYPE, id, "form", null, Map.of("project", projectId, "party", partyCode,
                "members", ids.stream().map(m -> pool.get(m).name()).toList(), "products", names));
        return council(id).orElseThrow();
    }

    /**
     * Records one member's grades of every product, as the member gave them; recorded again
     * before the council concludes, they replace the earlier ones (the audit keeps both).
     */
    @Transactional
    public Council grade(long councilId, long personId, Map<Long, Map<Criterion, Grade>> grades, TandemUser user) {
        Council c = council(councilId).orElseThrow(() -> new NotFoundException("council " + councilId));
        contracts.lock(c.projectId());
        Project project = projects.get(c.projectId());
        ownPart(project, c.partyCode(), user);
        c = council(councilId).orElseThrow();
        AcceptanceWorkflow.ACCEPTANCE.require(c.status(), "grade");
        Member member = c.members().stream().filter(m -> m.personId() == personId).findFirst()
                .orElseThrow(() -> InvalidInputException.of("member", "project.acceptance.notMember"));
        Problems problems = new Problems();
        for (Product p : c.products()) {
            Map<Criterion, Grade> given = grades == null ? null : grades.get(p.id());
            for (Criterion criterion : Criterion.values()) {
                problems.require(given != null && given.get(criterion) != null,
                        "grade_" + p.id() + "_" + criterion, "project.acceptance.gradeMissing." + criterion, p.name());
            }
        }
        problems.throwIfAny();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (Product p : c.products()) {
            for (Criterion criterion : Criterion.values()) {
                Grade old = c.grade(p.id(), personId, criterion);
                Grade g = grades.get(p.id()).get(criterion);
                if (old != null) {
                    before.put(p.position() + "." + criterion, old.name());
                }
                after.put(p.position() + "." + criterion, g.name());
                jdbc.sql("""
                        insert into project_acceptance_grade (acceptance_id, person_id, product_id, criterion, grade, graded_by,
                            graded_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (product_id, person_id, criterion) do update set grade = excluded.grade,
                            graded_by = excluded.graded_by, graded_at = excluded.graded_at""")
                        .params(councilId, personId, p.id(), criterion.name(), g.name(), user.getUsername(), now).update();
            }
        }
        after.put("member", member.name());
        audit.record(user.getUsername(), AUDIT_TYPE, councilId, "grade", before.isEmpty() ? null : before, after);
        return council(councilId).orElseThrow();
    }

    /**
     * Concludes the council by the rule: Satisfactory accepts the project for the party, and
     * completes it when every party has now accepted; Unsatisfactory is recorded as not accepted.
     */
    @Transactional
    public Council conclude(long councilId, TandemUser user) {
        Council c = council(councilId).orElseThrow(() -> new NotFoundException("council " + councilId));
        contracts.lock(c.projectId());
        Project project = projects.get(c.projectId());
        ownPart(project, c.partyCode(), user);
        c = council(councilId).orElseThrow();
        AcceptanceWorkflow.ACCEPTANCE.require(c.status(), "grade");
        if (!c.complete()) {
            throw InvalidInputException.of("grades", "project.acceptance.incomplete", String.join(", ", c.ungraded()));
        }
        AcceptanceRule.Result result = evaluate(c).orElseThrow();
        String status = AcceptanceWorkflow.ACCEPTANCE.require(c.status(), result.satisfactory() ? "accept" : "reject");
        jdbc.sql("update project_acceptance set status = ?, result = ?, concluded_by = ?, concluded_at = ? where id = ?")
                .params(status, result.overall().name(), user.getUsername(), Timestamp.from(clock.instant()), councilId)
                .update();
        audit.record(user.getUsername(), AUDIT_TYPE, councilId, result.satisfactory() ? "accept" : "reject",
                Map.of("status", c.status()), Map.of("status", status, "result", result.overall().name(),
                        "why", result.why().stream().map(AcceptanceRule.Why::code).toList(), "party", c.partyCode()));
        if (result.satisfactory()) {
            completion.completeIfDone(c.projectId());
        }
        return council(councilId).orElseThrow();
    }

    /** The rule's result, once every member graded every product. */
    public Optional<AcceptanceRule.Result> evaluate(Council c) {
        if (c.products().isEmpty() || !c.complete()) {
            return Optional.empty();
        }
        List<AcceptanceRule.ProductGrades> products = new ArrayList<>();
        for (Product p : c.products()) {
            List<Map<Criterion, Grade>> byMember = new ArrayList<>();
            for (Member m : c.members()) {
                Map<Criterion, Grade> g = new EnumMap<>(Criterion.class);
                for (Criterion criterion : Criterion.values()) {
                    g.put(criterion, c.grade(p.id(), m.personId(), criterion));
                }
                byMember.add(g);
            }
            products.add(new AcceptanceRule.ProductGrades(p.name(), byMember));
        }
        return Optional.of(AcceptanceRule.evaluate(products));
    }

    /** A party's councils, newest first, for the project's officers and teams. */
    @Transactional(readOnly = true)
    public List<Council> of(long projectId, String partyCode, TandemUser user) {
        Project project = projects.get(projectId);
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("not an officer or team lead of project " + projectId);
        }
        Project.Part part = project.partByCode(partyCode).orElseThrow(() -> new NotFoundException("party " + partyCode));
        return councils(projectId, part.partyId());
    }

    @Transactional(readOnly = true)
    public Council get(long councilId, TandemUser user) {
        Council c = council(councilId).orElseThrow(() -> new NotFoundException("council " + councilId));
        if (!projects.isInsider(projects.get(c.projectId()), user)) {
            throw new NotAllowedException("not an officer or team lead of project " + c.projectId());
        }
        return c;
    }

    /** Whether the party's officer may form a council now (project running, final report accepted, none at work). */
    @Transactional(readOnly = true)
    public boolean formable(Project project, long partyId) {
        return ProjectWorkflow.PROJECT.allows(project.status(), "formCouncil") && finalReportAccepted(project.id(), partyId)
                && councils(project.id(), partyId).stream().allMatch(c -> AcceptanceWorkflow.NOT_ACCEPTED.equals(c.status()));
    }

    private boolean finalReportAccepted(long projectId, long partyId) {
        return jdbc.sql("select count(*) from project_report where project_id = ? and party_id = ? and kind = 'FINAL' and status = ?")
                .params(projectId, partyId, ProjectWorkflow.ACCEPTED).query(Integer.class).single() > 0;
    }

    private Project.Part ownPart(Project project, String partyCode, TandemUser user) {
        Project.Part part = project.partByCode(partyCode).orElseThrow(() -> new NotFoundException("party " + partyCode));
        if (!projects.isOfficerOf(project, part.partyId(), user)) {
            throw new NotAllowedException("only the party's officers run its acceptance council");
        }
        return part;
    }

    private List<Council> councils(long projectId, long partyId) {
        return jdbc.sql("select id from project_acceptance where project_id = ? and party_id = ? order by formed_at desc, id desc")
                .params(projectId, partyId).query(Long.class).list().stream().map(id -> council(id).orElseThrow()).toList();
    }

    private Optional<Council> council(long id) {
        return jdbc.sql("""
                select a.*, pp.party_code from project_acceptance a
                join project_party pp on pp.project_id = a.project_id and pp.party_id = a.party_id where a.id = ?""")
                .param(id)
                .query((rs, i) -> new Council(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("party_id"),
                        rs.getString("party_code"), rs.getString("status"), rs.getString("formed_by"),
                        rs.getTimestamp("formed_at").toInstant(), members(id), products(id), grades(id), rs.getString("result"),
                        rs.getString("concluded_by"),
                        rs.getTimestamp("concluded_at") == null ? null : rs.getTimestamp("concluded_at").toInstant()))
                .optional();
    }

    private List<Member> members(long id) {
        return jdbc.sql("select person_id, name, position from project_acceptance_member where acceptance_id = ? order by position")
                .param(id).query((rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    private List<Product> products(long id) {
        return jdbc.sql("select id, position, name from project_acceptance_product where acceptance_id = ? order by position")
                .param(id).query((rs, i) -> new Product(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
    }

    private Map<String, Grade> grades(long id) {
        Map<String, Grade> m = new LinkedHashMap<>();
        jdbc.sql("select product_id, person_id, criterion, grade from project_acceptance_grade where acceptance_id = ?")
                .param(id).query(rs -> {
                    m.put(Council.key(rs.getLong(1), rs.getLong(2), Criterion.valueOf(rs.getString(3))),
                            Grade.valueOf(rs.getString(4)));
                });
        return m;
    }

    // ---- conflicts, by the engine's rules as for reviewers ----------------------------------------

    /** The project's teams as the engine sees a proposal's: every PI and member with their host organisation. */
    private static ProposalParties teams(Project project) {
        List<Person> people = new ArrayList<>();
        for (Project.Part part : project.parties()) {
            if (part.piName() != null) {
                people.add(Person.of(part.piName(), null, part.hostOrganisation()));
            }
            part.members().forEach(name -> people.add(Person.of(name, null, part.hostOrganisation())));
        }
        return new ProposalParties(String.valueOf(project.id()), people);
    }

    private Optional<Conflict> conflict(ProposalParties teams, Project project, Directory.Person person, int year) {
        List<DeclaredConflict> declared = new ArrayList<>();
        for (Directory.DeclaredConflict d : directory.declaredConflicts(person.id())) {
            if (declares(d.subject(), project)) {
                declared.add(new DeclaredConflict(teams.proposalId(), false, d.reason()));
            }
        }
        Expert expert = new Expert(String.valueOf(person.id()), Person.of(person.name(), person.orcid(),
                person.affiliations().isEmpty() ? null : person.affiliations().get(0).organisation()),
                person.affiliations().stream()
                        .map(a -> new org.tandem.engine.conflict.Affiliation(a.organisation(), a.fromYear(), a.toYear()))
                        .toList(),
                directory.publications(person.id()).stream().filter(pb -> pb.year() != null)
                        .map(pb -> new org.tandem.engine.conflict.Publication(pb.title(), pb.year(), List.of())).toList(),
                declared);
        return new ConflictRules(3, 5, OrganisationAliases.builtIn()).find(teams, expert, year).stream().findFirst();
    }

    /** A declared conflict names a project by its acronym, one of its task codes or a host organisation. */
    private static boolean declares(String subject, Project project) {
        String s = SearchKeys.of(subject);
        if (s.isEmpty()) {
            return false;
        }
        Set<String> names = new HashSet<>();
        names.add(SearchKeys.of(project.acronym()));
        project.parties().forEach(p -> {
            names.add(SearchKeys.of(p.code()));
            names.add(SearchKeys.of(p.hostOrganisation()));
        });
        return names.contains(s);
    }

    private static String describe(Conflict c) {
        return c.detail() != null ? c.detail() : c.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
