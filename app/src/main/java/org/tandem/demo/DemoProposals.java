package org.tandem.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.CallStatus;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.proposal.BudgetLine;
import org.tandem.proposal.Proposal;
import org.tandem.proposal.ProposalContent;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.proposal.Proposals;
import org.tandem.proposal.TeamInvitations;
import org.tandem.proposal.TeamContent;

/**
 * Demo proposals: a closed pilot call with 40 submitted joint proposals across the five
 * priority fields (for review and selection to work on), and a draft of the demo applicants
 * in the open call. Deterministic: the same data on every fresh start.
 */
@Component
@Order(20)
public class DemoProposals implements ApplicationRunner {

    public static final String PILOT_TITLE = "Pilot joint call 2026: all priority fields";
    /** Closed long ago and reviewed by both parties (see the review module's demo): the committee's call. */
    public static final String REVIEWED_TITLE = "First joint call 2026: AI, materials and energy";
    private static final Logger log = LoggerFactory.getLogger(DemoProposals.class);

    private final TandemSettings settings;
    private final Programmes programmes;
    private final Calls calls;
    private final Proposals proposals;
    private final ProposalSubmissions submissions;
    private final TeamInvitations invitations;
    private final UserDetailsService users;

    DemoProposals(TandemSettings settings, Programmes programmes, Calls calls, Proposals proposals,
                  ProposalSubmissions submissions, TeamInvitations invitations,
                  UserDetailsService users) {
        this.settings = settings;
        this.programmes = programmes;
        this.calls = calls;
        this.proposals = proposals;
        this.submissions = submissions;
        this.invitations = invitations;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        Programme programme = programmes.byCode(DemoProgramme.CODE).orElse(null);
        if (programme == null || calls.ofProgramme(programme.getId()).stream()
                .anyMatch(c -> PILOT_TITLE.equals(c.getTitle().getEn()))) {
            return;
        }
        log.info("Creating the demo pilot call with 40 submitted proposals");
        Party vn = programme.partyByCode("VN").orElseThrow();
        Party ru = programme.partyByCode("RU").orElseThrow();
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
        Instant opened = today.minus(Duration.ofDays(120));
        Instant closed = today.minus(Duration.ofDays(30));
        Call pilot = calls.createApproved(programme.getId(), new CallInput(2026,
                new LocalizedText(PILOT_TITLE, "Đợt gọi chung thí điểm 2026: tất cả lĩnh vực ưu tiên",
                        "Пилотный совместный конкурс 2026: все приоритетные направления"),
                new LocalizedText("The pilot call of the programme, open to joint projects in every priority field.",
                        "Đợt gọi thí điểm của chương trình, dành cho các dự án chung thuộc mọi lĩnh vực ưu tiên.",
                        "Пилотный конкурс программы для совместных проектов по всем приоритетным направлениям."),
                opened, closed, 24, 36, Set.of("IT", "AI", "MAT", "ENERGY", "LIFE"),
                List.of(new CallBudget(vn.getId(), new BigDecimal("24000000000.00"), new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(ru.getId(), new BigDecimal("120000000.00"), new BigDecimal("15000000.00"), "RUB"))),
                "system");
        Random random = new Random(2026);
        List<String[]> topics = DemoTopics.ALL;
        for (int i = 0; i < topics.size(); i++) {
            String[] t = topics.get(i);
            String field = t[0];
            int years = 2 + random.nextInt(2);
            List<BudgetLine> vnBudget = budget(years, 2_000_000_000L, 900_000_000L, random, 1_000_000L);
            List<BudgetLine> ruBudget = budget(years, 9_000_000L, 5_500_000L, random, 10_000L);
            String vnOrg = DemoTopics.VN_ORGS[random.nextInt(DemoTopics.VN_ORGS.length)];
            String ruOrg = DemoTopics.RU_ORGS[random.nextInt(DemoTopics.RU_ORGS.length)];
            String vnPi = DemoTopics.VN_PEOPLE[i % DemoTopics.VN_PEOPLE.length];
            String ruPi = DemoTopics.RU_PEOPLE[(i * 7) % DemoTopics.RU_PEOPLE.length];
            ProposalContent content = new ProposalContent(t[1], t[2], t[3], List.of(t[4].split(";\\s*")),
                    List.of(field), years * 12, "WP1 (months 1–12): methods and data. WP2: joint experiments and "
                    + "exchange visits. WP3: validation, publications and technology transfer.",
                    null, null, null, null,
                    List.of(new TeamContent("VN", vnOrg, vnPi, null, List.of(vnPi), vnBudget, null),
                            new TeamContent("RU", ruOrg, ruPi, null, List.of(ruPi), ruBudget, null)));
            submissions.importSubmitted(pilot.getId(), content, Map.of(),
                    closed.minus(Duration.ofHours(1 + random.nextInt(24 * 20))), systemUser());
        }

        createReviewedCall(programme, vn, ru, today);

        Call open = calls.openAndUpcoming().stream()
                .filter(c -> c.getProgrammeId().equals(programme.getId()) && c.status(calls.now()) == CallStatus.OPEN)
                .findFirst().orElse(null);
        if (open != null) {
            TandemUser vnPi = (TandemUser) users.loadUserByUsername("applicant.vn");
            TandemUser ruPi = (TandemUser) users.loadUserByUsername("applicant.ru");
            Proposal draft = proposals.create(open.getId(), new ProposalContent("AIMED",
                    "Explainable AI for medical imaging in low-resource hospitals",
                    "We develop explainable deep-learning models for chest X-ray triage that run on the modest "
                            + "hardware of district hospitals in Viet Nam and Siberia.",
                    List.of("explainable AI", "medical imaging", "edge computing"), List.of("AI"), 36, null,
                    null, null, null, null,
                    List.of(new TeamContent("VN", "Hanoi University of Science and Technology", "Nguyễn Văn An",
                            "applicant.vn@demo.tandem.example", List.of("Nguyễn Văn An", "Trần Minh Đức"),
                            List.of(new BudgetLine(1, "personnel", new BigDecimal("900000000")),
                                    new BudgetLine(2, "personnel", new BigDecimal("900000000"))),
                            "Ask the faculty about co-funding for the GPU server."))), vnPi);
            String token = invitations.invite(draft.getId(), "RU", "applicant.ru@demo.tandem.example", vnPi);
            invitations.accept(token, ruPi);
        }
    }

    /**
     * The 2025 call: 20 proposals in three fields, smaller budgets so that a funding line falls
     * inside the list. Its first proposal is led by the demo applicants, who later read its decision.
     */
    private void createReviewedCall(Programme programme, Party vn, Party ru, Instant today) {
        Instant opened = today.minus(Duration.ofDays(300));
        Instant closed = today.minus(Duration.ofDays(200));
        Call call = calls.createApproved(programme.getId(), new CallInput(2026,
                new LocalizedText(REVIEWED_TITLE, "Đợt gọi chung đầu tiên 2026: AI, vật liệu và năng lượng",
                        "Первый совместный конкурс 2026: ИИ, материалы и энергетика"),
                new LocalizedText("Joint projects in artificial intelligence, new materials and renewable energy.",
                        "Các dự án chung về trí tuệ nhân tạo, vật liệu mới và năng lượng tái tạo.",
                        "Совместные проекты в области искусственного интеллекта, новых материалов и возобновляемой энергетики."),
                opened, closed, 24, 36, Set.of("AI", "MAT", "ENERGY"),
                List.of(new CallBudget(vn.getId(), new BigDecimal("15000000000.00"), new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(ru.getId(), new BigDecimal("80000000.00"), new BigDecimal("15000000.00"), "RUB"))),
                "system");
        Random random = new Random(2025);
        long applicantVn = ((TandemUser) users.loadUserByUsername("applicant.vn")).id();
        long applicantRu = ((TandemUser) users.loadUserByUsername("applicant.ru")).id();
        List<String[]> topics = DemoTopics.ALL.stream().filter(t -> Set.of("AI", "MAT", "ENERGY").contains(t[0])).toList();
        for (int i = 0; i < Math.min(20, topics.size()); i++) {
            String[] t = topics.get(i);
            int years = 2 + random.nextInt(2);
            String vnOrg = DemoTopics.VN_ORGS[random.nextInt(DemoTopics.VN_ORGS.length)];
            String ruOrg = DemoTopics.RU_ORGS[random.nextInt(DemoTopics.RU_ORGS.length)];
            boolean demoPis = i == 0;
            String vnPi = demoPis ? "Nguyễn Văn An" : DemoTopics.VN_PEOPLE[(i * 3 + 1) % DemoTopics.VN_PEOPLE.length];
            String ruPi = demoPis ? "Сергей Иванов" : DemoTopics.RU_PEOPLE[(i * 5 + 2) % DemoTopics.RU_PEOPLE.length];
            ProposalContent content = new ProposalContent(t[1] + "-25", t[2], t[3], List.of(t[4].split(";\\s*")),
                    List.of(t[0]), years * 12, "WP1: methods and data. WP2: joint experiments and exchange visits. "
                    + "WP3: validation, publications and technology transfer.", null, null, null, null,
                    List.of(new TeamContent("VN", demoPis ? "Hanoi University of Science and Technology" : vnOrg, vnPi, null,
                                    List.of(vnPi), budget(years, 1_500_000_000L, 1_200_000_000L, random, 1_000_000L), null),
                            new TeamContent("RU", demoPis ? "Novosibirsk State University" : ruOrg, ruPi, null,
                                    List.of(ruPi), budget(years, 8_000_000L, 6_000_000L, random, 10_000L), null)));
            submissions.importSubmitted(call.getId(), content,
                    demoPis ? Map.of(vn.getId(), applicantVn, ru.getId(), applicantRu) : Map.of(),
                    closed.minus(Duration.ofHours(1 + random.nextInt(24 * 20))), systemUser());
        }
        calls.startEvaluation(call.getId(), (TandemUser) users.loadUserByUsername("officer.vn"));
    }

    private long systemUser() {
        return ((TandemUser) users.loadUserByUsername("admin")).id();
    }

    private static List<BudgetLine> budget(int years, long base, long spread, Random random, long rounding) {
        List<BudgetLine> lines = new ArrayList<>();
        long total = base + (long) (random.nextDouble() * spread);
        long perYear = total / years;
        for (int y = 1; y <= years; y++) {
            long personnel = perYear * 6 / 10 / rounding * rounding;
            long equipment = perYear * 25 / 100 / rounding * rounding;
            long travel = perYear * 15 / 100 / rounding * rounding;
            lines.add(new BudgetLine(y, "personnel", BigDecimal.valueOf(personnel)));
            lines.add(new BudgetLine(y, "equipment", BigDecimal.valueOf(equipment)));
            lines.add(new BudgetLine(y, "travel", BigDecimal.valueOf(travel)));
        }
        return lines;
    }
}
