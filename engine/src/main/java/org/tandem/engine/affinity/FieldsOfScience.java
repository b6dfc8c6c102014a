package org.tandem.engine.affinity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OECD Fields of Science 2007 codes ("1.2" = Computer and information sciences, "1" = Natural
 * sciences). Agreement of a proposal field with an expert: 1 for the same code, 0.5 for the same
 * major field only (a chemist can still judge a physics proposal better than a historian), and
 * 1 for any code under a major field when the proposal only gives the major field.
 */
final class FieldsOfScience {

    static final double SAME_MAJOR = 0.5;

    private FieldsOfScience() {
    }

    /** Trimmed, distinct, non-empty codes in input order. */
    static List<String> normalise(List<String> codes) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : codes) {
            if (c != null && !c.isBlank()) {
                out.add(c.trim());
            }
        }
        return new ArrayList<>(out);
    }

    static String major(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    static boolean isMajorOnly(String code) {
        return code.indexOf('.') < 0;
    }

    /** Agreement of one proposal code with an expert's codes, in [0, 1]. */
    static double agreement(String proposalCode, List<String> expertCodes) {
        double best = 0;
        String major = major(proposalCode);
        for (String e : expertCodes) {
            if (e.equals(proposalCode)) {
                return 1;
            }
            if (major(e).equals(major)) {
                best = Math.max(best, isMajorOnly(proposalCode) ? 1 : SAME_MAJOR);
            }
        }
        return best;
    }
}
