package org.tandem.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.support.WebSession;

/** Every page's design system stylesheet: GOV.UK Frontend's rules, none of its GDS Transport font files. */
@TandemIntegrationTest
class DesignSystemStylesTests {

    @LocalServerPort int port;

    @Test
    void theStylesheetHasTheDesignSystemButNoFontOnlyGovUkMayUse() {
        var css = new WebSession(port).get("/css/govuk-frontend.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.body()).contains(".govuk-header").contains(".govuk-breadcrumbs").contains(".govuk-grid-row")
                .doesNotContain("@font-face").doesNotContain("/assets/fonts/");
        var home = new WebSession(port).get("/", "en").body();
        assertThat(home).contains("/css/govuk-frontend.css").contains("/css/tandem.css");
    }
}
