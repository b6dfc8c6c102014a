package org.tandem.demo;

import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.tandem.innovation.OutputOffers;
import org.tandem.innovation.Profile;
import org.tandem.innovation.Profiles;
import org.tandem.innovation.Startups;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;

/**
 * The Innovation Centre's technology transfer demo, after every other demo (the projects and
 * their outputs must exist): offers drafted from the projects' patents, prototypes and products
 * at TRL 4 or more (most confirmed and published by their leads, one left waiting for its
 * lead), and one incubation cohort with start-ups at every stage. Each part runs once.
 */
@Component
@Order(95)
class DemoTechTransfer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTechTransfer.class);
    /** Enough offers to show the path from project to market without flooding the catalogue. */
    static final int MAX_OFFERS = 4;

    private final TandemSettings settings;
    private final OutputOffers offers;
    private final Profiles profiles;
    private final Startups startups;
    private final UserDetailsService users;
    private final java.time.Clock clock;

    DemoTechTransfer(TandemSettings settings, OutputOffers offers, Profiles profiles, Startups startups,
                     UserDetailsService users, java.time.Clock clock) {
        this.settings = settings;
        this.offers = offers;
        this.profiles = profiles;
        this.startups = startups;
        this.users = users;
        this.clock = clock;
    }

    private TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    // No transaction around the whole run: each offer is drafted in its own, so one that the
    // validation refuses (a lead without an e-mail address…) is skipped instead of failing the start.
    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        TandemUser staff = user("innovation");
        if (profiles.countDraftedFromOutputs() == 0) {
            List<OutputOffers.Candidate> candidates = offers.candidates(staff).stream().filter(c -> c.offerId() == null)
                    .limit(MAX_OFFERS).toList();
            for (int i = 0; i < candidates.size(); i++) {
                try {
                    Profile p = offers.draft(candidates.get(i).outputId(), staff);
                    // The last one stays with its lead, to show the confirmation step.
                    if (i < candidates.size() - 1 || candidates.size() == 1) {
                        TandemUser owner = user(p.ownerUsername());
                        profiles.confirm(p.id(), owner);
                        profiles.submit(p.id(), owner);
                        profiles.publish(p.id(), staff);
                    }
                } catch (InvalidInputException | ConflictException e) {
                    log.warn("Demo: no offer from output {}: {}", candidates.get(i).outputId(), e.getMessage());
                }
            }
            log.info("Demo: {} technology offers drafted from the outputs of joint research", candidates.size());
        }
        if (startups.cohorts().isEmpty()) {
            seedCohort(staff);
        }
    }

    private void seedCohort(TandemUser staff) {
        int year = java.time.LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear();
        Startups.Cohort cohort = startups.createCohort("Vietnam–Russia deep-tech incubator " + year, "VN", year, staff);
        TandemUser vn = user("enterprise.vn");
        TandemUser ru = user("enterprise.ru");
        Startups.Startup applied = startups.apply(cohort.id(), "AquaSalt Sensors",
                "Wireless salinity sensors that warn Mekong rice farmers of salt intrusion.", vn);
        Startups.Startup panel = startups.apply(cohort.id(), "Biochar Mekong",
                "Mobile pyrolysis units turning rice straw into biochar for acid soils.", vn);
        startups.move(panel.id(), "toPanel", staff);
        startups.score(panel.id(), 7, "Field results are convincing; the business plan needs numbers.", staff);
        Startups.Startup pre = startups.apply(cohort.id(), "Cermet Anode Tech",
                "Inert anodes for low-carbon aluminium smelting, licensed from a joint project.", ru);
        advance(pre, staff, 9, "select");
        Startups.Startup inc = startups.apply(cohort.id(), "RiverEye Analytics",
                "Flood forecasting as a service for hydropower operators.", vn);
        advance(inc, staff, 8, "select", "incubate");
        Startups.Startup grad = startups.apply(cohort.id(), "IsoMed Generators",
                "Compact technetium-99m generators for regional hospitals.", ru);
        advance(grad, staff, 9, "select", "incubate", "graduate");
        Startups.Startup out = startups.apply(cohort.id(), "Tropic Cells", "Battery packs designed for hot and humid climates.",
                ru);
        advance(out, staff, 6, "select", "incubate", "exit");
        log.info("Demo cohort {} with start-ups from application ({}) to graduation", cohort.name(), applied.name());
    }

    private void advance(Startups.Startup s, TandemUser staff, int score, String... actions) {
        startups.move(s.id(), "toPanel", staff);
        startups.score(s.id(), score, null, staff);
        for (String a : actions) {
            startups.move(s.id(), a, staff);
        }
    }
}
