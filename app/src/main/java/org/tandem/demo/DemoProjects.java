package org.tandem.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.engine.select.Policy;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Accounts.NewGrant;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Party;
import org.tandem.programme.PlanBudget;
import org.tandem.programme.PlanInput;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.project.Acceptance;
import org.tandem.project.AcceptanceRule;
import org.tandem.project.Contracts;
import org.tandem.project.Outputs;
import org.tandem.project.Project;
import org.tandem.project.Projects;
import org.tandem.project.Reports;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.proposal.TeamContent;
import org.tandem.review.ExpertPools;
import org.tandem.selection.Decisions;
import org.tandem.selection.DecisionsApproved;

/**
 * The programme before this one, 2021–2025, as its agencies' records were brought into Tandem:
 * two calls reviewed and decided the normal way, whose funded proposals are joint projects.
 * The 2022 call's projects are finished, each accepted by both parties' councils; the 2024 call's are running, with contracts, payments,
 * a first annual report from most teams (one returned with comments, one not yet filed) and
 * outputs — among them a joint publication with a DOI and a patent application. Business dates
 * (signing, periods, payments, the decision) are those of the records; the time each was
 * entered is the time of the import. Deterministic; created once.
 */
@Component
@Order(27)
class DemoProjects implements ApplicationRunner {

    static final String CODE = "VN-RU-2021";
    static final String CALL_2022 = "Joint call 2022: new materials and energy";
    static final String CALL_2024 = "Joint call 2024: artificial intelligence and materials";
    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private final TandemSettings settings;
    private final Programmes programmes;
    private final Calls calls;
    private final Accounts accounts;
    private final ProposalSubmissions submissions;
    private final DemoReviews reviews;
    private final Decisions decisions;
    private final Projects projects;
    private final Contracts contracts;
    private final Reports reports;
    private final Outputs outputs;
    private final UserDetailsService users;
    private final ExpertPools pools;
    private final Acceptance acceptance;

    DemoProjects(TandemSettings settings, Programmes programmes, Calls calls, Accounts accounts,
                 ProposalSubmissions submissions, DemoReviews reviews, Decisions decisions, Projects projects,
                 Contracts contracts, Reports reports, Outputs outputs, UserDetailsService users,
                 ExpertPools pools, Acceptance acceptance) {
        this.settings = settings;
        this.programmes = programmes;
        this.calls = calls;
        this.accounts = accounts;
        this.submissions = submissions;
        this.reviews = reviews;
        this.decisions = decisions;
        this.projects = projects;
        this.contracts = contracts;
        this.reports = reports;
        this.outputs = outputs;
        this.users = users;
        this.pools = pools;
        this.acceptance = acceptance;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled() || programmes.byCode(CODE).isPresent()
                || programmes.byCode(DemoProgramme.CODE).isEmpty()) {
            return;
        }
        log.info("Bringing the 2021–2025 programme's calls and projects into the demo");
        Programme programme = createProgramme();
        Party vn = programme.partyByCode("VN").orElseThrow();
        Party ru = programme.partyByCode("RU").orElseThrow();
        long pid = programme.getId();
        for (String code : List.of("vn", "ru")) {
            long party = (code.equals("vn") ? vn : ru).getId();
            String language = code.equals("vn") ? "vi" : "ru";
            accounts.ensureDemoAccount("officer." + code, code.equals("vn") ? "Trần Thị Hương" : "Ольга Смирнова", language,
                    List.of(new NewGrant(Role.PROGRAMME_OFFICER, pid, party)));
            accounts.ensureDemoAccount("committee." + code, code.equals("vn") ? "Phạm Quốc Bảo" : "Анна Петрова", language,
                    List.of(new NewGrant(Role.COMMITTEE_MEMBER, pid, party)));
            accounts.ensureDemoAccount("applicant." + code, code.equals("vn") ? "Nguyễn Văn An" : "Сергей Иванов", language,
                    List.of(new NewGrant(Role.APPLICANT, pid, party)));
        }
        // The same experts served the earlier programme: each party's pool as it is today.
        Programme current = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        for (Party party : List.of(vn, ru)) {
            long now = current.partyByCode(party.getCode()).orElseThrow().getId();
            TandemUser officer = user("officer." + party.getCode().toLowerCase());
            for (ExpertPools.Member m : pools.pool(current.getId(), now)) {
                pools.addPerson(pid, party.getId(), m.person().id(), officer);
            }
        }

        List<Project> finished = decidedCall(programme, vn, ru, 2022, CALL_2022,
                new LocalizedText(CALL_2022, "Đợt gọi chung 2022: vật liệu mới và năng lượng",
                        "Совместный конкурс 2022: новые материалы и энергетика"),
                Set.of("MAT", "ENERGY"), 24, LocalDate.of(2022, 10, 14), 6, false);
        for (Project p : finished) {
            carryOut(p, LocalDate.of(2022, 12, 20), LocalDate.of(2023, 1, 1), 2, true);
        }
        List<Project> running = decidedCall(programme, vn, ru, 2024, CALL_2024,
                new LocalizedText(CALL_2024, "Đợt gọi chung 2024: trí tuệ nhân tạo và vật liệu",
                        "Совместный конкурс 2024: искусственный интеллект и материалы"),
                Set.of("AI", "MAT"), 36, LocalDate.of(2024, 10, 18), 8, true);
        for (int i = 0; i < running.size(); i++) {
            carryOut(running.get(i), LocalDate.of(2024, 12, 16), LocalDate.of(2025, 1, 1), 3, false);
        }
        firstYearOfRunning(running);
    }

    private Programme createProgramme() {
        Programme current = programmes.byCode(DemoProgramme.CODE).orElseThrow();
        Programme programme = programmes.create(new Programme(CODE,
                new LocalizedText("Vietnam–Russia Joint Research Programme 2021–2025",
                        "Chương trình nghiên cứu chung Việt Nam – Nga 2021–2025",
                        "Совместная исследовательская программа Вьетнам – Россия 2021–2025"),
                new LocalizedText("The programme before this one: joint calls every second year with mirror funding.",
                        "Chương trình trước chương trình hiện tại: đợt gọi chung hai năm một lần, tài trợ song song.",
                        "Предыдущая программа: совместные конкурсы раз в два года с зеркальным финансированием."),
                2021, 2025, List.of("en", "vi", "ru"),
                current.getParties().stream().map(p -> new Party(p.getCode(), p.getCountryCode(), p.getAgency(),
                        p.getCurrency(), p.getTimeZone(), p.getPosition())).toList(),
                List.of(DemoProgramme.field("AI", "Artificial intelligence", "Trí tuệ nhân tạo", "Искусственный интеллект",
                                0, "1.2", "1.1"),
                        DemoProgramme.field("MAT", "New materials", "Vật liệu mới", "Новые материалы", 1, "2.5", "2.10", "1.4"),
                        DemoProgramme.field("ENERGY", "Renewable energy", "Năng lượng tái tạo", "Возобновляемая энергетика", 2,
                                "2.2", "2.7", "2.3"))), "system");
        Party vn = programme.partyByCode("VN").orElseThrow();
        Party ru = programme.partyByCode("RU").orElseThrow();
        for (int year = 2021; year <= 2025; year++) {
            // Calls in even years; every year pays the running projects' tranches.
            programmes.savePlan(programme.getId(), year, null, new PlanInput(year % 2 == 0 ? 5 : 0,
                    year % 2 == 0 ? LocalDate.of(year, 2, 1) : null, year % 2 == 0 ? LocalDate.of(year, 4, 30) : null,
                    List.of(new PlanBudget(vn.getId(), BigDecimal.valueOf(12_000_000_000L).setScale(2), "VND"),
                            new PlanBudget(ru.getId(), BigDecimal.valueOf(60_000_000L).setScale(2), "RUB")),
                    year % 2 == 0 ? Set.of("AI", "MAT", "ENERGY") : Set.of()), null, true);
        }
        return programme;
    }

    /**
     * A call of the earlier programme from opening to the committee's final decision, reviewed by
     * both parties; its funded proposals become projects with the decision's own date.
     */
    private List<Project> decidedCall(Programme programme, Party vn, Party ru, int year, String title,
                                      LocalizedText titles, Set<String> fields, int months, LocalDate decidedOn,
                                      int proposals, boolean demoApplicantsLeadFirst) {
        Call call = calls.createApproved(programme.getId(), new CallInput(year, titles,
                new LocalizedText("Joint projects of one Vietnamese and one Russian team; each agency funds its own team.",
                        "Dự án chung của một nhóm Việt Nam và một nhóm Nga; mỗi cơ quan tài trợ cho nhóm của mình.",
                        "Совместные проекты вьетнамского и российского коллективов; каждое ведомство финансирует свой."),
                LocalDate.of(year, 2, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                LocalDate.of(year, 4, 30).atTime(10, 0).toInstant(ZoneOffset.UTC), months, months, fields,
                List.of(new CallBudget(vn.getId(), new BigDecimal("8000000000.00"), new BigDecimal("2500000000.00"), "VND"),
                        new CallBudget(ru.getId(), new BigDecimal("42000000.00"), new BigDecimal("14000000.00"), "RUB"))),
                "system");
        Random random = new Random(year);
        List<String[]> topics = DemoTopics.ALL.stream().filter(t -> fields.contains(t[0])).toList();
        int years = months / 12;
        Set<Long> strong = new java.util.HashSet<>();
        for (int i = 0; i < Math.min(proposals, topics.size()); i++) {
            String[] t = topics.get((i * 3 + year) % topics.size());
            boolean demo = demoApplicantsLeadFirst && i == 0;
            String vnPi = demo ? "Nguyễn Văn An" : DemoTopics.VN_PEOPLE[(i * 7 + year) % DemoTopics.VN_PEOPLE.length];
            String ruPi = demo ? "Сергей Иванов" : DemoTopics.RU_PEOPLE[(i * 3 + year) % DemoTopics.RU_PEOPLE.length];
            String vnMember = DemoTopics.VN_PEOPLE[(i * 7 + year + 3) % DemoTopics.VN_PEOPLE.length];
            String ruMember = DemoTopics.RU_PEOPLE[(i * 3 + year + 5) % DemoTopics.RU_PEOPLE.length];
            String vnLogin = demo ? "applicant.vn" : "lead" + (year % 100) + "-" + (i + 1) + ".vn";
            String ruLogin = demo ? "applicant.ru" : "lead" + (year % 100) + "-" + (i + 1) + ".ru";
            long vnUser = demo ? user(vnLogin).id() : accounts.ensureDemoAccount(vnLogin, vnPi, "vi",
                    List.of(new NewGrant(Role.APPLICANT, programme.getId(), vn.getId()))).id();
            long ruUser = demo ? user(ruLogin).id() : accounts.ensureDemoAccount(ruLogin, ruPi, "ru",
                    List.of(new NewGrant(Role.APPLICANT, programme.getId(), ru.getId()))).id();
            ProposalContent content = new ProposalContent(t[1] + "-" + (year % 100), t[2], t[3],
                    List.of(t[4].split(";\\s*")), List.of(t[0]), months,
                    "WP1: methods and data (year 1). WP2: joint experiments and exchange visits (year 2). "
                            + "WP3: validation, publications and technology transfer (final year).",
                    null, null, null, null,
                    List.of(new TeamContent("VN", demo ? "Hanoi University of Science and Technology"
                                    : DemoTopics.VN_ORGS[random.nextInt(DemoTopics.VN_ORGS.length)], vnPi, null,
                                    List.of(vnPi, vnMember), budget(years, 1_600_000_000L, 900_000_000L, random, 1_000_000L), null),
                            new TeamContent("RU", demo ? "Novosibirsk State University"
                                    : DemoTopics.RU_ORGS[random.nextInt(DemoTopics.RU_ORGS.length)], ruPi, null,
                                    List.of(ruPi, ruMember), budget(years, 8_500_000L, 5_000_000L, random, 10_000L), null)));
            long proposalId = submissions.importSubmitted(call.getId(), content,
                    Map.of(vn.getId(), vnUser, ru.getId(), ruUser),
                    LocalDate.of(year, 4, 29).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(3600L * (1 + i * 7)),
                    user("admin").id()).proposalId();
            if (demo) {
                strong.add(proposalId);
            }
        }
        TandemUser officerVn = user("officer.vn");
        calls.startEvaluation(call.getId(), officerVn);
        reviews.reviewCall(programme, call, strong);
        Decisions.DecisionSet set = decisions.propose(call.getId(), Map.of(), Map.of(), Policy.RANK, 1, officerVn);
        decisions.approve(call.getId(), vn.getId(), set.digest(), officerVn);
        Decisions.DecisionSet approved = decisions.approve(call.getId(), ru.getId(), set.digest(), user("officer.ru"));
        List<Long> funded = approved.items().stream().filter(i -> i.outcome() == Decisions.Outcome.FUNDED)
                .map(Decisions.Item::proposalId).toList();
        List<Long> reserve = approved.items().stream().filter(i -> i.outcome() == Decisions.Outcome.RESERVE)
                .map(Decisions.Item::proposalId).toList();
        // The award as the committee made it, on its own date (so the codes carry its year); the
        // registry's later delivery of the same event finds the projects and creates nothing.
        List<Long> ids = projects.createProjects(new DecisionsApproved(call.getId(), set.digest(), funded, reserve,
                decidedOn.atTime(9, 0).toInstant(ZoneOffset.UTC)));
        return ids.stream().map(projects::get).toList();
    }

    /**
     * Each party's contract with its team, yearly tranches from the planned budget, payments of
     * the years gone by; for a finished project also every report, accepted.
     */
    private void carryOut(Project project, LocalDate signedOn, LocalDate start, int years, boolean finished) {
        LocalDate end = start.plusYears(years).minusDays(1);
        int n = (int) (project.id() % 97);
        for (Project.Part part : project.parties()) {
            TandemUser officer = user("officer." + part.partyCode().toLowerCase());
            List<Contracts.TrancheInput> tranches = new ArrayList<>();
            for (int y = 1; y <= years; y++) {
                int projectYear = y;
                BigDecimal amount = part.budget().stream().filter(b -> b.year() == projectYear)
                        .map(Project.BudgetItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (amount.signum() > 0) {
                    tranches.add(new Contracts.TrancheInput(start.getYear() + y - 1,
                            LocalDate.of(start.getYear() + y - 1, 3, 15), amount));
                }
            }
            String number = part.partyCode().equals("VN") ? String.format("%02d/%d/HĐ-NĐT", n, signedOn.getYear())
                    : String.format("075-15-%d-%03d", signedOn.getYear(), n);
            contracts.sign(project.id(), part.partyCode(), new Contracts.ContractInput(number,
                    signedOn.plusDays(part.position() * 3L), part.hostOrganisation(), part.piName(), start, end, tranches),
                    officer);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (Project.Part part : project.parties()) {
            TandemUser officer = user("officer." + part.partyCode().toLowerCase());
            for (Contracts.Tranche t : contracts.contract(project.id(), part.partyId()).orElseThrow().tranches()) {
                if (t.dueOn() != null && t.dueOn().isBefore(today)) {
                    contracts.pay(project.id(), part.partyCode(), t.id(), t.amount(), t.dueOn().plusDays(10),
                            part.partyCode().equals("VN") ? "UNC-" + t.year() + "-" + n : "ПП-" + t.year() + "-" + n, officer);
                }
            }
        }
        if (finished) {
            Project running = projects.get(project.id());
            for (Project.Part part : running.parties()) {
                TandemUser lead = users(part);
                TandemUser officer = user("officer." + part.partyCode().toLowerCase());
                for (int y = 1; y < years; y++) {
                    file(running, part, lead, officer, "ANNUAL", y, true);
                }
                file(running, part, lead, officer, "FINAL", null, true);
            }
            for (Project.Part part : running.parties()) {
                accept(running, part, n % 2 == 0 ? 3 : 1);
            }
            TandemUser vnLead = users(running.partByCode("VN").orElseThrow());
            outputs.add(project.id(), publication(running, "Results of the joint project " + running.acronym(),
                    "10.5555/tandem.demo." + running.acronym().toLowerCase(), 2024), vnLead);
            outputs.add(project.id(), new Outputs.OutputInput("PROTOTYPE", "Laboratory prototype of " + running.acronym(),
                    null, 2024, null, List.of(), null, null, null, null, null, null, List.of(), null, null, null, null,
                    "Acceptance council's minutes: the prototype was demonstrated at the partner enterprise", true, null,
                    null), vnLead);
            outputs.setTrl(project.id(), 3, 5, vnLead);
        }
    }

    /** The first year of the running call: reports, one returned, one missing; outputs of the demo project. */
    private void firstYearOfRunning(List<Project> awarded) {
        long applicantVn = user("applicant.vn").id();
        // The demo applicants' project first: theirs is the report returned for corrections.
        List<Project> running = awarded.stream().sorted(java.util.Comparator.comparing(
                (Project p) -> p.ledBy(applicantVn).isEmpty())).toList();
        for (int i = 0; i < running.size(); i++) {
            Project p = projects.get(running.get(i).id());
            for (Project.Part part : p.parties()) {
                boolean missing = i == running.size() - 1 && part.partyCode().equals("RU");
                if (missing) {
                    continue; // the overdue one: no first annual report from this team
                }
                TandemUser lead = users(part);
                TandemUser officer = user("officer." + part.partyCode().toLowerCase());
                Reports.Report r = file(p, part, lead, officer, "ANNUAL", 1, false);
                boolean returned = i == 0 && part.partyCode().equals("VN");
                if (returned) {
                    reports.decide(r.id(), false, "Please add the spending on equipment in 2025 and attach the "
                            + "minutes of the exchange visit to Novosibirsk.", officer);
                } else if (i % 3 != 2) {
                    reports.decide(r.id(), true, null, officer);
                }
            }
        }
        if (running.isEmpty()) {
            return;
        }
        Project demo = projects.get(running.get(0).id());
        TandemUser vnLead = users(demo.partByCode("VN").orElseThrow());
        Project.Part vn = demo.partByCode("VN").orElseThrow();
        Project.Part ru = demo.partByCode("RU").orElseThrow();
        outputs.add(demo.id(), new Outputs.OutputInput("PUBLICATION",
                "Joint learning of sensor drift across tropical and continental monitoring networks",
                "10.5555/tandem.demo.2025.0001", 2025, "Journal of Applied Data Science", List.of(vn.piName(),
                ru.piName(), vn.members().get(vn.members().size() - 1)), null, null, null, null, null, null, null,
                null, null, null, null, "Accepted manuscript in the repository of the host university", true, null, null),
                vnLead);
        outputs.add(demo.id(), new Outputs.OutputInput("PATENT",
                "Method for self-calibrating low-cost water-quality sensors", null, 2025, null, List.of(), null,
                "1-2025-04321", "VN", LocalDate.of(2025, 9, 12), null, "APPLIED",
                List.of(vn.hostOrganisation(), ru.hostOrganisation()), null, null, null, null,
                "Filing receipt of the Intellectual Property Office of Viet Nam", true, null, null), vnLead);
        outputs.add(demo.id(), new Outputs.OutputInput("TRAINING", "Master's thesis on sensor calibration", null, 2025,
                null, List.of(), null, null, null, null, null, null, List.of(), "MASTER", "VN", "FEMALE", null,
                "Thesis defended at the host university", false, null, null), vnLead);
        outputs.setTrl(demo.id(), 3, 4, vnLead);
    }

    /**
     * The party's acceptance council: unconflicted experts of its pool grade each promised
     * product; mostly Satisfactory, Excellent on quality where the project published jointly.
     */
    private void accept(Project p, Project.Part part, int size) {
        TandemUser officer = user("officer." + part.partyCode().toLowerCase());
        List<Long> members = acceptance.candidates(p.id(), part.partyCode(), officer).stream()
                .filter(c -> c.conflict() == null).limit(size).map(Acceptance.Candidate::personId).toList();
        Acceptance.Council council = acceptance.form(p.id(), part.partyCode(), members,
                List.of("Joint scientific report", "Articles in international journals", "Laboratory prototype"), officer);
        for (int m = 0; m < members.size(); m++) {
            Map<Long, Map<AcceptanceRule.Criterion, AcceptanceRule.Grade>> grades = new LinkedHashMap<>();
            for (Acceptance.Product product : council.products()) {
                Map<AcceptanceRule.Criterion, AcceptanceRule.Grade> g = new java.util.EnumMap<>(AcceptanceRule.Criterion.class);
                for (AcceptanceRule.Criterion c : AcceptanceRule.Criterion.values()) {
                    boolean excellent = (product.position() + m + c.ordinal()) % 4 == 0;
                    g.put(c, excellent ? AcceptanceRule.Grade.EXCELLENT : AcceptanceRule.Grade.SATISFACTORY);
                }
                grades.put(product.id(), g);
            }
            acceptance.grade(council.id(), members.get(m), grades, officer);
        }
        acceptance.conclude(council.id(), officer);
    }

    private Reports.Report file(Project p, Project.Part part, TandemUser lead, TandemUser officer, String kind,
                                Integer year, boolean accept) {
        List<Reports.SpendingInput> spending = new ArrayList<>();
        for (Project.BudgetItem b : part.budget()) {
            boolean covered = "FINAL".equals(kind) || b.year() == year;
            if (covered) {
                // Teams spend a little under plan; equipment is bought in the first year.
                BigDecimal spent = b.amount().multiply(new BigDecimal("0.93")).setScale(0, RoundingMode.DOWN);
                spending.add(new Reports.SpendingInput(b.year(), b.category(), spent));
            }
        }
        String scientific = "FINAL".equals(kind)
                ? "All work packages were completed. The joint results were published and presented at the "
                        + "Vietnam–Russia science and industry forum; the prototype was handed over to the partner enterprise."
                : "Work package 1 was completed as planned: data were collected at both sites and exchanged. "
                        + "Two exchange visits took place; a joint paper was submitted.";
        Reports.Report r = reports.submit(p.id(), new Reports.ReportInput(kind, year, scientific,
                "Spending follows the plan; small savings on travel.", spending), lead);
        if (accept) {
            return reports.decide(r.id(), true, null, officer);
        }
        return r;
    }

    private Outputs.OutputInput publication(Project p, String title, String doi, int year) {
        Project.Part vn = p.partByCode("VN").orElseThrow();
        Project.Part ru = p.partByCode("RU").orElseThrow();
        return new Outputs.OutputInput("PUBLICATION", title + ": " + p.title(), doi, year, "Materials and Energy Letters",
                List.of(vn.piName(), ru.piName()), null, null, null, null, null, null, null, null, null, null, null,
                "Open access version at the publisher", true, null, null);
    }

    private TandemUser users(Project.Part part) {
        return (TandemUser) users.loadUserByUsername(accounts.get(part.piUserId()).username());
    }

    private TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    private static List<BudgetLine> budget(int years, long base, long spread, Random random, long rounding) {
        List<BudgetLine> lines = new ArrayList<>();
        long perYear = (base + (long) (random.nextDouble() * spread)) / years;
        Map<String, Integer> shares = new LinkedHashMap<>();
        shares.put("personnel", 60);
        shares.put("equipment", 25);
        shares.put("travel", 15);
        for (int y = 1; y <= years; y++) {
            for (var share : shares.entrySet()) {
                lines.add(new BudgetLine(y, share.getKey(),
                        BigDecimal.valueOf(perYear * share.getValue() / 100 / rounding * rounding)));
            }
        }
        return lines;
    }
}
