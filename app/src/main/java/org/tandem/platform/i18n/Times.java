package org.tandem.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Formats instants for people: in the reader's zone and language, or in a named zone (a
 * party's), always with the zone shown so nobody misreads a deadline. Used from templates as
 * {@code @times}.
 */
@Component("times")
public class Times {

    private final Clock clock;
    private final MessageSource messages;

    Times(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    public ZoneId readerZone() {
        var attrs = RequestContextHolder.getRequestAttributes();
        HttpServletRequest request = attrs instanceof ServletRequestAttributes s ? s.getRequest() : null;
        return ReaderZone.of(request);
    }

    /** In the reader's zone. */
    public String reader(Instant instant) {
        return in(instant, readerZone());
    }

    public String in(Instant instant, String zone) {
        return in(instant, ZoneId.of(zone));
    }

    public String in(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone)) + " (" + zoneLabel(zone, locale) + ")";
    }

    public String date(java.time.LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).format(date);
    }

    private static String zoneLabel(ZoneId zone, Locale locale) {
        String id = zone.getId();
        return "Z".equals(id) || "UTC".equals(id) ? "UTC" : id + ", " + zone.getDisplayName(TextStyle.SHORT, locale);
    }

    /** "12 days 3 h" until the instant, in the reader's language; empty once passed. */
    public String countdown(Instant instant) {
        Duration left = Duration.between(clock.instant(), instant);
        if (left.isNegative() || left.isZero()) {
            return "";
        }
        return messages.getMessage("countdown", new Object[] {left.toDays(), left.toHoursPart(), left.toMinutesPart()},
                LocaleContextHolder.getLocale());
    }

    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
