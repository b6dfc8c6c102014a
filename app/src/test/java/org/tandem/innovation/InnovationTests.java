package org.tandem.innovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.audit.AuditEvent;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.support.ApiClient;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;
import tools.jackson.databind.JsonNode;

@TandemIntegrationTest
class InnovationTests {

    @LocalServerPort int port;
    @Autowired Profiles profiles;
    @Autowired Deals deals;
    @Autowired AuditTrail audit;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    static Map<String, Object> body(String type, String title, String text, int trl, String organisation, String patents,
                                    List<String> partnerships, List<String> countries) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", type);
        b.put("language", "en");
        b.put("title", title);
        b.put("summary", text);
        b.put("description", text + " " + text);
        b.put("trl", trl);
        b.put("ipStatus", patents == null ? "SECRET_KNOW_HOW" : "PATENT_GRANTED");
        b.put("patentNumbers", patents);
        b.put("partnerships", partnerships);
        b.put("countries", countries);
        b.put("sectors", List.of("energy"));
        b.put("keywords", List.of(title.split(" ")[0].toLowerCase()));
        b.put("expiresOn", LocalDate.now().plusMonths(6).toString());
        b.put("organisation", organisation);
        b.put("contactEmail", "contact@" + organisation.toLowerCase().replaceAll("[^a-z]", "") + ".example");
        return b;
    }

    /** Writes, submits and publishes a profile through the API as {@code owner}; returns its id. */
    long published(String owner, Map<String, Object> body) {
        ApiClient api = new ApiClient(port).signIn(owner);
        ApiClient.Response r = api.post("/api/v1/innovation/profiles?submit=true", body, Map.of());
        assertThat(r.status()).as(String.valueOf(r.json())).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(new ApiClient(port).signIn("innovation").post("/api/v1/innovation/profiles/" + id + "/publish", Map.of(),
                Map.of()).status()).isEqualTo(200);
        return id;
    }

    @Test
    void aWrongProfileIsRefusedFieldByFieldAndNothingIsStored() {
        ApiClient api = new ApiClient(port).signIn("applicant.ru");
        int before = profiles.ownedBy(user("applicant.ru")).size();
        Map<String, Object> bad = new HashMap<>(body("TECHNOLOGY_OFFER", "", "x", 12, "Org", null, List.of("LICENCE"),
                List.of("XX")));
        bad.put("expiresOn", "tomorrow");
        ApiClient.Response r = api.post("/api/v1/innovation/profiles", bad, Map.of());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asString()).isEqualTo("INVALID_INPUT");
        assertThat(r.json().get("problems").findValuesAsString("field"))
                .contains("title", "trl", "countries[0]", "expiresOn");
        String titleMessage = null;
        for (JsonNode f : r.json().get("problems")) {
            if (f.get("field").asString().equals("title")) {
                titleMessage = f.get("message").asString();
            }
        }
        assertThat(titleMessage).isEqualTo("Title: this field is required.");
        assertThat(profiles.ownedBy(user("applicant.ru"))).hasSize(before);
    }

    @Test
    void aProfileGoesThroughReviewAndOnlyAPublishedOneIsPublic() {
        TandemUser owner = user("applicant.vn");
        TandemUser staff = user("innovation");
        ApiClient api = new ApiClient(port).signIn("applicant.vn");
        ApiClient.Response created = api.post("/api/v1/innovation/profiles",
                body("TECHNOLOGY_OFFER", "Lifecycle membrane filter", "A ceramic membrane for brackish water.", 5,
                        "Lifecycle Lab", null, List.of("LICENCE"), List.of("VN")), Map.of());
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/api/v1/innovation/profiles/" + id).status()).isEqualTo(404);

        profiles.submit(id, owner);
        assertThatThrownBy(() -> profiles.returnToOwner(id, " ", staff))
                .isInstanceOf(org.tandem.platform.validation.InvalidInputException.class);
        assertThat(profiles.returnToOwner(id, "Say which salinity it handles.", staff).status()).isEqualTo("RETURNED");
        assertThatThrownBy(() -> profiles.publish(id, staff)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> profiles.publish(id, owner))
                .isInstanceOf(org.tandem.platform.validation.NotAllowedException.class);
        profiles.submit(id, owner);
        assertThat(profiles.publish(id, staff).status()).isEqualTo("PUBLISHED");
        assertThat(anonymous.get("/api/v1/innovation/profiles/" + id).status()).isEqualTo(200);
        assertThat(new ApiClient(port).signIn("applicant.vn").post("/api/v1/innovation/profiles/" + id + "/submit",
                Map.of(), Map.of()).status()).isEqualTo(409);

        assertThat(audit.history("innovation_profile", String.valueOf(id))).extracting(AuditEvent::action)
                .containsExactly("create", "submit", "return", "submit", "publish");

        profiles.withdraw(id, owner);
        assertThat(anonymous.get("/api/v1/innovation/profiles/" + id).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/innovation/profiles").json().findValuesAsString("title"))
                .doesNotContain("Lifecycle membrane filter");
    }

    @Test
    void theOwnerStaysAnonymousOverTheApiAndPagesUntilTheyAcceptAnInterest() {
        String org = "Krasnoyarsk Aluminium Works";
        String patent = "RU2745123C1";
        long id = published("applicant.ru", body("TECHNOLOGY_OFFER", "Inert anode smelting",
                "Inert anodes cut carbon emissions of aluminium smelting.", 7, org, patent,
                List.of("LICENCE", "JOINT_VENTURE"), List.of("RU", "VN")));
        String ownerName = user("applicant.ru").displayName();
        List<String> secrets = List.of(org, patent, ownerName, "krasnoyarskaluminiumworks", "applicant.ru");

        ApiClient anonymous = new ApiClient(port);
        String list = anonymous.get("/api/v1/innovation/profiles?type=TECHNOLOGY_OFFER&trl=6&country=VN&sector=energy")
                .json().toString();
        assertThat(list).contains("Inert anode smelting");
        String detail = anonymous.get("/api/v1/innovation/profiles/" + id).json().toString();
        assertThat(detail).contains("Inert anode smelting");
        WebSession visitor = new WebSession(port);
        String page = visitor.get("/innovation/profiles/" + id).body();
        String catalogue = visitor.get("/innovation?text=anode").body();
        assertThat(catalogue).contains("Inert anode smelting");
        for (String secret : secrets) {
            assertThat(list).doesNotContainIgnoringCase(secret);
            assertThat(detail).doesNotContainIgnoringCase(secret);
            assertThat(page).doesNotContainIgnoringCase(secret);
            assertThat(catalogue).doesNotContainIgnoringCase(secret);
        }
        // Searching by the owner's name must not find the profile: that would reveal who owns it.
        assertThat(anonymous.get("/api/v1/innovation/profiles?text=Krasnoyarsk").json().findValuesAsString("title"))
                .doesNotContain("Inert anode smelting");

        ApiClient interested = new ApiClient(port).signIn("applicant.vn");
        ApiClient.Response eoi = interested.post("/api/v1/innovation/profiles/" + id + "/interest",
                Map.of("message", "We run a smelter near Hai Phong.", "organisation", "Hai Phong Metals"), Map.of());
        assertThat(eoi.status()).isEqualTo(201);
        long deal = eoi.json().get("id").asLong();
        assertThat(interested.post("/api/v1/innovation/profiles/" + id + "/interest",
                Map.of("message", "again"), Map.of()).status()).isEqualTo(409);
        String partyView = interested.get("/api/v1/innovation/profiles/" + id).json().toString()
                + interested.get("/api/v1/innovation/deals/" + deal).json();
        ApiClient ownerApi = new ApiClient(port).signIn("applicant.ru");
        String ownerView = ownerApi.get("/api/v1/innovation/deals/" + deal).json().toString();
        for (String secret : secrets) {
            assertThat(partyView).doesNotContainIgnoringCase(secret);
        }
        assertThat(ownerView).contains("We run a smelter").doesNotContain("Hai Phong Metals")
                .doesNotContain(user("applicant.vn").displayName());

        assertThat(interested.post("/api/v1/innovation/deals/" + deal + "/accept", Map.of(), Map.of()).status())
                .isEqualTo(404);
        assertThat(ownerApi.post("/api/v1/innovation/deals/" + deal + "/accept", Map.of(), Map.of()).json()
                .get("stage").asString()).isEqualTo("CONTACT");

        assertThat(interested.get("/api/v1/innovation/profiles/" + id).json().get("owner").get("organisation")
                .asString()).isEqualTo(org);
        assertThat(interested.get("/api/v1/innovation/profiles/" + id).json().get("owner").get("patentNumbers")
                .asString()).isEqualTo(patent);
        assertThat(ownerApi.get("/api/v1/innovation/deals/" + deal).json().get("party").get("organisation").asString())
                .isEqualTo("Hai Phong Metals");
        WebSession partyPages = new WebSession(port).signIn("applicant.vn", "demo");
        assertThat(partyPages.get("/innovation/profiles/" + id).body()).contains(org).contains(patent);
        assertThat(new WebSession(port).signIn("applicant.ru", "demo").get("/innovation/mine").body())
                .contains("Hai Phong Metals");
        // A third person still sees nothing of the owner.
        String third = new ApiClient(port).signIn("expert.vn").get("/api/v1/innovation/profiles/" + id).json().toString();
        assertThat(third).doesNotContain(org).doesNotContain(patent);
        assertThat(visitor.get("/innovation/profiles/" + id).body()).doesNotContain(org);
    }

    @Test
    void staffMoveADealThroughThePipelineWithDateValueAndAudit() {
        long id = published("applicant.ru", body("TECHNOLOGY_OFFER", "Pipeline rice dryer",
                "A solar rice dryer with heat storage.", 6, "Dryer Institute", null, List.of("LICENCE"), List.of("RU")));
        TandemUser party = user("applicant.vn");
        TandemUser staff = user("innovation");
        Deal d = deals.express(id, "Interested for the Mekong delta.", "Mekong Agro", party);
        assertThatThrownBy(() -> deals.move(d.id(), "nda", Deals.StageInput.today(), staff))
                .isInstanceOf(ConflictException.class);
        deals.accept(d.id(), user("applicant.ru"));
        ApiClient api = new ApiClient(port).signIn("innovation");
        ApiClient.Response bad = api.post("/api/v1/innovation/deals/" + d.id() + "/stage",
                Map.of("action", "nda", "value", "-5", "currency", "XYZ1"), Map.of());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("problems").findValuesAsString("field")).contains("value", "currency");
        assertThat(deals.view(d.id(), staff).stage()).isEqualTo("CONTACT");
        assertThat(api.post("/api/v1/innovation/deals/" + d.id() + "/stage",
                Map.of("action", "agree"), Map.of()).status()).isEqualTo(409);
        String on = LocalDate.now().minusDays(2).toString();
        ApiClient.Response nda = api.post("/api/v1/innovation/deals/" + d.id() + "/stage",
                Map.of("action", "nda", "on", on, "document", "NDA-2026-17.pdf", "value", "150000", "currency", "usd"),
                Map.of());
        assertThat(nda.status()).as(String.valueOf(nda.json())).isEqualTo(200);
        assertThat(nda.json().get("stage").asString()).isEqualTo("NDA");
        assertThat(nda.json().get("currency").asString()).isEqualTo("USD");
        Deal now = deals.view(d.id(), staff);
        assertThat(now.history()).extracting(Deal.Stage::stage).containsExactly("INTEREST", "CONTACT", "NDA");
        assertThat(now.history().get(2).on()).isEqualTo(LocalDate.parse(on));
        assertThat(now.history().get(2).document()).isEqualTo("NDA-2026-17.pdf");
        assertThat(deals.board(staff).get("NDA")).extracting(Deal::id).contains(d.id());
        assertThat(audit.history("innovation_deal", String.valueOf(d.id()))).extracting(AuditEvent::action)
                .containsExactly("express", "accept", "nda");
        assertThatThrownBy(() -> deals.board(party)).isInstanceOf(org.tandem.platform.validation.NotAllowedException.class);
        String board = new WebSession(port).signIn("innovation", "demo").get("/innovation/desk").body();
        assertThat(board).contains("Pipeline rice dryer").contains("Mekong Agro");
    }

    @Test
    void aRequestFindsTheOfferThatFitsItWithEveryPartExplained() {
        long offer = published("applicant.ru", body("TECHNOLOGY_OFFER", "Graphene supercapacitor electrodes",
                "Graphene supercapacitor electrodes for grid storage with fast charging.", 6, "Graphene Lab", null,
                List.of("LICENCE", "TECHNICAL_COOPERATION"), List.of("VN", "RU")));
        long unrelated = published("applicant.ru", body("TECHNOLOGY_OFFER", "Vaccine cold chain",
                "A vaccine transport box keeping cold chain for ten days.", 8, "Cold Box Co", null,
                List.of("INVESTMENT"), List.of("RU")));
        ApiClient enterprise = new ApiClient(port).signIn("applicant.vn");
        ApiClient.Response request = enterprise.post("/api/v1/innovation/profiles?submit=true",
                body("TECHNOLOGY_REQUEST", "Graphene storage wanted",
                        "We need graphene supercapacitor storage for our grid with fast charging.", 5, "EVN Storage", null,
                        List.of("LICENCE"), List.of("VN")), Map.of());
        assertThat(request.status()).isEqualTo(201);
        JsonNode matches = enterprise.get("/api/v1/innovation/matches").json();
        JsonNode best = null;
        for (JsonNode m : matches) {
            if (m.get("other").get("id").asLong() == offer) {
                best = m;
            }
            assertThat(m.get("other").get("id").asLong()).isNotEqualTo(unrelated);
            assertThat(m.get("other").get("owner").isNull()).isTrue();
        }
        assertThat(best).isNotNull();
        assertThat(best.get("trl").asDouble()).isEqualTo(1.0);
        assertThat(best.get("partnership").asDouble()).isEqualTo(1.0);
        assertThat(best.get("country").asDouble()).isEqualTo(1.0);
        assertThat(best.get("sharedTerms").toString()).contains("graphen");
        double expected = Matches.TEXT_WEIGHT * best.get("text").asDouble() + Matches.TRL_WEIGHT
                + Matches.PARTNERSHIP_WEIGHT + Matches.COUNTRY_WEIGHT;
        assertThat(best.get("score").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        String page = new WebSession(port).signIn("applicant.vn", "demo").get("/innovation/matches", "vi").body();
        assertThat(page).contains("Graphene supercapacitor electrodes").doesNotContain("Graphene Lab");
        assertThat(new ApiClient(port).get("/api/v1/innovation/matches").status()).isEqualTo(401);
    }

    @Test
    void trlCompatibilityLosesAThirdPerMissingLevel() {
        assertThat(Matches.trlCompatibility(5, 7)).isEqualTo(1.0);
        assertThat(Matches.trlCompatibility(5, 5)).isEqualTo(1.0);
        assertThat(Matches.trlCompatibility(6, 5)).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Matches.trlCompatibility(9, 1)).isEqualTo(0.0);
    }

    @Test
    void thePagesSpeakThreeLanguagesAndTheFormReportsFieldsWithoutStoring() {
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/innovation", "vi").body()).contains("Trung tâm Đổi mới sáng tạo")
                .contains("Công nghệ được kiểm chứng trong phòng thí nghiệm");
        assertThat(visitor.get("/innovation", "ru").body()).contains("Инновационный центр")
                .contains("Технология проверена в лаборатории");
        WebSession owner = new WebSession(port).signIn("applicant.ru", "demo");
        int before = profiles.ownedBy(user("applicant.ru")).size();
        assertThat(owner.get("/innovation/new", "ru").status()).isEqualTo(200);
        WebSession.Page refused = owner.post("/innovation/new", Map.of("type", "TECHNOLOGY_OFFER", "language", "ru",
                "title", "", "trl", "3"), "ru");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Название: поле обязательно.").contains("Страны: поле обязательно.");
        assertThat(profiles.ownedBy(user("applicant.ru"))).hasSize(before);
        for (String path : List.of("/innovation/mine", "/innovation/matches", "/innovation/new")) {
            for (String lang : List.of("en", "vi", "ru")) {
                WebSession.Page p = owner.get(path, lang);
                assertThat(p.status()).as(path).isEqualTo(200);
                assertThat(p.body()).as(path).doesNotContain("??").doesNotContain("innovation.");
            }
        }
        WebSession staff = new WebSession(port).signIn("innovation", "demo");
        assertThat(staff.get("/innovation/desk", "vi").body()).doesNotContain("??").contains("Tiến trình thương vụ");
        assertThat(staff.get("/admin/workflows").status()).isIn(200, 403);
    }

    @Autowired Forums forums;

    @Test
    void theDemoHasOffersRequestsDealsAtEveryStageAndAComputedForum() {
        List<PublicProfile> all = profiles.published(Profiles.Filter.none());
        assertThat(all).extracting(PublicProfile::type).contains(Profile.ProfileType.TECHNOLOGY_OFFER,
                Profile.ProfileType.TECHNOLOGY_REQUEST, Profile.ProfileType.RD_REQUEST);
        assertThat(deals.board(user("innovation")).entrySet()).allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isNotEmpty());
        Forums.Forum forum = forums.all().stream().filter(f -> f.name().equals("Vietnam–Russia Science and Industry Forum"))
                .findFirst().orElseThrow();
        assertThat(forums.participants(forum.id())).hasSize(60);
        assertThat(forum.computedAt()).isNotNull();
        assertThat(forums.agenda(forum.id(), user("enterprise.vn"))).isNotEmpty();
    }

    @Autowired MatchMail matchMail;
    @Autowired org.tandem.platform.mail.Outbox outbox;

    @Test
    void theWeeklyMailTellsAnOwnerOfNewMatchesInTheirLanguageOnce() {
        published("applicant.ru", body("TECHNOLOGY_OFFER", "Desalination membrane weekly",
                "Desalination membranes of graphene oxide for coastal villages.", 6, "Membrane Weekly Lab", null,
                List.of("LICENCE"), List.of("VN")));
        long request = published("enterprise.vn", body("TECHNOLOGY_REQUEST", "Desalination wanted weekly",
                "We need desalination membranes for coastal villages.", 5, "Coastal Water JSC", null,
                List.of("LICENCE"), List.of("VN")));
        assertThat(request).isPositive();
        String to = "enterprise.vn@demo.tandem.example";
        matchMail.send();
        List<org.tandem.platform.mail.Outbox.Message> mine = outbox.latest(200).stream()
                .filter(m -> m.recipient().equals(to)).toList();
        assertThat(mine).isNotEmpty();
        assertThat(mine.get(0).subject()).startsWith("Trung tâm Đổi mới sáng tạo");
        assertThat(mine.get(0).body()).contains("Desalination membrane weekly").doesNotContain("Membrane Weekly Lab");
        matchMail.send();
        assertThat(outbox.latest(200).stream().filter(m -> m.recipient().equals(to)).count()).isEqualTo(mine.size());
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aReturnedProfileIsEditedOnItsPageAndAnExpiredOneIsRenewed() {
        TandemUser owner = user("applicant.vn");
        long id = new ApiClient(port).signIn("applicant.vn").post("/api/v1/innovation/profiles?submit=true",
                body("BUSINESS_OFFER", "Editable fish sauce export", "Export of fish sauce to Russia.", 9, "Phu Quoc Sauce",
                        null, List.of("COMMERCIAL_WITH_ASSISTANCE"), List.of("RU")), Map.of()).json().get("id").asLong();
        profiles.returnToOwner(id, "Name the volume per year.", user("innovation"));
        WebSession web = new WebSession(port).signIn("applicant.vn", "demo");
        String form = web.get("/innovation/profiles/" + id + "/edit").body();
        assertThat(form).contains("Editable fish sauce export").contains("Phu Quoc Sauce");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("type", "BUSINESS_OFFER", "language", "en",
                "title", "Editable fish sauce export, 200 t a year", "summary", "Export of 200 t of fish sauce a year.",
                "description", "Export of fish sauce to Russia.", "trl", "9", "ipStatus", "NONE",
                "partnerships", "COMMERCIAL_WITH_ASSISTANCE", "countries", "RU, VN", "sectors", "food"));
        fields.putAll(Map.of("keywords", "fish sauce", "expiresOn", LocalDate.now().plusMonths(3).toString(),
                "organisation", "Phu Quoc Sauce", "contactEmail", "sales@phuquoc.example", "submit", "true"));
        WebSession.Page saved = web.post("/innovation/profiles/" + id + "/edit", fields, "en");
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        Profile p = profiles.manage(id, owner);
        assertThat(p.status()).isEqualTo("IN_REVIEW");
        assertThat(p.title()).isEqualTo("Editable fish sauce export, 200 t a year");
        assertThat(p.countries()).containsExactly("RU", "VN");
        profiles.publish(id, user("innovation"));
        assertThatThrownBy(() -> profiles.update(id, ProfileInputs.of(p), owner)).isInstanceOf(ConflictException.class);

        jdbc.sql("update innovation_profile set expires_on = ? where id = ?").params(LocalDate.now().minusDays(1), id).update();
        assertThat(new ApiClient(port).get("/api/v1/innovation/profiles/" + id).status()).isEqualTo(404);
        assertThat(profiles.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(profiles.manage(id, owner).status()).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> profiles.renew(id, LocalDate.now().plusYears(5).toString(), owner))
                .isInstanceOf(org.tandem.platform.validation.InvalidInputException.class);
        profiles.renew(id, LocalDate.now().plusMonths(6).toString(), owner);
        assertThat(new ApiClient(port).get("/api/v1/innovation/profiles/" + id).status()).isEqualTo(200);
        assertThat(audit.history("innovation_profile", String.valueOf(id))).extracting(AuditEvent::action)
                .containsSubsequence("return", "edit", "submit", "publish", "expire", "renew");
    }

    /** A profile's own values as input again. */
    static final class ProfileInputs {
        static ProfileInput of(Profile p) {
            return new ProfileInput(p.type().name(), p.language(), p.title(), p.summary(), p.description(), p.advantages(),
                    p.trl(), p.ipStatus().name(), p.patentNumbers(), p.partnerships().stream().map(Enum::name).toList(),
                    p.partnerType(), p.countries(), p.sectors(), p.keywords(), p.fosFields(), p.expiresOn().toString(),
                    p.organisation(), p.contactEmail(), p.translations());
        }
    }
}
