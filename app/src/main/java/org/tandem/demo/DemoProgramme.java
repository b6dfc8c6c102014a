package org.tandem.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.Accounts.NewGrant;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Role;
import org.tandem.programme.CallBudget;
import org.tandem.programme.CallInput;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import org.tandem.programme.Party;
import org.tandem.programme.PlanBudget;
import org.tandem.programme.PlanInput;
import org.tandem.programme.PriorityField;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * The demo: the Vietnam–Russia Joint Research Programme 2026–2035 with ten annual plans, a call
 * open now and one upcoming, and one account per role and party (password "demo"). Created once;
 * later starts keep whatever was entered since. Runs only in demo mode.
 */
@Component
@Order(10)
public class DemoProgramme implements ApplicationRunner {

    public static final String CODE = "VN-RU-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);

    private final TandemSettings settings;
    private final Programmes programmes;
    private final Calls calls;
    private final Accounts accounts;

    DemoProgramme(TandemSettings settings, Programmes programmes, Calls calls, Accounts accounts) {
        this.settings = settings;
        this.programmes = programmes;
        this.calls = calls;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        Programme programme = programmes.byCode(CODE).orElseGet(this::createProgramme);
        createAccounts(programme);
    }

    private Programme createProgramme() {
        log.info("Creating the demo programme {}", CODE);
        Programme programme = programmes.create(new Programme(CODE,
                new LocalizedText("Vietnam–Russia Joint Research Programme 2026–2035",
                        "Chương trình nghiên cứu chung Việt Nam – Nga 2026–2035",
                        "Совместная исследовательская программа Вьетнам – Россия 2026–2035"),
                new LocalizedText(
                        "Joint selection and mirror funding of bilateral research projects in priority fields, "
                                + "with a plan for every year of the decade.",
                        "Tuyển chọn chung và tài trợ song song các dự án nghiên cứu song phương trong các lĩnh vực "
                                + "ưu tiên, với kế hoạch cho từng năm của thập kỷ.",
                        "Совместный отбор и зеркальное финансирование двусторонних исследовательских проектов "
                                + "в приоритетных областях с планом на каждый год десятилетия."),
                2026, 2035, List.of("en", "vi", "ru"),
                List.of(new Party("VN", "VN", new LocalizedText("Ministry of Science and Technology of Viet Nam",
                                "Bộ Khoa học và Công nghệ", "Министерство науки и технологий Вьетнама"),
                                "VND", "Asia/Ho_Chi_Minh", 0),
                        new Party("RU", "RU", new LocalizedText("Ministry of Science and Higher Education of the Russian Federation",
                                "Bộ Khoa học và Giáo dục đại học Liên bang Nga",
                                "Министерство науки и высшего образования Российской Федерации"),
                                "RUB", "Europe/Moscow", 1)),
                List.of(field("IT", "Information technology", "Công nghệ thông tin", "Информационные технологии", 0,
                                "1.2", "2.2"),
                        field("AI", "Artificial intelligence", "Trí tuệ nhân tạo", "Искусственный интеллект", 1,
                                "1.2", "1.1"),
                        field("MAT", "New materials", "Vật liệu mới", "Новые материалы", 2, "2.5", "2.10", "1.4"),
                        field("ENERGY", "Renewable energy", "Năng lượng tái tạo", "Возобновляемая энергетика", 3,
                                "2.2", "2.7", "2.3"),
                        field("LIFE", "Life sciences", "Khoa học sự sống", "Науки о жизни", 4,
                                "1.6", "3.1", "3.4", "2.9"))), "system");
        Party vn = programme.partyByCode("VN").orElseThrow();
        Party ru = programme.partyByCode("RU").orElseThrow();

        for (int year = 2026; year <= 2035; year++) {
            int step = year - 2026;
            // Budgets grow about 5% a year, as the agreement foresees a growing programme.
            BigDecimal vnd = BigDecimal.valueOf(30_000_000_000L).multiply(BigDecimal.valueOf(Math.pow(1.05, step)))
                    .setScale(-8, java.math.RoundingMode.HALF_UP).setScale(2);
            BigDecimal rub = BigDecimal.valueOf(150_000_000L).multiply(BigDecimal.valueOf(Math.pow(1.05, step)))
                    .setScale(-5, java.math.RoundingMode.HALF_UP).setScale(2);
            Set<String> fields = year % 2 == 0 ? Set.of("IT", "AI", "MAT", "ENERGY", "LIFE") : Set.of("AI", "MAT", "ENERGY");
            programmes.savePlan(programme.getId(), year, null, new PlanInput(8 + step, LocalDate.of(year, 2, 1),
                    LocalDate.of(year, 4, 30), List.of(new PlanBudget(vn.getId(), vnd, "VND"),
                    new PlanBudget(ru.getId(), rub, "RUB")), fields), null, true);
        }

        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // Deadlines at 10:00 UTC: 17:00 in Hanoi and 13:00 in Moscow, working hours on both sides.
        Instant today10 = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
        calls.createApproved(programme.getId(), new CallInput(2026,
                new LocalizedText("Joint call 2026: AI and information technology for society",
                        "Đợt gọi chung 2026: Trí tuệ nhân tạo và công nghệ thông tin vì xã hội",
                        "Совместный конкурс 2026: искусственный интеллект и информационные технологии для общества"),
                new LocalizedText(
                        "Joint research projects by one Vietnamese and one Russian team in AI, IT and new materials. "
                                + "Each agency funds its own team. Proposals are written in English.",
                        "Dự án nghiên cứu chung của một nhóm Việt Nam và một nhóm Nga về trí tuệ nhân tạo, công nghệ "
                                + "thông tin và vật liệu mới. Mỗi cơ quan tài trợ cho nhóm của mình. Hồ sơ viết bằng tiếng Anh.",
                        "Совместные исследовательские проекты одного вьетнамского и одного российского коллектива "
                                + "в области ИИ, ИТ и новых материалов. Каждое ведомство финансирует свой коллектив. "
                                + "Заявки подаются на английском языке."),
                now.minus(Duration.ofDays(14)), today10.plus(Duration.ofDays(30)), 24, 36,
                Set.of("IT", "AI", "MAT"),
                List.of(new CallBudget(vn.getId(), new BigDecimal("24000000000.00"), new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(ru.getId(), new BigDecimal("120000000.00"), new BigDecimal("15000000.00"), "RUB"))),
                "system");
        calls.createApproved(programme.getId(), new CallInput(2027,
                new LocalizedText("Joint call 2027: renewable energy and life sciences",
                        "Đợt gọi chung 2027: Năng lượng tái tạo và khoa học sự sống",
                        "Совместный конкурс 2027: возобновляемая энергетика и науки о жизни"),
                new LocalizedText(
                        "Joint projects on solar, wind and storage technologies and on biomedicine.",
                        "Các dự án chung về công nghệ năng lượng mặt trời, gió, lưu trữ và y sinh học.",
                        "Совместные проекты в области солнечной и ветровой энергетики, накопителей и биомедицины."),
                today10.plus(Duration.ofDays(60)), today10.plus(Duration.ofDays(150)), 24, 36,
                Set.of("ENERGY", "LIFE"),
                List.of(new CallBudget(vn.getId(), new BigDecimal("25000000000.00"), new BigDecimal("3000000000.00"), "VND"),
                        new CallBudget(ru.getId(), new BigDecimal("125000000.00"), new BigDecimal("15000000.00"), "RUB"))),
                "system");
        return programme;
    }

    private void createAccounts(Programme programme) {
        long pid = programme.getId();
        Long vn = programme.partyByCode("VN").orElseThrow().getId();
        Long ru = programme.partyByCode("RU").orElseThrow().getId();
        accounts.ensureDemoAccount("admin", "Administrator", "en", List.of(new NewGrant(Role.ADMINISTRATOR, null, null)));
        accounts.ensureDemoAccount("officer.vn", "Trần Thị Hương", "vi",
                List.of(new NewGrant(Role.PROGRAMME_OFFICER, pid, vn)));
        accounts.ensureDemoAccount("officer.ru", "Ольга Смирнова", "ru",
                List.of(new NewGrant(Role.PROGRAMME_OFFICER, pid, ru)));
        accounts.ensureDemoAccount("applicant.vn", "Nguyễn Văn An", "vi", List.of(new NewGrant(Role.APPLICANT, pid, vn)));
        accounts.ensureDemoAccount("applicant.ru", "Сергей Иванов", "ru", List.of(new NewGrant(Role.APPLICANT, pid, ru)));
        accounts.ensureDemoAccount("expert.vn", "Lê Minh Tuấn", "vi", List.of(new NewGrant(Role.EXPERT, null, null)));
        accounts.ensureDemoAccount("expert.ru", "Дмитрий Кузнецов", "ru", List.of(new NewGrant(Role.EXPERT, null, null)));
        accounts.ensureDemoAccount("committee.vn", "Phạm Quốc Bảo", "vi",
                List.of(new NewGrant(Role.COMMITTEE_MEMBER, pid, vn)));
        accounts.ensureDemoAccount("committee.ru", "Анна Петрова", "ru",
                List.of(new NewGrant(Role.COMMITTEE_MEMBER, pid, ru)));
        accounts.ensureDemoAccount("analyst", "Analyst", "en", List.of(new NewGrant(Role.ANALYST, null, null)));
        accounts.ensureDemoAccount("innovation", "Innovation Centre", "en",
                List.of(new NewGrant(Role.INNOVATION_STAFF, null, null)));
    }

    static PriorityField field(String code, String en, String vi, String ru, int pos, String... fos) {
        return new PriorityField(code, new LocalizedText(en, vi, ru), pos, Set.of(fos));
    }
}
