package org.tandem.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.innovation.Deals;
import org.tandem.innovation.Forums;
import org.tandem.innovation.Profile;
import org.tandem.innovation.ProfileInput;
import org.tandem.innovation.Profiles;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.Accounts;
import org.tandem.platform.security.Accounts.NewGrant;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;

/**
 * The Innovation Centre's demo: offers drafted from the joint projects' results (owned by the
 * project leads), requests from Vietnamese and Russian enterprises, deals at every stage, and a
 * forum of 60 participants whose agenda the engine computed.
 */
@Component
@Order(40)
class DemoInnovation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInnovation.class);
    static final int FORUM_PARTICIPANTS = 60;

    private final TandemSettings settings;
    private final Profiles profiles;
    private final Deals deals;
    private final Forums forums;
    private final Accounts accounts;
    private final UserDetailsService users;
    private final Clock clock;

    DemoInnovation(TandemSettings settings, Profiles profiles, Deals deals, Forums forums, Accounts accounts,
                   UserDetailsService users, Clock clock) {
        this.settings = settings;
        this.profiles = profiles;
        this.deals = deals;
        this.forums = forums;
        this.accounts = accounts;
        this.users = users;
        this.clock = clock;
    }

    private TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    private ProfileInput profile(Profile.ProfileType type, String title, String summary, String description, int trl,
                                 Profile.IpStatus ip, String patents, List<String> partnerships, List<String> countries,
                                 String sector, List<String> keywords, String fos, String organisation, String vi, String ru) {
        LocalDate expiry = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusMonths(12);
        return new ProfileInput(type.name(), "en", title, summary, description, null, trl, ip.name(), patents,
                partnerships, null, countries, List.of(sector), keywords, List.of(fos), expiry.toString(), organisation,
                null, Map.of("vi", new Profile.Translation(vi, null, null), "ru", new Profile.Translation(ru, null, null)));
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled() || profiles.count() > 0) {
            return;
        }
        log.info("Seeding the Innovation Centre demo");
        accounts.ensureDemoAccount("enterprise.vn", "Đỗ Thị Mai", "vi", List.of(new NewGrant(Role.VISITOR, null, null)));
        accounts.ensureDemoAccount("enterprise.ru", "Игорь Волков", "ru", List.of(new NewGrant(Role.VISITOR, null, null)));
        TandemUser staff = user("innovation");
        TandemUser leadVn = user("applicant.vn");
        TandemUser leadRu = user("applicant.ru");
        TandemUser entVn = user("enterprise.vn");
        TandemUser entRu = user("enterprise.ru");
        var O = Profile.ProfileType.TECHNOLOGY_OFFER;
        var R = Profile.ProfileType.TECHNOLOGY_REQUEST;
        List<Long> offers = new ArrayList<>();
        offers.add(publish(profile(O, "Biochar from rice straw for acid soils",
                "A low-cost pyrolysis unit turns rice straw into biochar that raises the pH and water retention of acid soils.",
                "Developed in a joint project on sustainable agriculture: a mobile pyrolysis reactor of 200 kg per hour, "
                        + "field-tested on acid sulphate soils of the Mekong delta with yield gains of 12 to 18 percent.",
                6, Profile.IpStatus.PATENT_APPLIED, "VN1-2025-04417", List.of("LICENCE", "TECHNICAL_COOPERATION"),
                List.of("VN", "RU"), "agriculture", List.of("biochar", "rice straw", "soil"), "4.1",
                "Vietnam Academy of Agricultural Sciences", "Than sinh học từ rơm rạ cho đất chua",
                "Биоуголь из рисовой соломы для кислых почв"), leadVn, staff));
        offers.add(publish(profile(O, "Flood forecasting with low-cost river sensors",
                "A network of solar-powered water-level sensors and a hydrological model forecasts floods 48 hours ahead.",
                "Result of a joint project on climate adaptation: ultrasonic water-level sensors with LoRa links and a "
                        + "data-assimilating hydrological model; operated on two river basins for two seasons.",
                7, Profile.IpStatus.COPYRIGHT, null, List.of("LICENCE", "COMMERCIAL_WITH_ASSISTANCE"), List.of("VN", "RU"),
                "environment", List.of("flood", "sensor", "forecasting"), "1.5", "Hanoi University of Science and Technology",
                "Dự báo lũ bằng cảm biến sông giá rẻ", "Прогноз паводков с недорогими речными датчиками"), leadVn, staff));
        offers.add(publish(profile(O, "Inert anode for low-carbon aluminium smelting",
                "Metal-ceramic inert anodes release oxygen instead of carbon dioxide in aluminium electrolysis.",
                "From a joint materials project: cermet anodes tested for 3,000 hours in a pilot cell at 50 kA; "
                        + "seeking partners for industrial-scale trials.",
                6, Profile.IpStatus.PATENT_GRANTED, "RU2791046C2", List.of("LICENCE", "JOINT_VENTURE"), List.of("RU", "VN"),
                "metallurgy", List.of("aluminium", "inert anode", "electrolysis"), "2.5",
                "Siberian Institute of Non-Ferrous Metals", "Anot trơ cho luyện nhôm phát thải thấp",
                "Инертный анод для низкоуглеродного производства алюминия"), leadRu, staff));
        offers.add(publish(profile(O, "Technetium-99m generator for regional hospitals",
                "A compact generator supplies the medical isotope technetium-99m to hospitals far from a reactor.",
                "Developed in a joint nuclear medicine project: a column generator with 7-day shelf life and automated "
                        + "elution, validated in two hospitals.",
                8, Profile.IpStatus.SECRET_KNOW_HOW, null, List.of("LICENCE", "INVESTMENT"), List.of("RU", "VN"),
                "health", List.of("isotope", "nuclear medicine", "technetium"), "3.2",
                "Tomsk Polytechnic University", "Máy phát Tc-99m cho bệnh viện tuyến tỉnh",
                "Генератор технеция-99m для региональных больниц"), leadRu, staff));
        List<Long> requests = new ArrayList<>();
        requests.add(publish(profile(R, "Soil improvement for acid rice fields",
                "A rice producer seeks a proven technology to improve acid soils using farm residues such as straw.",
                "We farm 3,000 hectares in the Mekong delta and look for a licence or technical co-operation to turn "
                        + "rice straw into a soil amendment.",
                5, Profile.IpStatus.NONE, null, List.of("LICENCE", "TECHNICAL_COOPERATION"), List.of("VN"), "agriculture",
                List.of("soil", "rice straw"), "4.1", "Mekong Rice Cooperative", "Cải tạo đất ruộng lúa chua",
                "Улучшение кислых рисовых почв"), entVn, staff));
        requests.add(publish(profile(R, "Early warning of river floods for a hydropower cascade",
                "A hydropower operator needs flood forecasts two days ahead from sensors along the river.",
                "Our cascade of three dams needs water-level sensors and a forecasting model integrated with the dispatch "
                        + "centre; commercial agreement with technical assistance preferred.",
                6, Profile.IpStatus.NONE, null, List.of("COMMERCIAL_WITH_ASSISTANCE"), List.of("VN", "RU"), "energy",
                List.of("flood", "forecasting", "hydropower"), "2.7", "Song Da Hydropower JSC",
                "Cảnh báo sớm lũ cho bậc thang thủy điện", "Раннее предупреждение паводков для каскада ГЭС"), entVn, staff));
        requests.add(publish(profile(R, "Low-carbon aluminium technology for a new smelter",
                "A metals company seeks electrolysis technology that cuts carbon emissions of aluminium production.",
                "For a planned smelter we seek a licence or a joint venture on inert anodes or other low-carbon electrolysis.",
                6, Profile.IpStatus.NONE, null, List.of("LICENCE", "JOINT_VENTURE"), List.of("RU"), "metallurgy",
                List.of("aluminium", "electrolysis"), "2.5", "Ural Light Metals", "Công nghệ nhôm phát thải thấp",
                "Низкоуглеродная технология алюминия"), entRu, staff));
        requests.add(publish(profile(Profile.ProfileType.RD_REQUEST, "Research partner for tropical battery ageing",
                "A battery maker seeks a research partner to study lithium battery ageing in hot and humid climates.",
                "Joint research on accelerated ageing tests at 40 °C and 90 % humidity for storage batteries.",
                3, Profile.IpStatus.NONE, null, List.of("RESEARCH_COOPERATION"), List.of("VN", "RU"), "energy",
                List.of("battery", "ageing"), "2.4", "Baltic Energy Storage", "Đối tác nghiên cứu lão hóa pin nhiệt đới",
                "Партнёр для исследований старения батарей в тропиках"), entRu, staff));
        // Deals at every stage.
        long d1 = deals.express(offers.get(0), "We would license the reactor for our cooperative.", "Mekong Rice Cooperative", entVn).id();
        deals.accept(d1, leadVn);
        deals.move(d1, "nda", new Deals.StageInput(null, "Mutual NDA", "NDA-biochar.pdf", null, null, null), staff);
        deals.move(d1, "negotiate", new Deals.StageInput(null, null, null, "1500000000", "VND", null), staff);
        deals.move(d1, "agree", new Deals.StageInput(null, "Five-year licence", "LIC-biochar.pdf", "1800000000", "VND", "LICENCE"), staff);
        long d2 = deals.express(offers.get(1), "Our dispatch centre needs exactly this.", "Song Da Hydropower JSC", entVn).id();
        deals.accept(d2, leadVn);
        deals.move(d2, "nda", new Deals.StageInput(null, null, "NDA-flood.pdf", null, null, null), staff);
        long d3 = deals.express(offers.get(2), "We plan a smelter and would discuss a joint venture.", "Ural Light Metals", entRu).id();
        deals.accept(d3, leadRu);
        deals.move(d3, "negotiate", new Deals.StageInput(null, null, null, "250000000", "RUB", null), staff);
        long d4 = deals.express(offers.get(3), "Could the generator serve hospitals in central Vietnam?", "Hue Central Hospital", entVn).id();
        deals.accept(d4, leadRu);
        deals.express(offers.get(2), "Interested in the anode materials for research.", "Hanoi Materials Lab", leadVn);
        long d6 = deals.express(requests.get(3), "We test batteries in humid chambers.", "Tomsk Battery Lab", leadRu).id();
        deals.move(d6, "close", new Deals.StageInput(null, "The requester chose another partner.", null, null, null, null), staff);
        seedForum(staff);
    }

    private long publish(ProfileInput in, TandemUser owner, TandemUser staff) {
        Profile p = profiles.create(in, owner);
        profiles.submit(p.id(), owner);
        profiles.publish(p.id(), staff);
        return p.id();
    }

    private void seedForum(TandemUser staff) {
        Instant start = clock.instant().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS);
        List<Forums.NewSlot> slots = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            slots.add(new Forums.NewSlot(start.plus(30L * i, ChronoUnit.MINUTES), 25, 20));
        }
        Forums.Forum forum = forums.create("Vietnam–Russia Science and Industry Forum", "Hanoi, National Convention Centre",
                slots, staff);
        List<TandemUser> people = new ArrayList<>(List.of(user("applicant.vn"), user("applicant.ru"), user("enterprise.vn"),
                user("enterprise.ru")));
        String[] cities = {"Hà Nội", "Đà Nẵng", "TP Hồ Chí Minh", "Hải Phòng", "Москва", "Новосибирск", "Томск", "Казань"};
        for (int i = people.size(); i < FORUM_PARTICIPANTS; i++) {
            String name = String.format("forum.%02d", i + 1);
            accounts.ensureDemoAccount(name, "Forum participant " + (i + 1), i % 2 == 0 ? "vi" : "ru",
                    List.of(new NewGrant(Role.VISITOR, null, null)));
            people.add(user(name));
        }
        List<Forums.Participant> registered = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            registered.add(forums.register(forum.id(), "Company " + (i + 1) + ", " + cities[i % cities.length],
                    4 + i % 5, people.get(i)));
        }
        Random random = new Random(14);
        for (int i = 0; i < people.size(); i++) {
            for (int k = 0; k < 6; k++) {
                Forums.Participant target = registered.get(random.nextInt(registered.size()));
                if (target.id() != registered.get(i).id()) {
                    forums.wish(forum.id(), target.id(), 1 + random.nextInt(3), people.get(i));
                }
            }
        }
        Forums.Outcome o = forums.computeAgenda(forum.id(), staff);
        log.info("Demo forum: {} meetings, weight {} of at most {}", o.meetings(), o.weight(), o.upperBound());
    }
}
