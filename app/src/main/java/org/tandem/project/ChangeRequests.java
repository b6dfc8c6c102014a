package org.tandem.project;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tandem.platform.Hashes;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.files.FileStore;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.Account;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;
import org.tandem.programme.Calls;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes to a running joint project (DOMAIN §2: changes involving the foreign side need its
 * written confirmation): budget moved between categories or years, a new principal
 * investigator, a new team, a later end date, or termination. A project lead or an officer
 * raises one with the other side's confirmation attached; every party's officer approves for
 * their own party, and the last approval applies it to the project in the same transaction.
 */
@Service
public class ChangeRequests {

    public static final String AUDIT_TYPE = "ProjectChange";
    public static final List<String> KINDS = List.of("BUDGET", "PI", "MEMBERS", "EXTENSION", "TERMINATION");
    /** Kinds that change one party's side of the project; the others change the whole project. */
    static final Set<String> PARTY_KINDS = Set.of("BUDGET", "PI", "MEMBERS");
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    public record BudgetLineInput(Integer year, String category, BigDecimal amount) {
    }

    /**
     * A change as raised. Only the fields of its kind are read; {@code confirmation} is the other
     * side's signed confirmation as a PDF (base64 in JSON).
     */
    public record ChangeInput(String kind, String party, String reason, List<BudgetLineInput> budget, String piName,
                              String piEmail, String piUsername, List<String> members, LocalDate endDate,
                              String confirmationName, byte[] confirmation) {
    }

    /** The proposed values, stored as they were accepted and applied as they are. */
    public record Proposed(List<Project.BudgetItem> budget, String piName, String piEmail, String piUsername,
                           List<String> members, String endDate) {
        public LocalDate endDateValue() {
            return endDate == null ? null : LocalDate.parse(endDate);
        }
    }

    public record PartyDecision(String partyCode, String decision, String comment, String decidedBy, Instant decidedAt) {
    }

    public record Change(long id, long projectId, String kind, String partyCode, Proposed proposed, String reason,
                         String status, String confirmationName, String confirmationSha256, long confirmationBytes,
                         String raisedBy, Instant raisedAt, Instant closedAt, List<PartyDecision> decisions) {
        public Optional<PartyDecision> decisionOf(String partyCode) {
            return decisions.stream().filter(d -> d.partyCode().equals(partyCode)).findFirst();
        }
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Contracts contracts;
    private final Calls calls;
    private final FileStore files;
    private final UserDetailsService users;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Accounts accounts;
    private final Outbox outbox;
    private final MessageSource messages;

    ChangeRequests(JdbcClient jdbc, Projects projects, Contracts contracts, Calls calls, FileStore files,
                   UserDetailsService users, AuditTrail audit, JsonMapper json, Clock clock, Accounts accounts, Outbox outbox,
                   MessageSource messages) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.jdbc = jdbc;
        this.projects = projects;
        this.contracts = contracts;
        this.calls = calls;
        this.files = files;
        this.users = users;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    // ---- raising --------------------------------------------------------------------------------

    /** Checked whole before anything is written: a refused change stores neither a row nor the file. */
    @Transactional
    public Change raise(long projectId, ChangeInput in, TandemUser user) {
        contracts.lock(projectId);
        Project project = projects.get(projectId);
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("not an officer or team lead of project " + projectId);
        }
        ProjectWorkflow.PROJECT.require(project.status(), "requestChange");
        String kind = in.kind() == null ? null : in.kind().strip().toUpperCase(Locale.ROOT);
        if (kind == null || !KINDS.contains(kind)) {
            throw InvalidInputException.of("kind", "project.change.kind");
        }
        Project.Part part = null;
        if (PARTY_KINDS.contains(kind)) {
            part = in.party() == null ? null : project.partByCode(in.party().strip()).orElse(null);
            if (part == null) {
                throw InvalidInputException.of("party", "project.change.party");
            }
            // A team changes its own side; the agency speaks for its own team only.
            long partyId = part.partyId();
            boolean lead = project.ledBy(user.id()).map(p -> p.partyId() == partyId).orElse(false);
            if (!lead && !ownOfficer(project, partyId, user)) {
                throw new NotAllowedException("a change of party " + part.partyCode() + " is raised by its own lead or officer");
            }
        }
        if ("EXTENSION".equals(kind) && project.endDate() == null) {
            throw new ConflictException("PROJECT_NOT_RUNNING");
        }
        Proposed proposed = check(project, part, kind, in);
        Long partyId = part == null ? null : part.partyId();
        int pending = jdbc.sql("""
                select count(*) from project_change where project_id = ? and kind = ? and status = ?
                and party_id is not distinct from ?""")
                .params(projectId, kind, ProjectWorkflow.CHANGE.initial(), partyId).query(Integer.class).single();
        if (pending > 0) {
            throw new ConflictException("CHANGE_PENDING");
        }
        String name = in.confirmationName() == null || in.confirmationName().isBlank() ? "confirmation.pdf"
                : in.confirmationName().replaceAll("[\\\\/]", "_").strip();
        String key = files.put(in.confirmation());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    files.delete(key);
                }
            }
        });
        String sha = Hashes.sha256(in.confirmation());
        long id = jdbc.sql("""
                insert into project_change (project_id, kind, party_id, proposal, reason, status, confirmation_name,
                    confirmation_key, confirmation_sha256, confirmation_bytes, raised_by, raised_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(projectId, kind, partyId, json.writeValueAsString(proposed), in.reason().strip(),
                        ProjectWorkflow.CHANGE.initial(), name, key, sha, (long) in.confirmation().length,
                        user.getUsername(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("project", projectId);
        after.put("kind", kind);
        if (part != null) {
            after.put("party", part.partyCode());
        }
        after.put("proposed", proposed);
        after.put("confirmation", Map.of("file", name, "sha256", sha));
        audit.record(user.getUsername(), AUDIT_TYPE, id, "raise", null, after);
        tellOfficers(project, kind, part, in.reason().strip(), user);
        return get(id);
    }

    /** Every party's officers hear that a change awaits their approval, each in their own language. */
    private void tellOfficers(Project project, String kind, Project.Part part, String reason, TandemUser raiser) {
        Set<Long> parties = new HashSet<>();
        project.parties().forEach(p -> parties.add(p.partyId()));
        String code = (part != null ? part : project.parties().get(0)).code();
        for (Account a : accounts.all()) {
            boolean officer = a.enabled() && a.id() != raiser.id() && a.grants().stream()
                    .anyMatch(g -> g.role() == Role.PROGRAMME_OFFICER && g.partyId() != null && parties.contains(g.partyId())
                            && (g.programmeId() == null || g.programmeId() == project.programmeId()));
            if (!officer || a.email() == null || a.email().isBlank()) {
                continue;
            }
            Locale locale = Locale.forLanguageTag(a.preferredLanguage() == null ? "en" : a.preferredLanguage());
            String what = messages.getMessage("project.change.kind." + kind, null, locale);
            outbox.send(a.email(), messages.getMessage("project.change.mailSubject", new Object[] {code, what}, locale),
                    messages.getMessage("project.change.mailBody", new Object[] {what, code, project.title(),
                            raiser.displayName(), reason}, locale) + "\n\n/projects/" + project.id() + "/changes\n");
        }
    }

    private Proposed check(Project project, Project.Part part, String kind, ChangeInput in) {
        Problems problems = new Problems();
        problems.require(in.reason() != null && !in.reason().isBlank() && in.reason().length() <= 5_000, "reason",
                "project.change.reason");
        int limitMb = calls.get(project.callId()).getMaxAttachmentMb();
        byte[] file = in.confirmation();
        if (file == null || file.length == 0) {
            problems.add("confirmation", "project.change.confirmation");
        } else if (file.length > limitMb * 1024L * 1024L) {
            problems.add("confirmation", "project.change.confirmationLarge", limitMb);
        } else if (file.length < PDF_MAGIC.length || !Arrays.equals(Arrays.copyOf(file, PDF_MAGIC.length), PDF_MAGIC)) {
            // The content decides, not the file's name.
            problems.add("confirmation", "project.change.confirmationPdf");
        }
        Proposed proposed = switch (kind) {
            case "BUDGET" -> new Proposed(checkBudget(project, part, in.budget(), problems), null, null, null, null, null);
            case "PI" -> checkPi(part, in, problems);
            case "MEMBERS" -> new Proposed(null, null, null, null, checkMembers(part, in.members(), problems), null);
            case "EXTENSION" -> {
                boolean later = in.endDate() != null && in.endDate().isAfter(project.endDate());
                problems.require(later, "endDate", "project.change.endDate", project.endDate().toString());
                problems.require(in.endDate() == null || !in.endDate().isAfter(project.endDate().plusYears(5)), "endDate",
                        "project.change.endDateFar");
                yield new Proposed(null, null, null, null, null, in.endDate() == null ? null : in.endDate().toString());
            }
            default -> new Proposed(null, null, null, null, null, null);
        };
        problems.throwIfAny();
        return proposed;
    }

    /** The party's whole new budget: every line kept at zero or more, the total exactly as before. */
    private List<Project.BudgetItem> checkBudget(Project project, Project.Part part, List<BudgetLineInput> lines,
                                                 Problems problems) {
        List<BudgetLineInput> given = lines == null ? List.of() : lines;
        int years = Reports.years(project);
        Set<String> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        List<Project.BudgetItem> out = new ArrayList<>();
        boolean readable = true;
        for (int i = 0; i < given.size(); i++) {
            BudgetLineInput l = given.get(i);
            String f = "budget[" + i + "].";
            boolean yearOk = l.year() != null && l.year() >= 1 && l.year() <= years;
            problems.require(yearOk, f + "year", "project.change.budgetYear", years);
            String category = l.category() == null ? "" : l.category().strip();
            boolean categoryOk = !category.isEmpty() && category.length() <= 100;
            problems.require(categoryOk, f + "category", "project.change.budgetCategory");
            boolean amountOk = l.amount() != null && l.amount().signum() >= 0 && l.amount().scale() <= 2;
            problems.require(amountOk, f + "amount", "project.change.budgetAmount", part.currency());
            if (yearOk && categoryOk && !seen.add(l.year() + "/" + category)) {
                problems.add(f + "category", "project.change.budgetTwice", category, l.year());
            }
            if (!yearOk || !categoryOk || !amountOk) {
                readable = false;
                continue;
            }
            total = total.add(l.amount());
            if (l.amount().signum() > 0) {
                out.add(new Project.BudgetItem(l.year(), category, l.amount().setScale(2)));
            }
        }
        problems.require(!given.isEmpty(), "budget", "project.change.budgetEmpty");
        if (readable && !given.isEmpty()) {
            BigDecimal current = part.budgetTotal();
            problems.require(total.compareTo(current) == 0, "budget", "project.change.budgetTotal",
                    total.setScale(2), current.setScale(2), part.currency());
            problems.require(!sameBudget(out, part.budget()), "budget", "project.change.nothing");
        }
        return out;
    }

    private static boolean sameBudget(List<Project.BudgetItem> proposed, List<Project.BudgetItem> current) {
        Map<String, BigDecimal> a = new LinkedHashMap<>();
        proposed.forEach(l -> a.put(l.year() + "/" + l.category(), l.amount()));
        Map<String, BigDecimal> b = new LinkedHashMap<>();
        current.stream().filter(l -> l.amount().signum() > 0).forEach(l -> b.put(l.year() + "/" + l.category(), l.amount()));
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    private Proposed checkPi(Project.Part part, ChangeInput in, Problems problems) {
        String name = in.piName() == null ? "" : in.piName().strip();
        problems.require(!name.isEmpty() && name.length() <= 200, "piName", "project.change.piName");
        String email = in.piEmail() == null || in.piEmail().isBlank() ? null : in.piEmail().strip();
        problems.require(email == null || email.length() <= 200 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "piEmail",
                "project.change.piEmail");
        String username = in.piUsername() == null || in.piUsername().isBlank() ? null : in.piUsername().strip();
        if (username != null) {
            try {
                users.loadUserByUsername(username);
            } catch (UsernameNotFoundException e) {
                problems.add("piUsername", "project.change.piUsername", username);
            }
        }
        boolean same = name.equals(part.piName()) && username == null && (email == null || email.equals(part.piEmail()));
        problems.require(name.isEmpty() || !same, "piName", "project.change.nothing");
        return new Proposed(null, name, email, username, null, null);
    }

    private static List<String> checkMembers(Project.Part part, List<String> members, Problems problems) {
        List<String> names = members == null ? List.of()
                : members.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct().toList();
        problems.require(!names.isEmpty() && names.size() <= 50, "members", "project.change.members");
        for (int i = 0; i < names.size(); i++) {
            problems.require(names.get(i).length() <= 200, "members[" + i + "]", "project.change.memberLong", i + 1);
        }
        problems.require(names.isEmpty() || !names.equals(part.members()), "members", "project.change.nothing");
        return names;
    }

    // ---- deciding -------------------------------------------------------------------------------

    /**
     * One party's officer approves for that party. An officer of several parties names the party;
     * nobody approves for a party they are not an officer of. The last approval applies the change.
     */
    @Transactional
    public Change approve(long projectId, long changeId, String partyCode, String comment, TandemUser user) {
        return decide(projectId, changeId, partyCode, comment, user, true);
    }

    /** One party's refusal ends the change; nothing of it is applied. */
    @Transactional
    public Change reject(long projectId, long changeId, String partyCode, String comment, TandemUser user) {
        return decide(projectId, changeId, partyCode, comment, user, false);
    }

    private Change decide(long projectId, long changeId, String partyCode, String comment, TandemUser user, boolean approve) {
        contracts.lock(projectId);
        Project project = projects.get(projectId);
        Change change = find(changeId).filter(c -> c.projectId() == projectId)
                .orElseThrow(() -> new NotFoundException("change " + changeId));
        Project.Part party = deciderParty(project, change, partyCode, user);
        String status = ProjectWorkflow.CHANGE.require(change.status(), approve ? "approve" : "reject");
        if (change.decisionOf(party.partyCode()).isPresent()) {
            throw new ConflictException("CHANGE_ALREADY_DECIDED");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (!approve && note == null) {
            throw InvalidInputException.of("comment", "project.change.comment");
        }
        if (note != null && note.length() > 5_000) {
            throw InvalidInputException.of("comment", "project.change.commentLong");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into project_change_decision (change_id, party_id, decision, comment, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(changeId, party.partyId(), approve ? ProjectWorkflow.APPROVED : ProjectWorkflow.REJECTED, note,
                        user.getUsername(), Timestamp.from(now))
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("party", party.partyCode());
        after.put("status", status);
        if (note != null) {
            after.put("comment", note);
        }
        audit.record(user.getUsername(), AUDIT_TYPE, changeId, approve ? "approve" : "reject",
                Map.of("status", change.status()), after);
        if (!approve) {
            close(changeId, status, now);
        } else if (approvals(changeId) == project.parties().size()) {
            String applied = ProjectWorkflow.CHANGE.require(status, "apply");
            apply(project, change);
            close(changeId, applied, now);
        }
        return get(changeId);
    }

    private Project.Part deciderParty(Project project, Change change, String partyCode, TandemUser user) {
        List<Project.Part> own = project.parties().stream().filter(p -> ownOfficer(project, p.partyId(), user)).toList();
        if (own.isEmpty()) {
            throw new NotAllowedException("only the parties' officers decide on changes");
        }
        if (partyCode != null && !partyCode.isBlank()) {
            Project.Part named = project.partByCode(partyCode.strip())
                    .orElseThrow(() -> InvalidInputException.of("party", "project.change.party"));
            if (own.stream().noneMatch(p -> p.partyId() == named.partyId())) {
                throw new NotAllowedException("an officer approves for their own party only");
            }
            return named;
        }
        if (own.size() == 1) {
            return own.get(0);
        }
        List<Project.Part> open = own.stream().filter(p -> change.decisionOf(p.partyCode()).isEmpty()).toList();
        if (open.size() == 1) {
            return open.get(0);
        }
        throw InvalidInputException.of("party", "project.change.whichParty");
    }

    /** Whoever raised a change may take it back while the parties have not all decided. */
    @Transactional
    public Change withdraw(long projectId, long changeId, TandemUser user) {
        contracts.lock(projectId);
        Change change = find(changeId).filter(c -> c.projectId() == projectId)
                .orElseThrow(() -> new NotFoundException("change " + changeId));
        if (user == null || !change.raisedBy().equals(user.getUsername())) {
            throw new NotAllowedException("only who raised a change withdraws it");
        }
        String status = ProjectWorkflow.CHANGE.require(change.status(), "withdraw");
        close(changeId, status, clock.instant());
        audit.record(user.getUsername(), AUDIT_TYPE, changeId, "withdraw", Map.of("status", change.status()),
                Map.of("status", status));
        return get(changeId);
    }

    private int approvals(long changeId) {
        return jdbc.sql("select count(*) from project_change_decision where change_id = ? and decision = ?")
                .params(changeId, ProjectWorkflow.APPROVED).query(Integer.class).single();
    }

    private void close(long changeId, String status, Instant at) {
        jdbc.sql("update project_change set status = ?, closed_at = ? where id = ?")
                .params(status, Timestamp.from(at), changeId).update();
    }

    /**
     * Writes the change into the project, recording what it was and what it became. The project
     * may have moved on since the change was raised; a change that no longer fits is refused.
     */
    private void apply(Project project, Change change) {
        Proposed p = change.proposed();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        before.put("change", change.id());
        after.put("change", change.id());
        after.put("kind", change.kind());
        Project.Part part = change.partyCode() == null ? null : project.partByCode(change.partyCode()).orElseThrow();
        Timestamp now = Timestamp.from(clock.instant());
        switch (change.kind()) {
            case "BUDGET" -> {
                BigDecimal total = p.budget().stream().map(Project.BudgetItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (total.compareTo(part.budgetTotal()) != 0) {
                    throw new ConflictException("CHANGE_OUTDATED");
                }
                before.put("budget", lines(part.budget()));
                jdbc.sql("delete from project_budget_line where project_id = ? and party_id = ?")
                        .params(project.id(), part.partyId()).update();
                for (Project.BudgetItem l : p.budget()) {
                    jdbc.sql("insert into project_budget_line (project_id, party_id, year, category, amount) values (?, ?, ?, ?, ?)")
                            .params(project.id(), part.partyId(), l.year(), l.category(), l.amount()).update();
                }
                after.put("budget", lines(p.budget()));
            }
            case "PI" -> {
                before.put("piName", String.valueOf(part.piName()));
                before.put("piEmail", String.valueOf(part.piEmail()));
                before.put("piUserId", String.valueOf(part.piUserId()));
                Long userId = p.piUsername() == null ? part.piUserId()
                        : ((TandemUser) users.loadUserByUsername(p.piUsername())).id();
                String email = p.piEmail() == null ? part.piEmail() : p.piEmail();
                jdbc.sql("update project_party set pi_name = ?, pi_email = ?, pi_user_id = ? where project_id = ? and party_id = ?")
                        .params(p.piName(), email, userId, project.id(), part.partyId()).update();
                jdbc.sql("update project_contract set pi_name = ? where project_id = ? and party_id = ?")
                        .params(p.piName(), project.id(), part.partyId()).update();
                after.put("piName", p.piName());
                after.put("piEmail", String.valueOf(email));
                after.put("piUserId", String.valueOf(userId));
            }
            case "MEMBERS" -> {
                before.put("members", part.members());
                jdbc.sql("update project_party set members = ? where project_id = ? and party_id = ?")
                        .params(String.join("\n", p.members()), project.id(), part.partyId()).update();
                after.put("members", p.members());
            }
            case "EXTENSION" -> {
                LocalDate end = LocalDate.parse(p.endDate());
                if (project.endDate() == null || !end.isAfter(project.endDate())) {
                    throw new ConflictException("CHANGE_OUTDATED");
                }
                before.put("endDate", project.endDate().toString());
                Map<String, String> contractEnds = new LinkedHashMap<>();
                contracts.contracts(project.id()).forEach(c -> contractEnds.put(c.partyCode(), c.endDate().toString()));
                before.put("contractEnds", contractEnds);
                jdbc.sql("update project set end_date = ?, updated_at = ? where id = ?").params(end, now, project.id()).update();
                // Every team works to the new end: each agency's contract is extended with it.
                jdbc.sql("update project_contract set end_date = ? where project_id = ? and end_date < ?")
                        .params(end, project.id(), end).update();
                after.put("endDate", end.toString());
            }
            case "TERMINATION" -> {
                String terminated = ProjectWorkflow.PROJECT.require(project.status(), "terminate");
                before.put("status", project.status());
                jdbc.sql("update project set status = ?, updated_at = ? where id = ?")
                        .params(terminated, now, project.id()).update();
                after.put("status", terminated);
            }
            default -> throw new IllegalStateException("unknown change kind " + change.kind());
        }
        if (part != null) {
            after.put("party", part.partyCode());
        }
        jdbc.sql("update project set updated_at = ? where id = ?").params(now, project.id()).update();
        audit.record("system", Projects.AUDIT_TYPE, project.id(), "change", before, after);
    }

    private static List<String> lines(List<Project.BudgetItem> budget) {
        return budget.stream().map(l -> l.year() + "/" + l.category() + ":" + l.amount().setScale(2).toPlainString()).toList();
    }

    private boolean ownOfficer(Project project, long partyId, TandemUser user) {
        return projects.isOfficerOf(project, partyId, user) && user.officerParties(project.programmeId()).contains(partyId);
    }

    // ---- reading --------------------------------------------------------------------------------

    /** The project's changes, newest first, for its officers and teams. */
    @Transactional(readOnly = true)
    public List<Change> of(long projectId, TandemUser user) {
        Project project = projects.get(projectId);
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("not an officer or team lead of project " + projectId);
        }
        return jdbc.sql("select id from project_change where project_id = ? order by raised_at desc, id desc").param(projectId)
                .query(Long.class).list().stream().map(this::get).toList();
    }

    @Transactional(readOnly = true)
    public Change get(long projectId, long changeId, TandemUser user) {
        Project project = projects.get(projectId);
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("not an officer or team lead of project " + projectId);
        }
        return find(changeId).filter(c -> c.projectId() == projectId)
                .orElseThrow(() -> new NotFoundException("change " + changeId));
    }

    /** The other side's confirmation, for the project's officers and teams. */
    @Transactional(readOnly = true)
    public java.io.InputStream confirmation(long projectId, long changeId, TandemUser user) {
        get(projectId, changeId, user);
        String key = jdbc.sql("select confirmation_key from project_change where id = ?").param(changeId)
                .query(String.class).single();
        return files.get(key);
    }

    private Change get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("change " + id));
    }

    private Optional<Change> find(long id) {
        List<PartyDecision> decisions = jdbc.sql("""
                select pp.party_code, d.decision, d.comment, d.decided_by, d.decided_at from project_change_decision d
                join project_change c on c.id = d.change_id
                join project_party pp on pp.project_id = c.project_id and pp.party_id = d.party_id
                where d.change_id = ? order by pp.position""").param(id)
                .query((rs, i) -> new PartyDecision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        return jdbc.sql("""
                select c.*, pp.party_code, c.proposal::text as proposal_text from project_change c
                left join project_party pp on pp.project_id = c.project_id and pp.party_id = c.party_id where c.id = ?""")
                .param(id)
                .query((rs, i) -> new Change(rs.getLong("id"), rs.getLong("project_id"), rs.getString("kind"),
                        rs.getString("party_code"), json.readValue(rs.getString("proposal_text"), Proposed.class),
                        rs.getString("reason"), rs.getString("status"), rs.getString("confirmation_name"),
                        rs.getString("confirmation_sha256"), rs.getLong("confirmation_bytes"), rs.getString("raised_by"),
                        rs.getTimestamp("raised_at").toInstant(),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), decisions))
                .optional();
    }
}
