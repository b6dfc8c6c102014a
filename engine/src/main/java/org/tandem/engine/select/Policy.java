package org.tandem.engine.select;

import java.util.Locale;

/** How the funding line is drawn. */
public enum Policy {
    /** Greedy by merit: transparent, explainable, what committees traditionally do. */
    RANK,
    /** Largest total merit under all budgets and quotas, proven by CP-SAT. */
    OPTIMAL;

    public static Policy parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
