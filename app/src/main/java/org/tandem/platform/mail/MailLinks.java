package org.tandem.platform.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail is read outside the browser: a path such as {@code /invitations/abc} means nothing
 * there. Every path in a body that stands on its own (after a space, a line start or an opening
 * bracket) becomes a link under {@code TANDEM_BASE_URL}, so modules keep writing paths.
 */
final class MailLinks {

    private static final Pattern PATH = Pattern.compile("(?m)(^|[\\s(«“\"])(/[A-Za-z][A-Za-z0-9._~%!$&'*+,;=:@/?#-]*)");

    private MailLinks() {
    }

    /** The configured base without a trailing slash, or the local address when none is configured. */
    static String base(String configured, String port) {
        String base = configured == null || configured.isBlank() ? "http://localhost:" + port : configured.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    static String absolute(String body, String base) {
        if (body == null) {
            return null;
        }
        Matcher m = PATH.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group(2);
            // A sentence's full stop or comma after a link is not part of it.
            String tail = "";
            while (!path.isEmpty() && ".,;:!?".indexOf(path.charAt(path.length() - 1)) >= 0) {
                tail = path.charAt(path.length() - 1) + tail;
                path = path.substring(0, path.length() - 1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + base + path + tail));
        }
        m.appendTail(out);
        return out.toString();
    }
}
