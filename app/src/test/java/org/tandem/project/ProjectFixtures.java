package org.tandem.project;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.proposal.TeamContent;
import org.tandem.selection.DecisionsApproved;

/**
 * Projects of their own for each test: a closed call of the demo programme, submitted joint
 * proposals (VN led by applicant.vn, RU by applicant.ru), and the approval event delivered to
 * the project module as the registry would deliver it.
 */

public class ProjectFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    final Calls calls;
    final Programmes programmes;
    final ProposalSubmissions proposals;
    final Projects projects;
    final UserDetailsService users;

    public ProjectFixtures(Calls calls, Programmes programmes, ProposalSubmissions proposals, Projects projects, UserDetailsService users) {
        this.calls = calls;
        this.programmes = programmes;
        this.proposals = proposals;
        this.projects = projects;
        this.users = users;
    }

    public TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    Programme programme() {
        return programmes.byCode(DemoProgramme.CODE).orElseThrow();
    }

    long party(String code) {
        return programme().partyByCode(code).orElseThrow().getId();
    }

    Call closedCall(String title) {
        Programme programme = programme();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return calls.createApproved(programme.getId(), new CallInput(2026, new LocalizedText(title, title, title),
                new LocalizedText("Projects", "Dự án", "Проекты"), now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(10)), 24, 36, Set.of("AI"),
                List.of(new CallBudget(party("VN"), new BigDecimal("9000000000.00"), new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(party("RU"), new BigDecimal("45000000.00"), new BigDecimal("15000000.00"), "RUB"))),
                "system");
    }

    long submitted(Call call, String acronym) {
        return submitted(call, acronym, "applicant.vn", "applicant.ru");
    }

    long submitted(Call call, String acronym, String vnLead, String ruLead) {
        ProposalContent content = new ProposalContent(acronym, "Joint project " + acronym, "Abstract of " + acronym,
                List.of("sensors", "rivers"), List.of("AI"), 24, "WP1 Data (months 1-12)\nWP2 Models (months 13-24)",
                null, null, null, null,
                List.of(new TeamContent("VN", "Hanoi University of Science and Technology", "Nguyễn Văn An", null,
                                List.of("Nguyễn Văn An", "Trần Thị Bình"),
                                List.of(new BudgetLine(1, "Personnel", new BigDecimal("1000000000.00")),
                                        new BudgetLine(1, "Equipment", new BigDecimal("500000000.00")),
                                        new BudgetLine(2, "Personnel", new BigDecimal("1000000000.00"))), null),
                        new TeamContent("RU", "Novosibirsk State University", "Иван Петров", null,
                                List.of("Иван Петров", "Ольга Смирнова"),
                                List.of(new BudgetLine(1, "Personnel", new BigDecimal("5000000.00")),
                                        new BudgetLine(2, "Personnel", new BigDecimal("5000000.00"))), null)));
        return proposals.importSubmitted(call.getId(), content,
                Map.of(party("VN"), user(vnLead).id(), party("RU"), user(ruLead).id()),
                Instant.now().minus(Duration.ofDays(12)), user("admin").id()).proposalId();
    }

    DecisionsApproved approved(Call call, List<Long> funded) {
        return new DecisionsApproved(call.getId(), "d" + SEQ.incrementAndGet(), funded, List.of(), Instant.now());
    }

    /** A fresh call with {@code n} funded projects, awarded. */
    /** One awarded project with both parties' contracts signed ({@link ContractTests}' contracts): running. */
    public Project running(Contracts contracts, String title) {
        Project p = awarded(title, 1).get(0);
        contracts.sign(p.id(), "VN", ContractTests.vnContract(), user("officer.vn"));
        contracts.sign(p.id(), "RU", ContractTests.ruContract(), user("officer.ru"));
        return projects.get(p.id());
    }

    public List<Project> awarded(String title, int n) {
        Call call = closedCall(title);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(submitted(call, "P" + SEQ.incrementAndGet()));
        }
        projects.createProjects(approved(call, ids));
        return ids.stream().map(id -> projects.ofProposal(id).orElseThrow()).toList();
    }
}
