package org.tandem.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.security.TandemUser;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** A request meets the directory's researchers and organisations, each score explained. */
@TandemIntegrationTest
class DirectoryMatchTests {

    @LocalServerPort int port;
    @Autowired DirectoryMatches matches;
    @Autowired Profiles profiles;
    @Autowired UserDetailsService users;

    TandemUser user(String name) {
        return (TandemUser) users.loadUserByUsername(name);
    }

    @Test
    void aRequestFindsTheResearcherAndTheInstituteWorkingOnIt() {
        TandemUser owner = user("enterprise.vn");
        Profile request = profiles.create(new ProfileInput("RD_REQUEST", "en", "Catalysts for hydrogen evolution",
                "We seek research partners on graphene catalysts for hydrogen evolution in electrolysers.",
                "An electrolyser maker looks for joint research on catalysis: graphene-supported catalysts for the hydrogen "
                        + "evolution reaction.", null, 3, "NONE", null, List.of("RESEARCH_COOPERATION"), null,
                List.of("RU"), List.of("energy"), List.of("catalysis", "hydrogen evolution", "graphene"), List.of("1.4"),
                LocalDate.now().plusMonths(6).toString(), "Hydrogen Works JSC", null, Map.of()), owner);

        List<DirectoryMatches.Match> found = matches.forUser(owner).stream().filter(m -> m.mineId() == request.id()).toList();
        DirectoryMatches.Match researcher = found.stream().filter(m -> m.kind() == DirectoryMatches.Kind.RESEARCHER)
                .findFirst().orElseThrow();
        assertThat(researcher.name()).contains("Svetlana Ivanova");
        assertThat(researcher.organisation()).contains("Boreskov");
        assertThat(researcher.sharedTerms()).contains("catalysis");
        assertThat(researcher.sharedFields()).containsExactly("1.4");
        assertThat(researcher.country()).isEqualTo(1.0);
        assertThat(researcher.score()).isEqualTo(DirectoryMatches.TEXT_WEIGHT * researcher.text()
                + DirectoryMatches.FOS_WEIGHT * researcher.fos() + DirectoryMatches.COUNTRY_WEIGHT * researcher.country(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(found).filteredOn(m -> m.kind() == DirectoryMatches.Kind.ORGANISATION)
                .extracting(DirectoryMatches.Match::name).first().asString().contains("Boreskov");
        assertThat(found).allSatisfy(m -> assertThat(m.score()).isGreaterThanOrEqualTo(DirectoryMatches.THRESHOLD));
        assertThat(found.stream().filter(m -> m.kind() == DirectoryMatches.Kind.RESEARCHER).count())
                .isLessThanOrEqualTo(DirectoryMatches.PER_REQUEST);

        // Offers are not matched with the directory: only requests look for researchers.
        assertThat(matches.forUser(user("admin"))).isEmpty();

        var api = new org.tandem.support.ApiClient(port).signIn("enterprise.vn").get("/api/v1/innovation/matches/directory");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().toString()).contains("Svetlana Ivanova").contains("sharedTerms");
        assertThat(new org.tandem.support.ApiClient(port).get("/api/v1/innovation/matches/directory").status())
                .isIn(401, 403);

        for (String lang : List.of("en", "vi", "ru")) {
            String page = new WebSession(port).signIn("enterprise.vn", "demo").get("/innovation/matches?lang=" + lang, lang).body();
            assertThat(page).contains("Svetlana Ivanova").contains("directory-match").doesNotContain("innovation.match.");
        }
    }
}
