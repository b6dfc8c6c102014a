package org.tandem.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.Scopes;

@Component
class ProgrammeScopes implements Scopes {

    private final Programmes programmes;

    ProgrammeScopes(Programmes programmes) {
        this.programmes = programmes;
    }

    @Override
    public List<Scope> all(Locale locale) {
        List<Scope> list = new ArrayList<>();
        for (Programme p : programmes.all()) {
            for (Party party : p.getParties()) {
                list.add(new Scope(p.getId(), p.getName().in(locale), party.getId(),
                        party.getCode() + " — " + party.getAgency().in(locale)));
            }
        }
        return list;
    }
}
