package org.tandem.engine.select;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A joint proposal competing for funding. Each party pays its own team in its own currency, so the
 * cost is a map party → amount; a party absent from the map pays nothing for this proposal. The
 * proposal is funded only if every party in the map pays its share.
 *
 * @param id     unique proposal identifier
 * @param field  scientific field, the unit of the min/max quotas
 * @param merit  committee score, higher is better; exact decimal (never a double, so ties are real ties)
 * @param costs  party code → non-negative cost in that party's currency
 */
public record Proposal(String id, String field, BigDecimal merit, Map<String, BigDecimal> costs) {

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(merit, "merit");
        // A sorted, unmodifiable copy: iteration order must not depend on the caller's map,
        // otherwise reasons like "budget:RU+VN" would not be stable.
        costs = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(costs, "costs")));
    }

    /** Cost for one party; zero when the party has no share in this proposal. */
    public BigDecimal costFor(String party) {
        return costs.getOrDefault(party, BigDecimal.ZERO);
    }
}
