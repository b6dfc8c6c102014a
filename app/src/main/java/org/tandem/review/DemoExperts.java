package org.tandem.review;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.DemoProgramme;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/** The demo experts in their own party's pool, added by their party's officer. */
@Component
@Order(16)
class DemoExperts implements ApplicationRunner {

    private final TandemSettings settings;
    private final Programmes programmes;
    private final ExpertPools pools;
    private final UserDetailsService users;

    DemoExperts(TandemSettings settings, Programmes programmes, ExpertPools pools, UserDetailsService users) {
        this.settings = settings;
        this.programmes = programmes;
        this.pools = pools;
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
        pools.invite(p.getId(), vn, "expert.vn", (TandemUser) users.loadUserByUsername("officer.vn"));
        pools.invite(p.getId(), ru, "expert.ru", (TandemUser) users.loadUserByUsername("officer.ru"));
    }
}
