package org.tandem.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailLinksTests {

    @Test
    void standAlonePathsBecomeLinksUnderTheBaseUrl() {
        String base = MailLinks.base("https://tandem.most.gov.vn/", "8080");
        assertThat(base).isEqualTo("https://tandem.most.gov.vn");
        assertThat(MailLinks.absolute("Accept: /invitations/Ab-c_9\n", base))
                .isEqualTo("Accept: https://tandem.most.gov.vn/invitations/Ab-c_9\n");
        assertThat(MailLinks.absolute("/reviews.\nAccept each at /reviews; then (/proposals/7/decision.pdf).", base))
                .isEqualTo("https://tandem.most.gov.vn/reviews.\nAccept each at https://tandem.most.gov.vn/reviews; then "
                        + "(https://tandem.most.gov.vn/proposals/7/decision.pdf).");
        // Not paths: a fraction, a date, a path already absolute, a slash inside a word.
        String text = "Budget 1/2, on 2026/12/03, see https://x.org/a and VN/RU teams.";
        assertThat(MailLinks.absolute(text, base)).isEqualTo(text);
    }

    @Test
    void withoutASettingLinksPointAtThisServer() {
        assertThat(MailLinks.base(null, "9090")).isEqualTo("http://localhost:9090");
        assertThat(MailLinks.base("  ", "8080")).isEqualTo("http://localhost:8080");
    }
}
