package org.tandem.innovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.audit.AuditEvent;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.project.Contracts;
import org.tandem.project.Outputs;
import org.tandem.project.Projects;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;
import tools.jackson.databind.JsonNode;

/** Offers the Centre drafts from project outputs: who may, what is pre-filled, the lead's confirmation, anonymity. */
@TandemIntegrationTest
class OutputOfferTests {

    @LocalServerPort int port;
    @Autowired OutputOffers offers;
    @Autowired Profiles profiles;
    @Autowired AuditTrail audit;
    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Outputs outputs;
    @Autowired UserDetailsService users;
    @Autowired org.tandem.platform.mail.Outbox outbox;

    ProjectOutputFixtures fixtures() {
        return new ProjectOutputFixtures(calls, programmes, proposals, projects, contracts, outputs, users);
    }

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @Test
    void staffDraftAnOfferPrefilledFromAPatentAndTheLeadConfirmsIt() {
        var made = fixtures().project("Cermet anodes for aluminium", 5,
                "Metal-ceramic anodes that release oxygen instead of carbon dioxide in aluminium electrolysis.",
                List.of("aluminium", "inert anode"));
        TandemUser staff = user("innovation");
        List<OutputOffers.Candidate> candidates = offers.candidates(staff).stream()
                .filter(c -> c.projectId() == made.project().id()).toList();
        // The paper is not something to license; the patent and the prototype are.
        assertThat(candidates).extracting(OutputOffers.Candidate::outputId)
                .containsExactlyInAnyOrder(made.patent().id(), made.prototype().id());
        assertThatThrownBy(() -> offers.candidates(user("applicant.vn"))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> offers.draft(made.patent().id(), user("applicant.vn"))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> offers.draft(made.publication().id(), staff))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INNOVATION_OUTPUT_KIND"));

        Profile offer = offers.draft(made.patent().id(), staff);
        assertThat(offer.status()).isEqualTo(InnovationWorkflows.PROPOSED);
        assertThat(offer.type()).isEqualTo(Profile.ProfileType.TECHNOLOGY_OFFER);
        assertThat(offer.ownerUsername()).isEqualTo("applicant.vn");
        assertThat(offer.title()).isEqualTo("Cermet anodes for aluminium — method");
        assertThat(offer.summary()).contains("release oxygen");
        assertThat(offer.trl()).isEqualTo(5);
        assertThat(offer.ipStatus()).isEqualTo(Profile.IpStatus.PATENT_APPLIED);
        assertThat(offer.patentNumbers()).contains(made.patent().patentNumber());
        assertThat(offer.keywords()).containsExactly("aluminium", "inert anode");
        assertThat(offer.sectors()).containsExactly("New materials");
        assertThat(offer.fosFields()).contains("2.5");
        assertThat(offer.countries()).containsExactly("VN", "RU");
        assertThat(offer.organisation()).isEqualTo("Hanoi University of Science and Technology");
        assertThat(offer.projectId()).isEqualTo(made.project().id());
        assertThat(offer.partyCode()).isEqualTo("VN");
        // The project's name would give its teams away: it stays out of the public text.
        assertThat(offer.description()).doesNotContain(made.project().acronym());
        // The lead hears of it in their language (applicant.vn reads Vietnamese), with the way to confirm.
        assertThat(outbox.latest(200)).filteredOn(m -> m.recipient().equals("applicant.vn@demo.tandem.example")
                        && m.body().contains("/innovation/profiles/" + offer.id()))
                .singleElement().satisfies(m -> assertThat(m.subject()).contains("Trung tâm").contains(made.project().acronym()));
        assertThatThrownBy(() -> offers.draft(made.patent().id(), staff))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INNOVATION_OUTPUT_DRAFTED"));
        assertThat(offers.candidates(staff)).filteredOn(c -> c.outputId() == made.patent().id())
                .extracting(OutputOffers.Candidate::offerId).containsExactly(offer.id());

        // A prototype has no patent of its own: it is protected by the project's patent application.
        Profile fromPrototype = offers.draft(made.prototype().id(), staff);
        assertThat(fromPrototype.ipStatus()).isEqualTo(Profile.IpStatus.PATENT_APPLIED);

        // Only the lead confirms; until then nobody outside sees it.
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/api/v1/innovation/profiles/" + offer.id()).status()).isEqualTo(404);
        assertThatThrownBy(() -> profiles.confirm(offer.id(), user("applicant.ru"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.submit(offer.id(), user("applicant.vn"))).isInstanceOf(ConflictException.class);
        Profile confirmed = profiles.confirm(offer.id(), user("applicant.vn"));
        assertThat(confirmed.status()).isEqualTo(InnovationWorkflows.DRAFT);
        profiles.submit(offer.id(), user("applicant.vn"));
        profiles.publish(offer.id(), staff);
        assertThat(audit.history("innovation_profile", String.valueOf(offer.id()))).extracting(AuditEvent::action)
                .containsExactly("propose", "confirm", "submit", "publish");

        JsonNode pub = anonymous.get("/api/v1/innovation/profiles/" + offer.id()).json();
        assertThat(pub.get("fromProject").asBoolean()).isTrue();
        assertThat(pub.toString()).doesNotContain(made.patent().patentNumber()).doesNotContain("Hanoi University")
                .doesNotContain("applicant.vn").doesNotContain(made.project().acronym());
    }

    @Test
    void outputsOfAnImmatureProjectAreNotOffered() {
        var made = fixtures().project("Early catalyst study", 3, "Screening of catalysts in the laboratory.",
                List.of("catalyst"));
        TandemUser staff = user("innovation");
        assertThat(offers.candidates(staff)).noneMatch(c -> c.projectId() == made.project().id());
        assertThatThrownBy(() -> offers.draft(made.patent().id(), staff))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INNOVATION_OUTPUT_TRL"));
    }

    @Test
    void theDeskListsOutputsAndTheLeadConfirmsOnTheProfilePage() {
        var made = fixtures().project("Solar dryer for coffee", 6, "A solar dryer halves the drying time of coffee beans.",
                List.of("coffee", "solar drying"));
        WebSession staff = new WebSession(port).signIn("innovation", "demo");
        String desk = staff.get("/innovation/desk").body();
        assertThat(desk).contains("Solar dryer for coffee — pilot unit").contains("/innovation/outputs/" + made.prototype().id() + "/offer");
        var drafted = staff.post("/innovation/outputs/" + made.prototype().id() + "/offer", java.util.Map.of(), "en");
        assertThat(drafted.status()).isEqualTo(302);
        long id = profiles.draftedFrom(made.prototype().id()).orElseThrow();
        WebSession lead = new WebSession(port).signIn("applicant.vn", "demo");
        assertThat(lead.get("/innovation/profiles/" + id + "?lang=vi", "vi").body()).contains("/innovation/profiles/" + id + "/confirm");
        lead.post("/innovation/profiles/" + id + "/confirm", java.util.Map.of(), "vi");
        assertThat(profiles.get(id).status()).isEqualTo(InnovationWorkflows.DRAFT);
    }
}
