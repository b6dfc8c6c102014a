package org.tandem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.innovation.Deals;
import org.tandem.innovation.Forums;
import org.tandem.innovation.OutputOffers;
import org.tandem.innovation.Profile;
import org.tandem.innovation.ProjectOutputFixtures;
import org.tandem.innovation.Profiles;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.project.Contracts;
import org.tandem.project.Outputs;
import org.tandem.project.Projects;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;

/**
 * Issue 14's Done-when end to end: an enterprise user publishes a request, finds among its
 * matches an offer the Centre drew from a project's prototype, expresses interest; the project
 * lead accepts; only then do both see each other; the Centre moves the deal to NDA, computes a
 * forum's agenda and the enterprise user downloads theirs. Every page is checked with axe.
 */
@TandemIntegrationTest
class InnovationBrowserTests extends BrowserTest {

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Outputs outputs;
    @Autowired OutputOffers offers;
    @Autowired Profiles profiles;
    @Autowired Deals deals;
    @Autowired Forums forums;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @Test
    void anEnterpriseFindsAnOfferFromAProjectAndTheDealReachesNdaAndTheForumAgenda() throws Exception {
        List<String> violations = new ArrayList<>();
        // The project's prototype becomes an offer: drafted by the Centre, confirmed by the lead, published.
        var made = new ProjectOutputFixtures(calls, programmes, proposals, projects, contracts, outputs, users)
                .project("Salinity sensor network for rice paddies", 6,
                        "Wireless salinity sensors and a forecasting model warn rice farmers of salt intrusion.",
                        List.of("salinity", "sensor", "rice"));
        TandemUser staff = user("innovation");
        Profile offer = offers.draft(made.prototype().id(), staff);
        profiles.confirm(offer.id(), user("applicant.vn"));
        profiles.submit(offer.id(), user("applicant.vn"));
        profiles.publish(offer.id(), staff);

        // The enterprise user writes a request and sends it for review.
        Page ent = signedIn("enterprise.ru", "Europe/Moscow");
        List<String> errors = consoleErrors(ent);
        ent.navigate(url("/innovation/new?lang=en"));
        ent.selectOption("#type", "TECHNOLOGY_REQUEST");
        ent.selectOption("#language", "en");
        ent.fill("#title", "Salinity monitoring for delta rice farms");
        ent.fill("#summary", "An agribusiness seeks salinity sensors that warn rice farmers of salt intrusion.");
        ent.fill("#description", "We need a wireless salinity sensor network and forecasting for rice fields of the delta.");
        ent.selectOption("#trl", "5");
        ent.selectOption("#ipStatus", "NONE");
        ent.check("input[name=partnerships][value=LICENCE]");
        ent.fill("#countries", "VN, RU");
        ent.fill("#sectors", "agriculture");
        ent.fill("#keywords", "salinity, sensor, rice");
        ent.fill("#expiresOn", LocalDate.now().plusMonths(6).toString());
        ent.fill("#organisation", "Delta Agro Holding");
        violations.addAll(accessibilityViolations(ent));
        ent.check("input[name=submit]");
        ent.click("#save");
        assertThat(ent.locator("#status")).hasText("In Centre review");
        long request = Long.parseLong(ent.url().replaceAll(".*/profiles/(\\d+).*", "$1"));

        // The Centre publishes it.
        Page centre = signedIn("innovation", "Asia/Ho_Chi_Minh");
        centre.navigate(url("/innovation/profiles/" + request + "?lang=en"));
        centre.click("#review button[type=submit] >> nth=0");
        assertThat(centre.locator("#status")).hasText("Published");

        // Among the matches, the offer drawn from the project; its owner is still anonymous.
        ent.navigate(url("/innovation/matches?lang=en"));
        Locator match = ent.locator(".match", new Page.LocatorOptions().setHasText("Salinity sensor network for rice paddies — pilot unit"));
        assertThat(match.first()).isVisible();
        violations.addAll(accessibilityViolations(ent));
        match.first().locator("a").first().click();
        assertThat(ent.locator("#from-project")).isVisible();
        assertThat(ent.locator("#anonymous")).isVisible();
        assertThat(ent.locator("#owner")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(ent.content()).doesNotContain("Hanoi University")
                .doesNotContain(made.project().acronym()).doesNotContain(made.patent().patentNumber());
        ent.fill("#i-org", "Delta Agro Holding");
        ent.fill("#i-msg", "We would like to license the sensors for 20,000 hectares.");
        violations.addAll(accessibilityViolations(ent));
        ent.click("#interest button[type=submit]");
        assertThat(ent.locator(".notice")).isVisible();

        // The owner sees an anonymous interest, accepts it, and both now know each other.
        Page lead = signedIn("applicant.vn", "Asia/Ho_Chi_Minh");
        lead.navigate(url("/innovation/mine?lang=en"));
        Locator deal = lead.locator(".deal", new Page.LocatorOptions().setHasText("We would like to license the sensors"));
        assertThat(deal.locator(".party")).hasCount(0);
        violations.addAll(accessibilityViolations(lead));
        deal.locator("button[type=submit]").click();
        assertThat(lead.locator(".deal", new Page.LocatorOptions().setHasText("We would like to license the sensors"))
                .locator(".party")).containsText("Delta Agro Holding");
        ent.navigate(url("/innovation/profiles/" + offer.id() + "?lang=en"));
        assertThat(ent.locator("#owner-org")).hasText("Hanoi University of Science and Technology");

        // The Centre moves the deal to NDA on its pipeline board.
        long dealId = deals.ofUser(user("enterprise.ru")).stream().filter(d -> d.profileId() == offer.id()).findFirst()
                .orElseThrow().id();
        centre.navigate(url("/innovation/desk?lang=en"));
        violations.addAll(accessibilityViolations(centre));
        Locator card = centre.locator(".deal[data-deal='" + dealId + "']");
        card.locator("form:has(input[name=action][value=nda]) button").click();
        assertThat(centre.locator("section[data-stage=NDA] .deal[data-deal='" + dealId + "']")).isVisible();

        // A forum: both register, the enterprise wishes to meet the lead, the Centre computes the agenda.
        Instant start = Instant.parse("2027-04-20T02:00:00Z");
        Forums.Forum forum = forums.create("Vietnam–Russia forum " + System.nanoTime(), "Hanoi",
                List.of(new Forums.NewSlot(start, 30, 2), new Forums.NewSlot(start.plusSeconds(1800), 30, 2)), staff);
        forums.register(forum.id(), "Delta Agro Holding", 3, user("enterprise.ru"));
        Forums.Participant owner = forums.register(forum.id(), "Hanoi University of Science and Technology", 3,
                user("applicant.vn"));
        forums.wish(forum.id(), owner.id(), 3, user("enterprise.ru"));
        centre.navigate(url("/innovation/forums/" + forum.id() + "?lang=en"));
        centre.click("#compute button");
        assertThat(centre.locator(".notice").first()).hasText("The agenda was computed.");
        violations.addAll(accessibilityViolations(centre));

        ent.navigate(url("/innovation/forums/" + forum.id() + "?lang=ru"));
        assertThat(ent.locator("#agenda li")).hasCount(1);
        assertThat(ent.locator("#agenda li")).containsText("Hanoi University of Science and Technology");
        violations.addAll(accessibilityViolations(ent));
        Download pdf = ent.waitForDownload(() -> ent.click("#agenda-pdf"));
        byte[] bytes = Files.readAllBytes(pdf.path());
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(bytes))
                .getTextFromPage(1);
        org.assertj.core.api.Assertions.assertThat(text).contains("Моя программа встреч")
                .contains("Hanoi University of Science and Technology");

        org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
        org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
    }
}
