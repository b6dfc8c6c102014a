package org.tandem.innovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.audit.AuditEvent;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.mail.Outbox;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** Incubation cohorts: the start-up lifecycle, the panel, five years of reports with reminders, the AUTM dashboard. */
@TandemIntegrationTest
class StartupTests {

    @LocalServerPort int port;
    @Autowired Startups startups;
    @Autowired Dashboard dashboard;
    @Autowired Deals deals;
    @Autowired Profiles profiles;
    @Autowired AuditTrail audit;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @Test
    void aStartUpGoesFromApplicationThroughThePanelToGraduationAndReportsFiveYears() {
        TandemUser staff = user("innovation");
        TandemUser founder = user("enterprise.ru");
        assertThatThrownBy(() -> startups.createCohort("Cohort", "VN", 2026, founder)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> startups.createCohort(" ", "XX", 1900, staff))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactlyInAnyOrder("name", "party", "year"));
        Startups.Cohort cohort = startups.createCohort("Deep-tech cohort " + System.nanoTime(), "RU", 2026, staff);

        Startups.Startup s = startups.apply(cohort.id(), "Cermet Labs", "Inert anodes for aluminium smelters.", founder);
        assertThat(s.stage()).isEqualTo(InnovationWorkflows.APPLIED);
        assertThatThrownBy(() -> startups.apply(cohort.id(), "cermet labs", "Again.", founder))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INNOVATION_STARTUP_EXISTS"));
        assertThatThrownBy(() -> startups.score(s.id(), 8, null, staff)).isInstanceOf(ConflictException.class);
        startups.move(s.id(), "toPanel", staff);
        // Not before the panel has scored; a score outside 1–10 is refused and names its field.
        assertThatThrownBy(() -> startups.move(s.id(), "select", staff))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INNOVATION_STARTUP_UNSCORED"));
        assertThatThrownBy(() -> startups.score(s.id(), 11, null, staff))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("score"));
        assertThatThrownBy(() -> startups.score(s.id(), 7, null, founder)).isInstanceOf(NotAllowedException.class);
        startups.score(s.id(), 6, "Strong team", staff);
        assertThat(startups.score(s.id(), 8, "Strong team, pilot customer", staff).average().getAsDouble()).isEqualTo(8.0);
        startups.move(s.id(), "select", staff);
        assertThatThrownBy(() -> startups.move(s.id(), "graduate", staff))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INNOVATION_STARTUP_STAGE"));
        Startups.Startup incubated = startups.move(s.id(), "incubate", staff);
        assertThat(incubated.formedOn()).isNotNull();
        assertThatThrownBy(() -> startups.report(s.id(), 1, new Startups.ReportInput("1", "1", "RUB", "1", "0"), founder))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("INNOVATION_STARTUP_NOT_GRADUATED"));
        Startups.Startup graduated = startups.move(s.id(), "graduate", staff);
        assertThat(graduated.stage()).isEqualTo(InnovationWorkflows.GRADUATED);
        // The year after graduation has not begun: nothing to report on yet.
        assertThatThrownBy(() -> startups.report(s.id(), 1, new Startups.ReportInput("1", "1", "RUB", "1", "0"), founder))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("innovation.error.reportTooEarly"));

        // Graduated three years ago: two finished years are due, a third is under way.
        int graduationYear = LocalDate.now().getYear() - 3;
        jdbc.sql("update innovation_startup set graduated_on = ? where id = ?")
                .params(LocalDate.of(graduationYear, 6, 30), s.id()).update();
        assertThatThrownBy(() -> startups.report(s.id(), 1, new Startups.ReportInput("-5", "x", "RUBLES", "two", "0"),
                founder)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(p -> p.field()).containsExactlyInAnyOrder("revenue", "investment", "currency", "jobs"));
        assertThatThrownBy(() -> startups.report(s.id(), 6, new Startups.ReportInput("1", "1", "RUB", "1", "0"), founder))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> startups.report(s.id(), 1, new Startups.ReportInput("1", "1", "RUB", "1", "0"),
                user("enterprise.vn"))).isInstanceOf(NotFoundException.class);
        Startups.Startup reported = startups.report(s.id(), 1, new Startups.ReportInput("12500000.50", "40000000", "rub",
                "9", "2"), founder);
        assertThat(reported.reports()).singleElement().satisfies(r -> {
            assertThat(r.calendarYear()).isEqualTo(graduationYear + 1);
            assertThat(r.revenue()).isEqualByComparingTo(new BigDecimal("12500000.50"));
            assertThat(r.currency()).isEqualTo("RUB");
            assertThat(r.jobs()).isEqualTo(9);
        });

        // Year 2 finished without a report: one reminder, in the founder's language, and only once.
        String to = "enterprise.ru@demo.tandem.example";
        long before = outbox.latest(500).stream().filter(m -> m.recipient().equals(to)).count();
        startups.remind();
        List<Outbox.Message> mails = outbox.latest(500).stream().filter(m -> m.recipient().equals(to))
                .filter(m -> m.subject().contains("Cermet Labs")).toList();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains(String.valueOf(graduationYear + 2)).contains("Годовой отчёт");
            assertThat(m.body()).contains("/innovation/startups/" + s.id());
        });
        startups.remind();
        assertThat(outbox.latest(500).stream().filter(m -> m.recipient().equals(to)).count()).isEqualTo(before + 1);

        assertThat(audit.history("innovation_startup", String.valueOf(s.id()))).extracting(AuditEvent::action)
                .containsExactly("apply", "toPanel", "score", "score", "select", "incubate", "graduate", "report", "remind");
    }

    @Test
    void aDeclinedApplicationAndAnExitEndTheWay() {
        TandemUser staff = user("innovation");
        Startups.Cohort cohort = startups.createCohort("Agritech " + System.nanoTime(), "VN", 2026, staff);
        Startups.Startup a = startups.apply(cohort.id(), "Straw2Char", "Biochar units.", user("enterprise.vn"));
        startups.move(a.id(), "toPanel", staff);
        startups.score(a.id(), 3, null, staff);
        assertThat(startups.move(a.id(), "decline", staff).stage()).isEqualTo(InnovationWorkflows.NOT_SELECTED);
        assertThatThrownBy(() -> startups.move(a.id(), "score", staff)).isInstanceOf(InvalidInputException.class);
        Startups.Startup b = startups.apply(cohort.id(), "RiverEye", "Flood sensors.", user("enterprise.ru"));
        startups.move(b.id(), "toPanel", staff);
        startups.score(b.id(), 9, null, staff);
        startups.move(b.id(), "select", staff);
        assertThat(startups.move(b.id(), "exit", staff).exitedOn()).isNotNull();
        // Founders see their own start-ups only.
        assertThat(startups.of(cohort.id(), user("enterprise.vn"))).extracting(Startups.Startup::name).containsExactly("Straw2Char");
        assertThat(startups.of(cohort.id(), staff)).hasSize(2);
    }

    @Test
    void theDashboardCountsDisclosuresLicencesIncomeStartUpsAndDealsByStage() {
        TandemUser staff = user("innovation");
        int year = LocalDate.now().getYear();
        Dashboard.Figures before = dashboard.figures("RU", year, staff);
        // A Russian offer, licensed for 2,000,000 RUB this year.
        Profile offer = profiles.create(new ProfileInput("TECHNOLOGY_OFFER", "en", "Dashboard licence offer",
                "Plasma coating of turbine blades for longer life.", "Plasma coating of turbine blades for longer life.",
                null, 6, "SECRET_KNOW_HOW", null, List.of("LICENCE"), null, List.of("RU", "VN"), List.of("energy"),
                List.of("plasma"), List.of(), LocalDate.now().plusMonths(6).toString(), "Plasma Coatings Lab", null,
                Map.of()), user("applicant.ru"));
        profiles.submit(offer.id(), user("applicant.ru"));
        profiles.publish(offer.id(), staff);
        Deal d = deals.express(offer.id(), "We want a licence.", "Turbine JSC", user("enterprise.vn"));
        deals.accept(d.id(), user("applicant.ru"));
        deals.move(d.id(), "negotiate", Deals.StageInput.today(), staff);
        deals.move(d.id(), "agree", new Deals.StageInput(null, null, "Licence L-1", "2000000", "RUB", "LICENCE"), staff);
        Startups.Cohort cohort = startups.createCohort("RU dashboard " + System.nanoTime(), "RU", year, staff);
        Startups.Startup s = startups.apply(cohort.id(), "PlasmaCo", "Coatings.", user("enterprise.ru"));
        startups.move(s.id(), "toPanel", staff);
        startups.score(s.id(), 7, null, staff);
        startups.move(s.id(), "select", staff);
        startups.move(s.id(), "incubate", staff);

        Dashboard.Figures after = dashboard.figures("RU", year, staff);
        assertThat(after.disclosures()).isEqualTo(before.disclosures() + 1);
        assertThat(after.licences()).isEqualTo(before.licences() + 1);
        assertThat(after.licenceIncome().get("RUB"))
                .isEqualByComparingTo(before.licenceIncome().getOrDefault("RUB", BigDecimal.ZERO).add(new BigDecimal("2000000")));
        assertThat(after.startupsFormed()).isEqualTo(before.startupsFormed() + 1);
        assertThat(after.dealsByStage().get(InnovationWorkflows.AGREEMENT))
                .isEqualTo(before.dealsByStage().get(InnovationWorkflows.AGREEMENT) + 1);
        assertThat(after.dealsByStage().keySet()).containsExactlyElementsOf(InnovationWorkflows.PIPELINE);
        assertThat(dashboard.series("RU", year, staff)).hasSize(Dashboard.SERIES_YEARS).last()
                .extracting(Dashboard.Figures::year).isEqualTo(year);
        assertThatThrownBy(() -> dashboard.figures("RU", year, user("enterprise.ru"))).isInstanceOf(NotAllowedException.class);

        WebSession web = new WebSession(port).signIn("innovation", "demo");
        for (String lang : List.of("en", "vi", "ru")) {
            String page = web.get("/innovation/dashboard?party=RU&year=" + year + "&lang=" + lang, lang).body();
            assertThat(page).contains("innovation-series").contains("/js/innovation-dashboard.js").doesNotContain("innovation.metric");
        }
        assertThat(web.get("/innovation/dashboard?lang=ru", "ru").body()).contains("Лицензионный доход");
        assertThat(new WebSession(port).signIn("enterprise.ru", "demo").get("/innovation/dashboard").status()).isEqualTo(403);
    }

    @Test
    void theCohortPagesWorkInThreeLanguages() {
        TandemUser staff = user("innovation");
        Startups.Cohort cohort = startups.createCohort("Pages cohort " + System.nanoTime(), "VN", 2026, staff);
        WebSession founder = new WebSession(port).signIn("enterprise.vn", "demo");
        assertThat(founder.get("/innovation/cohorts/" + cohort.id() + "?lang=vi", "vi").body()).contains("Nộp đơn vào khóa này");
        WebSession.Page applied = founder.post("/innovation/cohorts/" + cohort.id() + "/apply",
                Map.of("name", "Mekong Sensors", "pitch", "Salinity sensors for rice fields."), "vi");
        assertThat(applied.status()).isEqualTo(302);
        long id = startups.foundedBy(user("enterprise.vn")).stream().filter(x -> x.name().equals("Mekong Sensors"))
                .findFirst().orElseThrow().id();
        assertThat(founder.get("/innovation/startups/" + id + "?lang=vi", "vi").body()).contains("Đã nộp đơn");
        WebSession web = new WebSession(port).signIn("innovation", "demo");
        String page = web.get("/innovation/startups/" + id + "?lang=ru", "ru").body();
        assertThat(page).contains("Передать отборочной комиссии");
        web.post("/innovation/startups/" + id + "/move", Map.of("action", "toPanel"), "ru");
        assertThat(startups.view(id, staff).stage()).isEqualTo(InnovationWorkflows.PANEL);
        assertThat(new WebSession(port).signIn("enterprise.ru", "demo").get("/innovation/startups/" + id).status())
                .isEqualTo(404);
    }
}
