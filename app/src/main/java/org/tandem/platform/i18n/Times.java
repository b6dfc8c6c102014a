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
                .format(instant.atZone(zone)) + " (" + zoneLabel(zone, locale, instant) + ")";
    }

    public String date(java.time.LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).format(date);
    }

    /**
     * The zone's specific abbreviation at that instant ("MSK", "ICT", "CEST"): the generic short
     * name ({@link TextStyle#SHORT}) is "MT" for Moscow, which nobody there recognises.
     */
    private static String zoneLabel(ZoneId zone, Locale locale, Instant instant) {
        if (isUtc(zone)) {
            return "UTC";
        }
        return zone.getId() + ", " + DateTimeFormatter.ofPattern("z", locale).format(instant.atZone(zone));
    }

    private static boolean isUtc(ZoneId zone) {
        String id = zone.normalized().getId();
        return "Z".equals(id) || "UTC".equals(id) || "Etc/UTC".equals(id) || "GMT".equals(id);
    }

    /**
     * The reader's zone named for people in their language, with its offset now: "UTC",
     * "Giờ Đông Dương (Asia/Ho_Chi_Minh, GMT+7)". Never the bare offset id "Z".
     */
    public String readerZoneName() {
        return zoneName(readerZone());
    }

    public String zoneName(ZoneId zone) {
        if (isUtc(zone)) {
            return "UTC";
        }
        Locale locale = LocaleContextHolder.getLocale();
        var now = clock.instant().atZone(zone);
        if (zone instanceof java.time.ZoneOffset) {
            return DateTimeFormatter.ofPattern("O", locale).format(now);
        }
        return DateTimeFormatter.ofPattern("zzzz", locale).format(now) + " (" + zone.getId() + ", "
                + DateTimeFormatter.ofPattern("O", locale).format(now) + ")";
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
