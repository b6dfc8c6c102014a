package org.tandem.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.Problems;
import tools.jackson.databind.JsonNode;

/**
 * What a project produced. A publication whose authors include members of two parties' teams
 * is <em>joint</em> — the figure the agreement is judged by. Public outputs are shown on the
 * project's public page and harvested over OAI-PMH.
 */
@Service
public class Outputs {

    public static final String AUDIT_TYPE = "ProjectOutput";
    public static final List<String> KINDS = List.of("PUBLICATION", "PATENT", "PRODUCT", "SOFTWARE", "DATASET", "PROTOTYPE",
            "TRAINING");
    public static final List<String> PATENT_STATUSES = List.of("APPLIED", "GRANTED", "REFUSED", "LAPSED");
    public static final List<String> DEGREES = List.of("BACHELOR", "MASTER", "DOCTORATE");
    public static final List<String> GENDERS = List.of("FEMALE", "MALE", "OTHER");

    /**
     * What a team submits. For a publication, {@code crossref} (a Crossref work), {@code bibtex}
     * (one entry) or {@code ris} (one record) may replace the fields they carry; fields given
     * explicitly win.
     */
    public record OutputInput(String kind, String title, String doi, Integer year, String venue, List<String> authors,
                              String publicationType, String patentNumber, String patentOffice, LocalDate applicationDate,
                              LocalDate grantDate, String patentStatus, List<String> holders, String degree, String party,
                              String gender, String url, String evidence, Boolean isPublic, JsonNode crossref,
                              String bibtex, String ris) {

        /** Without a RIS record, as before RIS was read. */
        public OutputInput(String kind, String title, String doi, Integer year, String venue, List<String> authors,
                           String publicationType, String patentNumber, String patentOffice, LocalDate applicationDate,
                           LocalDate grantDate, String patentStatus, List<String> holders, String degree, String party,
                           String gender, String url, String evidence, Boolean isPublic, JsonNode crossref, String bibtex) {
            this(kind, title, doi, year, venue, authors, publicationType, patentNumber, patentOffice, applicationDate,
                    grantDate, patentStatus, holders, degree, party, gender, url, evidence, isPublic, crossref, bibtex, null);
        }
    }

    public record Output(long id, long projectId, String kind, String title, String doi, Integer year, String venue,
                         String publicationType, List<String> authors, boolean joint, List<String> jointParties,
                         String patentNumber, String patentOffice, LocalDate applicationDate, LocalDate grantDate,
                         String patentStatus, List<String> holders, String degree, String party, String gender, String url,
                         String evidence, boolean isPublic, String source, String addedBy, Instant addedAt) {
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final AuditTrail audit;
    private final Clock clock;

    Outputs(JdbcClient jdbc, Projects projects, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Output add(long projectId, OutputInput raw, TandemUser user) {
        Project project = projects.get(projectId);
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("only the project's teams and officers add its outputs");
        }
        ProjectWorkflow.PROJECT.require(project.status(), "addOutput");
        String source = raw.crossref() != null && !raw.crossref().isNull() ? "CROSSREF"
                : raw.bibtex() != null && !raw.bibtex().isBlank() ? "BIBTEX"
                : raw.ris() != null && !raw.ris().isBlank() ? "RIS" : "FORM";
        OutputInput in = merged(raw, source);
        Problems problems = new Problems();
        String kind = in.kind();
        problems.require(kind != null && KINDS.contains(kind), "kind", "project.output.kind");
        problems.require(in.title() != null && !in.title().isBlank() && in.title().length() <= 2000, "title",
                "project.output.title");
        // The same limits as the form's counters, so a bypassed browser limit is still refused by field.
        problems.require(in.evidence() == null || in.evidence().length() <= 5_000, "evidence", "project.output.evidenceLong");
        problems.require(in.authors() == null || String.join("\n", in.authors()).length() <= 20_000, "authors",
                "project.output.authorsLong");
        problems.require(in.holders() == null || String.join("\n", in.holders()).length() <= 5_000, "holders",
                "project.output.holdersLong");
        String doi = null;
        if (in.doi() != null && !in.doi().isBlank()) {
            doi = PublicationSources.doi(in.doi()).orElse(null);
            problems.require(doi != null, "doi", "project.output.doi", in.doi().strip());
        }
        int thisYear = Year.now(clock).getValue();
        problems.require(in.year() == null || in.year() >= 1950 && in.year() <= thisYear + 1, "year", "project.output.year");
        String type = null;
        if ("PUBLICATION".equals(kind)) {
            type = in.publicationType() == null ? PublicationSources.JOURNAL_ARTICLE : in.publicationType();
            problems.require(PublicationSources.COAR_TYPES.contains(type), "publicationType", "project.output.type");
        }
        if ("PATENT".equals(kind)) {
            problems.require(in.patentNumber() != null && !in.patentNumber().isBlank(), "patentNumber",
                    "project.output.patentNumber");
            problems.require(in.patentOffice() != null && in.patentOffice().strip().matches("[A-Za-z]{2}"), "patentOffice",
                    "project.output.patentOffice");
            problems.require(in.patentStatus() != null && PATENT_STATUSES.contains(in.patentStatus()), "patentStatus",
                    "project.output.patentStatus");
            problems.require(in.applicationDate() != null, "applicationDate", "project.output.applicationDate");
            problems.require(in.grantDate() == null || in.applicationDate() == null
                    || !in.grantDate().isBefore(in.applicationDate()), "grantDate", "project.output.grantDate");
        }
        if ("TRAINING".equals(kind)) {
            problems.require(in.degree() != null && DEGREES.contains(in.degree()), "degree", "project.output.degree");
            problems.require(in.party() != null && project.partByCode(in.party()).isPresent(), "party",
                    "project.output.party");
            problems.require(in.gender() != null && GENDERS.contains(in.gender()), "gender", "project.output.gender");
        }
        problems.require(in.url() == null || in.url().isBlank() || in.url().strip().matches("https?://\\S+"), "url",
                "project.output.url");
        problems.throwIfAny();
        List<String> authors = clean(in.authors());
        List<String> jointParties = "PUBLICATION".equals(kind) ? partiesOf(project, authors) : List.of();
        boolean joint = jointParties.size() >= 2;
        long id;
        try {
            id = jdbc.sql("""
                    insert into project_output (project_id, kind, title, doi, year, venue, publication_type, authors, joint,
                        joint_parties, patent_number, patent_office, application_date, grant_date, patent_status, holders,
                        degree, party_code, gender, url, evidence, is_public, source, added_by, added_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(projectId, kind, in.title().strip(), doi, in.year(), blankToNull(in.venue()), type,
                            String.join("\n", authors), joint, String.join(",", jointParties),
                            blankToNull(in.patentNumber()), in.patentOffice() == null ? null : in.patentOffice().strip().toUpperCase(),
                            in.applicationDate(), in.grantDate(), in.patentStatus(), String.join("\n", clean(in.holders())),
                            in.degree(), in.party(), in.gender(), blankToNull(in.url()), blankToNull(in.evidence()),
                            in.isPublic() == null || in.isPublic(), source, user.getUsername(), Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("OUTPUT_EXISTS");
        }
        audit.record(user.getUsername(), AUDIT_TYPE, id, "add", null, Map.of("project", projectId, "kind", kind,
                "title", in.title().strip(), "joint", joint));
        return get(id);
    }

    /** Explicit fields first, then what the Crossref work or BibTeX entry says. */
    private static OutputInput merged(OutputInput in, String source) {
        if ("FORM".equals(source)) {
            return in;
        }
        PublicationSources.Read read = switch (source) {
            case "CROSSREF" -> PublicationSources.crossref(in.crossref());
            case "BIBTEX" -> PublicationSources.bibtex(in.bibtex());
            default -> PublicationSources.ris(in.ris());
        };
        return new OutputInput(in.kind() == null ? "PUBLICATION" : in.kind(), or(in.title(), read.title()),
                or(in.doi(), read.doi()), in.year() != null ? in.year() : read.year(), or(in.venue(), read.venue()),
                in.authors() != null && !in.authors().isEmpty() ? in.authors() : read.authors(),
                or(in.publicationType(), read.coarType()), in.patentNumber(), in.patentOffice(), in.applicationDate(),
                in.grantDate(), in.patentStatus(), in.holders(), in.degree(), in.party(), in.gender(), in.url(), in.evidence(),
                in.isPublic(), null, null, null);
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** The parties whose team has a member among the authors, in the project's party order. */
    static List<String> partiesOf(Project project, List<String> authors) {
        Set<String> parties = new LinkedHashSet<>();
        for (Project.Part part : project.parties()) {
            List<String> team = new ArrayList<>(part.members());
            if (part.piName() != null) {
                team.add(part.piName());
            }
            if (authors.stream().anyMatch(a -> team.stream().anyMatch(m -> Authors.same(a, m)))) {
                parties.add(part.partyCode());
            }
        }
        return List.copyOf(parties);
    }

    /** A project's outputs: all of them for its officers and teams, the public ones for anyone else. */
    @Transactional(readOnly = true)
    public List<Output> of(long projectId, TandemUser user) {
        Project project = projects.get(projectId);
        boolean insider = projects.isInsider(project, user);
        return jdbc.sql("select * from project_output where project_id = ? order by year desc nulls last, id").param(projectId)
                .query(this::row).list().stream().filter(o -> insider || o.isPublic()).toList();
    }

    /** Every public output, for harvesting. */
    @Transactional(readOnly = true)
    public List<Output> publicOutputs() {
        return jdbc.sql("select * from project_output where is_public order by id").query(this::row).list();
    }

    /** How many outputs of one kind a project reported; joint ones (co-authored across parties) and genders apart. */
    public record Tally(long projectId, String kind, boolean joint, String gender, long count) {
    }

    /**
     * Every project's outputs counted by kind, joint or not, and gender (for trained people) —
     * counts only, nobody named, so other modules (the programme's scoreboard) may read them.
     */
    @Transactional(readOnly = true)
    public List<Tally> tallies() {
        return jdbc.sql("""
                select project_id, kind, joint, gender, count(*) from project_output
                group by project_id, kind, joint, gender order by project_id, kind""")
                .query((rs, i) -> new Tally(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /**
     * Outputs of the given kinds across every project, public or not: the Innovation Centre drafts
     * technology offers from them, which its owners confirm before anything is shown.
     */
    @Transactional(readOnly = true)
    public List<Output> ofKinds(java.util.Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from project_output where kind in (:kinds) order by project_id, id")
                .param("kinds", List.copyOf(kinds)).query(this::row).list();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Output> find(long id) {
        return jdbc.sql("select * from project_output where id = ?").param(id).query(this::row).optional();
    }

    Output get(long id) {
        return jdbc.sql("select * from project_output where id = ?").param(id).query(this::row).single();
    }

    /** Technology readiness at the start and (so far) at the end, 1–9. */
    @Transactional
    public void setTrl(long projectId, Integer start, Integer end, TandemUser user) {
        Project project = projects.get(projectId);
        if (!projects.isInsider(project, user)) {
            throw new NotAllowedException("only the project's teams and officers set its TRL");
        }
        Problems problems = new Problems();
        problems.require(start == null || start >= 1 && start <= 9, "trlStart", "project.trl");
        problems.require(end == null || end >= 1 && end <= 9, "trlEnd", "project.trl");
        problems.throwIfAny();
        jdbc.sql("update project set trl_start = ?, trl_end = ?, updated_at = ? where id = ?")
                .params(start, end, Timestamp.from(clock.instant()), projectId).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("trlStart", project.trlStart());
        before.put("trlEnd", project.trlEnd());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("trlStart", start);
        after.put("trlEnd", end);
        audit.record(user.getUsername(), Projects.AUDIT_TYPE, projectId, "trl", before, after);
    }

    private Output row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Output(rs.getLong("id"), rs.getLong("project_id"), rs.getString("kind"), rs.getString("title"),
                rs.getString("doi"), (Integer) rs.getObject("year"), rs.getString("venue"), rs.getString("publication_type"),
                lines(rs.getString("authors")), rs.getBoolean("joint"),
                rs.getString("joint_parties") == null || rs.getString("joint_parties").isEmpty() ? List.of()
                        : List.of(rs.getString("joint_parties").split(",")),
                rs.getString("patent_number"), rs.getString("patent_office"), rs.getObject("application_date", LocalDate.class),
                rs.getObject("grant_date", LocalDate.class), rs.getString("patent_status"), lines(rs.getString("holders")),
                rs.getString("degree"), rs.getString("party_code"), rs.getString("gender"), rs.getString("url"),
                rs.getString("evidence"), rs.getBoolean("is_public"), rs.getString("source"), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant());
    }

    private static List<String> clean(List<String> names) {
        return names == null ? List.of() : names.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    private static List<String> lines(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("\n")).filter(x -> !x.isBlank()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
