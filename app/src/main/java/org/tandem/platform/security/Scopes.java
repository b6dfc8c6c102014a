package org.tandem.platform.security;

import java.util.List;
import java.util.Locale;

/**
 * The programmes and parties a grant can be scoped to. Implemented by the programme module,
 * so that the platform can offer them without depending on it.
 */
public interface Scopes {

    /** One row per (programme, party), labelled in the given language. */
    List<Scope> all(Locale locale);

    record Scope(long programmeId, String programme, long partyId, String party) {
    }
}
