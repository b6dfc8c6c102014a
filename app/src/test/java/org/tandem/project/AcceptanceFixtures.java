package org.tandem.project;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tandem.platform.security.TandemUser;
import org.tandem.project.AcceptanceRule.Criterion;
import org.tandem.project.AcceptanceRule.Grade;

/** A party's acceptance in one step, for tests about what follows it: one unconflicted expert, every grade Satisfactory. */
final class AcceptanceFixtures {

    private AcceptanceFixtures() {
    }

    static Acceptance.Council accept(Acceptance acceptance, long projectId, String party, TandemUser officer) {
        long expert = acceptance.candidates(projectId, party, officer).stream().filter(c -> c.conflict() == null)
                .findFirst().orElseThrow().personId();
        Acceptance.Council c = acceptance.form(projectId, party, java.util.List.of(expert), java.util.List.of("Final results"),
                officer);
        Map<Criterion, Grade> satisfactory = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            satisfactory.put(criterion, Grade.SATISFACTORY);
        }
        Map<Long, Map<Criterion, Grade>> grades = new LinkedHashMap<>();
        c.products().forEach(p -> grades.put(p.id(), satisfactory));
        acceptance.grade(c.id(), expert, grades, officer);
        return acceptance.conclude(c.id(), officer);
    }
}
