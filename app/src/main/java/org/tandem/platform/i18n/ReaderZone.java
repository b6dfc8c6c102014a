package org.tandem.platform.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The reader's time zone. The browser reports it in the {@code tandem-tz} cookie (set by
 * {@code /js/tandem.js}); until it has, times are shown in UTC and labelled so.
 */
public final class ReaderZone {

    public static final String COOKIE = "tandem-tz";

    private ReaderZone() {
    }

    public static ZoneId of(HttpServletRequest request) {
        if (request != null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    try {
                        return ZoneId.of(java.net.URLDecoder.decode(c.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                    } catch (DateTimeException | IllegalArgumentException e) {
                        return ZoneOffset.UTC;
                    }
                }
            }
        }
        return ZoneOffset.UTC;
    }
}
