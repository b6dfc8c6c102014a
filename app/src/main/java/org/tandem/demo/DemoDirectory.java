package org.tandem.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.directory.Directory.OrganisationType;
import org.tandem.directory.Directory;
import org.tandem.directory.PublicationImport;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.Accounts;

/** Demo organisations of both countries and researchers to find as partners. Created once. */
@Component
@Order(15)
class DemoDirectory implements ApplicationRunner {

    private final TandemSettings settings;
    private final Directory directory;
    private final Accounts accounts;

    DemoDirectory(TandemSettings settings, Directory directory, Accounts accounts) {
        this.settings = settings;
        this.directory = directory;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled() || !directory.organisations().isEmpty()) {
            return;
        }
        Map<String, Long> org = new HashMap<>();
        Object[][] orgs = {
            {"Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Vietnam Academy of Science and Technology", "VN", OrganisationType.RESEARCH_INSTITUTE},
            {"Đại học Bách khoa Hà Nội", "Hanoi University of Science and Technology", "VN", OrganisationType.UNIVERSITY},
            {"Trường Đại học Cần Thơ", "Can Tho University", "VN", OrganisationType.UNIVERSITY},
            {"Công ty Cổ phần FPT", "FPT Corporation", "VN", OrganisationType.ENTERPRISE},
            {"Новосибирский государственный университет", "Novosibirsk State University", "RU", OrganisationType.UNIVERSITY},
            {"Институт катализа им. Г. К. Борескова СО РАН", "Boreskov Institute of Catalysis", "RU", OrganisationType.RESEARCH_INSTITUTE},
            {"Институт цитологии и генетики СО РАН", "Institute of Cytology and Genetics", "RU", OrganisationType.RESEARCH_INSTITUTE},
            {"Томский политехнический университет", "Tomsk Polytechnic University", "RU", OrganisationType.UNIVERSITY}};
        for (Object[] o : orgs) {
            org.put((String) o[1], directory.addOrganisation((String) o[0], (String) o[1], (String) o[2],
                    (OrganisationType) o[3], null, "system").id());
        }
        person("applicant.vn", "Nguyễn Văn An", "Nguyen Van An", "VN", List.of("1.2"),
                List.of("explainable AI", "medical imaging"), org.get("Hanoi University of Science and Technology"));
        person("applicant.ru", "Сергей Иванов", "Sergey Ivanov", "RU", List.of("1.2", "2.2"),
                List.of("deep learning", "edge computing"), org.get("Novosibirsk State University"));
        person(null, "Иванова Светлана Петровна", "Svetlana Ivanova", "RU", List.of("1.4", "2.5"),
                List.of("catalysis", "hydrogen evolution", "graphene"), org.get("Boreskov Institute of Catalysis"));
        person(null, "Кузнецов Дмитрий", "Dmitry Kuznetsov", "RU", List.of("1.6", "3.1"),
                List.of("genomics", "rice", "salinity tolerance"), org.get("Institute of Cytology and Genetics"));
        person(null, "Юрий Фёдоров", "Yury Fedorov", "RU", List.of("2.2", "2.7"),
                List.of("solar power forecasting", "smart grid"), org.get("Tomsk Polytechnic University"));
        person(null, "Trần Thị Hoa", "Tran Thi Hoa", "VN", List.of("1.6", "4.1"),
                List.of("aquaculture", "fish vaccines", "pangasius"), org.get("Can Tho University"));
        person(null, "Đặng Quốc Bảo", "Dang Quoc Bao", "VN", List.of("2.5", "2.10"),
                List.of("perovskite solar cells", "nanomaterials"), org.get("Vietnam Academy of Science and Technology"));
        person(null, "Lê Hoàng Nam", "Le Hoang Nam", "VN", List.of("1.2"),
                List.of("natural language processing", "machine translation"), org.get("FPT Corporation"));
        long vnExpert = person("expert.vn", "Lê Minh Tuấn", "Le Minh Tuan", "VN", List.of("1.2", "2.2"),
                List.of("reinforcement learning", "power systems"), org.get("Vietnam Academy of Science and Technology"));
        long ruExpert = person("expert.ru", "Дмитрий Кузнецов", "Dmitry Kuznetsov", "RU", List.of("1.2", "3.1"),
                List.of("medical imaging", "deep learning"), org.get("Tomsk Polytechnic University"));
        directory.addPublications(vnExpert, List.of(
                new PublicationImport.Entry("Safe reinforcement learning for battery dispatch in grids with high solar share",
                        "We train constrained policies for frequency regulation with storage.", 2024, "10.1000/demo.vn.1"),
                new PublicationImport.Entry("Graph neural networks for power system state estimation", null, 2022,
                        "10.1000/demo.vn.2")), "CSV", "system");
        directory.addPublications(ruExpert, List.of(
                new PublicationImport.Entry("Transformer models for liver lesion detection in multi-phase CT",
                        "A multi-centre study of early hepatocellular carcinoma detection.", 2023, "10.1000/demo.ru.1"),
                new PublicationImport.Entry("Federated learning across Siberian hospitals", null, 2021, "10.1000/demo.ru.2")),
                "CSV", "system");
    }

    private long person(String username, String name, String latin, String country, List<String> fields,
                        List<String> keywords, Long organisation) {
        Long userId = username == null ? null : accounts.find(username).map(a -> a.id()).orElse(null);
        return directory.saveProfile(userId, "system", new Directory.ProfileInput(name, latin, null, country, fields,
                keywords, organisation, 2018, true)).id();
    }
}
