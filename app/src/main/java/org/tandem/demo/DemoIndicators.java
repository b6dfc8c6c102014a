package org.tandem.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.tandem.indicators.IndexRuns;
import org.tandem.indicators.Indicators;
import org.tandem.indicators.Names;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.TandemUser;

/**
 * A PII-style index (the GII's structure: five input pillars, two output pillars, input and
 * output sub-indices) over Vietnam's 34 provinces with clearly synthetic data: published
 * 2023 and 2024 editions (the latter with its rank intervals) and a 2025 draft. Seeded through the indicators
 * module's public service, as an analyst would, once.
 */
@Component
@Order(30)
public class DemoIndicators implements ApplicationRunner {

    public static final String FRAMEWORK = "PII-DEMO";
    public static final int PUBLISHED_YEAR = 2024;
    /** An earlier published edition, so that ranks can be compared across years. */
    public static final int PREVIOUS_YEAR = 2023;
    public static final int DRAFT_YEAR = 2025;
    private static final Logger log = LoggerFactory.getLogger(DemoIndicators.class);

    /** The 34 provinces and centrally run cities since the 2025 merger: code, English, Vietnamese, Russian. */
    static final String[][] PROVINCES = {
            {"HNI", "Ha Noi", "Hà Nội", "Ханой"}, {"HUE", "Hue", "Huế", "Хюэ"},
            {"LCU", "Lai Chau", "Lai Châu", "Лайтяу"}, {"DBN", "Dien Bien", "Điện Biên", "Дьенбьен"},
            {"SLA", "Son La", "Sơn La", "Шонла"}, {"LSN", "Lang Son", "Lạng Sơn", "Лангшон"},
            {"QNH", "Quang Ninh", "Quảng Ninh", "Куангнинь"}, {"THA", "Thanh Hoa", "Thanh Hóa", "Тханьхоа"},
            {"NAN", "Nghe An", "Nghệ An", "Нгеан"}, {"HTH", "Ha Tinh", "Hà Tĩnh", "Хатинь"},
            {"CBG", "Cao Bang", "Cao Bằng", "Каобанг"}, {"TQG", "Tuyen Quang", "Tuyên Quang", "Туенкуанг"},
            {"LCI", "Lao Cai", "Lào Cai", "Лаокай"}, {"TNN", "Thai Nguyen", "Thái Nguyên", "Тхайнгуен"},
            {"PTO", "Phu Tho", "Phú Thọ", "Футхо"}, {"BNH", "Bac Ninh", "Bắc Ninh", "Бакнинь"},
            {"HYN", "Hung Yen", "Hưng Yên", "Хынгйен"}, {"HPG", "Hai Phong", "Hải Phòng", "Хайфон"},
            {"NBH", "Ninh Binh", "Ninh Bình", "Ниньбинь"}, {"QTI", "Quang Tri", "Quảng Trị", "Куангчи"},
            {"DNG", "Da Nang", "Đà Nẵng", "Дананг"}, {"QNI", "Quang Ngai", "Quảng Ngãi", "Куангнгай"},
            {"GLI", "Gia Lai", "Gia Lai", "Зялай"}, {"KHA", "Khanh Hoa", "Khánh Hòa", "Кханьхоа"},
            {"LDG", "Lam Dong", "Lâm Đồng", "Ламдонг"}, {"DLK", "Dak Lak", "Đắk Lắk", "Даклак"},
            {"HCM", "Ho Chi Minh City", "TP. Hồ Chí Minh", "Хошимин"}, {"DNI", "Dong Nai", "Đồng Nai", "Донгнай"},
            {"TNH", "Tay Ninh", "Tây Ninh", "Тэйнинь"}, {"CTO", "Can Tho", "Cần Thơ", "Кантхо"},
            {"VLG", "Vinh Long", "Vĩnh Long", "Виньлонг"}, {"DTP", "Dong Thap", "Đồng Tháp", "Донгтхап"},
            {"CMU", "Ca Mau", "Cà Mau", "Камау"}, {"AGG", "An Giang", "An Giang", "Анзянг"}};

    /** Pillar code, parent sub-index, names (en, vi, ru), then its three indicators: code, English name, unit, direction. */
    static final String[][] PILLARS = {
            {"P1", "INPUT", "Institutions", "Thể chế", "Институты",
                    "P1.1", "Days to register a business", "days", "-1",
                    "P1.2", "Provincial competitiveness score", "points", "1",
                    "P1.3", "Public services online", "%", "1"},
            {"P2", "INPUT", "Human capital and research", "Vốn con người và nghiên cứu", "Человеческий капитал и исследования",
                    "P2.1", "Tertiary enrolment", "%", "1",
                    "P2.2", "Researchers per 10,000 people", "FTE", "1",
                    "P2.3", "R&D expenditure", "% of GRDP", "1"},
            {"P3", "INPUT", "Infrastructure", "Cơ sở hạ tầng", "Инфраструктура",
                    "P3.1", "Households with fixed broadband", "%", "1",
                    "P3.2", "Electricity outages per year", "hours", "-1",
                    "P3.3", "Industrial park occupancy", "%", "1"},
            {"P4", "INPUT", "Market sophistication", "Trình độ thị trường", "Развитость рынка",
                    "P4.1", "Credit to enterprises", "% of GRDP", "1",
                    "P4.2", "Venture deals", "count", "1",
                    "P4.3", "Firms per 1,000 people", "count", "1"},
            {"P5", "INPUT", "Business sophistication", "Trình độ kinh doanh", "Развитость бизнеса",
                    "P5.1", "Firms with R&D activity", "%", "1",
                    "P5.2", "University–industry projects", "count", "1",
                    "P5.3", "Knowledge-intensive employment", "%", "1"},
            {"P6", "OUTPUT", "Knowledge and technology outputs", "Sản phẩm tri thức và công nghệ",
                    "Результаты в области знаний и технологий",
                    "P6.1", "Patent applications per million people", "count", "1",
                    "P6.2", "Scientific articles per million people", "count", "1",
                    "P6.3", "High-tech exports", "% of exports", "1"},
            {"P7", "OUTPUT", "Creative outputs", "Sản phẩm sáng tạo", "Творческие результаты",
                    "P7.1", "Trademark applications per million people", "count", "1",
                    "P7.2", "Creative-industry firms", "%", "1",
                    "P7.3", "Mobile app registrations", "count", "1"}};

    private final TandemSettings settings;
    private final Indicators indicators;
    private final IndexRuns runs;
    private final UserDetailsService users;

    DemoIndicators(TandemSettings settings, Indicators indicators, IndexRuns runs, UserDetailsService users) {
        this.settings = settings;
        this.indicators = indicators;
        this.runs = runs;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled() || indicators.find(FRAMEWORK, PUBLISHED_YEAR).isPresent()) {
            return;
        }
        log.info("Creating the demo index {}", FRAMEWORK);
        TandemUser analyst = (TandemUser) users.loadUserByUsername("analyst");
        for (String[] p : PROVINCES) {
            indicators.defineUnit(p[0], "PROVINCE", new Names(p[1], p[2], p[3]));
        }
        var previous = indicators.createEdition(FRAMEWORK, PREVIOUS_YEAR,
                new Names("Provincial Innovation Index 2023 (synthetic demo data)",
                        "Chỉ số Đổi mới sáng tạo cấp tỉnh 2023 (dữ liệu minh hoạ, không có thật)",
                        "Провинциальный индекс инноваций 2023 (синтетические демонстрационные данные)"), analyst);
        importCsv(previous.id(), PREVIOUS_YEAR, analyst);
        runs.computeNow(previous.id(), analyst);
        indicators.publish(previous.id(), analyst);
        var published = indicators.createEdition(FRAMEWORK, PUBLISHED_YEAR,
                new Names("Provincial Innovation Index 2024 (synthetic demo data)",
                        "Chỉ số Đổi mới sáng tạo cấp tỉnh 2024 (dữ liệu minh hoạ, không có thật)",
                        "Провинциальный индекс инноваций 2024 (синтетические демонстрационные данные)"), analyst);
        importCsv(published.id(), PUBLISHED_YEAR, analyst);
        runs.computeNow(published.id(), analyst);
        runs.uncertaintyNow(published.id(), 500, 2024, analyst);
        indicators.publish(published.id(), analyst);
        var draft = indicators.createEdition(FRAMEWORK, DRAFT_YEAR,
                new Names("Provincial Innovation Index 2025 (synthetic demo data, draft)",
                        "Chỉ số Đổi mới sáng tạo cấp tỉnh 2025 (dữ liệu minh hoạ, bản nháp)",
                        "Провинциальный индекс инноваций 2025 (синтетические данные, черновик)"), analyst);
        importCsv(draft.id(), DRAFT_YEAR, analyst);
    }

    private void importCsv(long editionId, int year, TandemUser analyst) {
        try {
            indicators.importCsv(editionId, stream(meta()), stream(data(year)), analyst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String meta() {
        StringBuilder s = new StringBuilder("Level,iCode,iName,iName_vi,iName_ru,Direction,Weight,Unit,Source,Parent,Type\n");
        for (String[] p : PILLARS) {
            for (int i = 5; i < p.length; i += 4) {
                s.append("1,").append(p[i]).append(",\"").append(p[i + 1]).append("\",,,").append(p[i + 3]).append(",1,\"")
                        .append(p[i + 2]).append("\",Synthetic demo data,").append(p[0]).append(",Indicator\n");
            }
        }
        for (String[] p : PILLARS) {
            s.append("2,").append(p[0]).append(",\"").append(p[2]).append("\",\"").append(p[3]).append("\",\"")
                    .append(p[4]).append("\",,1,,,").append(p[1]).append(",Aggregate\n");
        }
        s.append("3,INPUT,Input sub-index,Chỉ số phụ đầu vào,Субиндекс ресурсов,,1,,,PII,Aggregate\n");
        s.append("3,OUTPUT,Output sub-index,Chỉ số phụ đầu ra,Субиндекс результатов,,1,,,PII,Aggregate\n");
        s.append("4,PII,Provincial Innovation Index,Chỉ số Đổi mới sáng tạo cấp tỉnh,Провинциальный индекс инноваций,,1,,,,Aggregate\n");
        return s.toString();
    }

    /**
     * Invented values: each province has a hidden "capacity" and every indicator follows it with
     * noise, so the index ranks plausibly; a few cells are left empty to show missing data.
     */
    static String data(int year) {
        SplittableRandom random = new SplittableRandom(year);
        StringBuilder s = new StringBuilder("uCode,uName");
        for (String[] p : PILLARS) {
            for (int i = 5; i < p.length; i += 4) {
                s.append(',').append(p[i]);
            }
        }
        s.append('\n');
        for (int u = 0; u < PROVINCES.length; u++) {
            double capacity = 0.15 + 0.85 * Math.pow(random.nextDouble(), 1.5) + (u == 0 || u == 26 ? 0.6 : 0);
            s.append(PROVINCES[u][0]).append(",\"").append(PROVINCES[u][1]).append('"');
            for (String[] p : PILLARS) {
                for (int i = 5; i < p.length; i += 4) {
                    double level = Math.max(0.02, capacity * (0.7 + 0.6 * random.nextDouble()));
                    double v = p[i + 3].equals("-1") ? 100 / (1 + 4 * level) : 100 * level;
                    s.append(',');
                    if (random.nextDouble() >= 0.03) {
                        s.append(String.format(Locale.ROOT, "%.2f", v));
                    }
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** For tests: the demo's indicator codes. */
    public static List<String> indicatorCodes() {
        return java.util.Arrays.stream(PILLARS).flatMap(p -> java.util.stream.IntStream.iterate(5, i -> i < p.length, i -> i + 4)
                .mapToObj(i -> p[i])).toList();
    }
}
