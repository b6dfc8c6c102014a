package org.tandem.demo;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.directory.Directory;
import org.tandem.directory.PublicationImport;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.review.ExpertPools;

/**
 * The demo experts in their own party's pool, added by their party's officer: the demo
 * expert accounts and three researchers of each country without an account, with publications.
 */
@Component
@Order(16)
class DemoExperts implements ApplicationRunner {

    private final TandemSettings settings;
    private final Programmes programmes;
    private final ExpertPools pools;
    private final Directory directory;
    private final UserDetailsService users;

    DemoExperts(TandemSettings settings, Programmes programmes, ExpertPools pools, Directory directory,
                UserDetailsService users) {
        this.settings = settings;
        this.programmes = programmes;
        this.pools = pools;
        this.directory = directory;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Programme p = programmes.byCode(DemoProgramme.CODE).orElse(null);
        if (!settings.demoEnabled() || p == null) {
            return;
        }
        long vn = p.partyByCode("VN").orElseThrow().getId();
        long ru = p.partyByCode("RU").orElseThrow().getId();
        if (!pools.pool(p.getId(), vn).isEmpty()) {
            return;
        }
        TandemUser officerVn = (TandemUser) users.loadUserByUsername("officer.vn");
        TandemUser officerRu = (TandemUser) users.loadUserByUsername("officer.ru");
        pools.invite(p.getId(), vn, "expert.vn", officerVn);
        pools.invite(p.getId(), ru, "expert.ru", officerRu);
        external(p.getId(), vn, officerVn, "Tran Thi Hoa",
                "Oral vaccines against Edwardsiella in pangasius catfish farms", 2023);
        external(p.getId(), vn, officerVn, "Dang Quoc Bao",
                "Stable perovskite solar cells with carbon electrodes under tropical humidity", 2024);
        external(p.getId(), vn, officerVn, "Le Hoang Nam",
                "Neural machine translation with terminology constraints for scientific abstracts", 2022);
        external(p.getId(), ru, officerRu, "Svetlana Ivanova",
                "Nickel-molybdenum catalysts for alkaline hydrogen evolution", 2023);
        external(p.getId(), ru, officerRu, "Yury Fedorov",
                "Short-term solar power forecasting with satellite imagery and gradient boosting", 2024);
        // Two demo researchers share this name in different institutes: the one without an account.
        directory.unlinkedPersonByLatinName("Dmitry Kuznetsov").ifPresent(id -> {
                    directory.addPublications(id, List.of(new PublicationImport.Entry(
                            "Genomic selection for salinity tolerance in rice", null, 2022, null)), "CSV", "system");
                    pools.addPerson(p.getId(), ru, id, officerRu);
                });
    }

    private void external(long programmeId, long partyId, TandemUser officer, String latinName, String publication,
                          int year) {
        directory.unlinkedPersonByLatinName(latinName).ifPresent(id -> {
                    directory.addPublications(id, List.of(new PublicationImport.Entry(publication, null, year, null)),
                            "CSV", "system");
                    pools.addPerson(programmeId, partyId, id, officer);
                });
    }
}
