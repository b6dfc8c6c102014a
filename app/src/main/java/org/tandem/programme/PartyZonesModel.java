package org.tandem.programme;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tandem.platform.i18n.Times;

/**
 * The parties' time zones for every page's footer, so a reader in Hanoi knows what "17:00" means
 * in Moscow: the country in the reader's language (never the party code) and its zone, once per
 * country across programmes.
 */
@ControllerAdvice
class PartyZonesModel {

    record PartyZone(String country, String zone) {
    }

    private final Programmes programmes;
    private final Times times;

    PartyZonesModel(Programmes programmes, Times times) {
        this.programmes = programmes;
        this.times = times;
    }

    @ModelAttribute("partyZones")
    List<PartyZone> partyZones(jakarta.servlet.http.HttpServletRequest request) {
        // The API renders no footer; at a deadline surge this query ran once per submission.
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, PartyZone> byCountry = new LinkedHashMap<>();
        for (Programme programme : programmes.all()) {
            for (Party party : programme.getParties()) {
                byCountry.computeIfAbsent(party.getCountryCode() + party.getTimeZone(), k -> new PartyZone(
                        new Locale("", party.getCountryCode()).getDisplayCountry(locale),
                        times.zoneName(ZoneId.of(party.getTimeZone()))));
            }
        }
        return List.copyOf(byCountry.values());
    }
}
