package org.tandem.innovation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.demo.DemoProgramme;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.project.Contracts;
import org.tandem.project.Outputs;
import org.tandem.project.Project;
import org.tandem.project.Projects;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.proposal.TeamContent;
import org.tandem.selection.DecisionsApproved;

/**
 * A running joint project with outputs, built through the project module's published services
 * the way the registry and the teams would: a funded proposal led by applicant.vn, both
 * contracts signed, a TRL reached and a patent and a prototype recorded.
 */
public class ProjectOutputFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final Calls calls;
    final Programmes programmes;
    final ProposalSubmissions proposals;
    final Projects projects;
    final Contracts contracts;
    final Outputs outputs;
    final UserDetailsService users;

    public ProjectOutputFixtures(Calls calls, Programmes programmes, ProposalSubmissions proposals, Projects projects,
                          Contracts contracts, Outputs outputs, UserDetailsService users) {
        this.calls = calls;
        this.programmes = programmes;
        this.proposals = proposals;
        this.projects = projects;
        this.contracts = contracts;
        this.outputs = outputs;
        this.users = users;
    }

    public record Made(Project project, Outputs.Output patent, Outputs.Output prototype, Outputs.Output publication) {
    }

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    long party(Programme programme, String code) {
        return programme.partyByCode(code).orElseThrow().getId();
    }

    /** A running project at {@code trl} whose lead (applicant.vn) recorded a patent, a prototype and a paper. */
    public Made project(String title, int trl, String abstractText, List<String> keywords) {
        Programme programme = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Call call = calls.createApproved(programme.getId(), new CallInput(2026, new LocalizedText(title, title, title),
                new LocalizedText("Projects", "Dự án", "Проекты"), now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(10)), 24, 36, Set.of("MAT"),
                List.of(new CallBudget(party(programme, "VN"), new BigDecimal("9000000000.00"),
                                new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(party(programme, "RU"), new BigDecimal("45000000.00"), new BigDecimal("15000000.00"),
                                "RUB"))),
                "system");
        String acronym = "IO" + SEQ.incrementAndGet() + System.nanoTime() % 1000;
        ProposalContent content = new ProposalContent(acronym, title, abstractText, keywords, List.of("MAT"), 24,
                "WP1 Materials (months 1-12)\nWP2 Pilot (months 13-24)", null, null, null, null,
                List.of(new TeamContent("VN", "Hanoi University of Science and Technology", "Nguyễn Văn An", null,
                                List.of("Nguyễn Văn An", "Trần Thị Bình"),
                                List.of(new BudgetLine(1, "Personnel", new BigDecimal("1000000000.00"))), null),
                        new TeamContent("RU", "Novosibirsk State University", "Иван Петров", null,
                                List.of("Иван Петров", "Ольга Смирнова"),
                                List.of(new BudgetLine(1, "Personnel", new BigDecimal("5000000.00"))), null)));
        long proposalId = proposals.importSubmitted(call.getId(), content,
                Map.of(party(programme, "VN"), user("applicant.vn").id(), party(programme, "RU"), user("applicant.ru").id()),
                now.minus(Duration.ofDays(12)), user("admin").id()).proposalId();
        projects.createProjects(new DecisionsApproved(call.getId(), "io" + SEQ.incrementAndGet(), List.of(proposalId),
                List.of(), Instant.now()));
        Project p = projects.ofProposal(proposalId).orElseThrow();
        contracts.sign(p.id(), "VN", new Contracts.ContractInput("HĐ " + acronym, LocalDate.of(2026, 3, 1),
                "Hanoi University of Science and Technology", "Nguyễn Văn An", LocalDate.of(2026, 4, 1),
                LocalDate.of(2028, 3, 31), List.of(new Contracts.TrancheInput(2026, null, new BigDecimal("1200000000")))),
                user("officer.vn"));
        contracts.sign(p.id(), "RU", new Contracts.ContractInput("РНФ " + acronym, LocalDate.of(2026, 3, 10),
                "Novosibirsk State University", "Иван Петров", LocalDate.of(2026, 5, 1), LocalDate.of(2028, 4, 30),
                List.of(new Contracts.TrancheInput(2026, null, new BigDecimal("5000000")))), user("officer.ru"));
        TandemUser lead = user("applicant.vn");
        outputs.setTrl(p.id(), 2, trl, lead);
        Outputs.Output patent = outputs.add(p.id(), new Outputs.OutputInput("PATENT", title + " — method", null, null, null,
                null, null, "1-2026-" + acronym, "VN", LocalDate.of(2026, 6, 1), null, "APPLIED", List.of("HUST"), null,
                null, null, null, null, false, null, null), lead);
        Outputs.Output prototype = outputs.add(p.id(), new Outputs.OutputInput("PROTOTYPE", title + " — pilot unit", null,
                2026, null, null, null, null, null, null, null, null, null, null, null, null, null, null, true, null, null),
                lead);
        Outputs.Output paper = outputs.add(p.id(), new Outputs.OutputInput("PUBLICATION", title + " — paper", null, 2026,
                "Materials", List.of("Nguyễn Văn An"), null, null, null, null, null, null, null, null, null, null, null,
                null, true, null, null), lead);
        return new Made(projects.get(p.id()), patent, prototype, paper);
    }
}
