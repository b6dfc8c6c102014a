package org.tandem.engine.select;

/**
 * CP-SAT knobs read from system properties, so a benchmark can compare settings without a new build.
 * Defaults are what we ship.
 */
final class SolverSettings {

    private SolverSettings() {
    }

    /**
     * One worker by default: single-threaded CP-SAT is deterministic, and on the 2,000-proposal
     * benchmark it proved optimality faster (0.5 s) than 2 free workers (1.1 s) and far faster than
     * 2 deterministic interleaved workers (22 s). See performance-select.md.
     */
    static int workers() {
        return Integer.getInteger("tandem.select.workers", 1);
    }

    /** With more than one worker, interleaved search keeps CP-SAT reproducible (same input → same set). */
    static boolean deterministic() {
        return Boolean.parseBoolean(System.getProperty("tandem.select.deterministic", "true"));
    }

    /** The core rounds add the rows implied by the Lagrangian identity ({@link LagrangianCuts}); off only to compare. */
    static boolean lagrangianCuts() {
        return Boolean.parseBoolean(System.getProperty("tandem.select.cuts", "true"));
    }

    /** The final core search runs as short restarts with other seeds ({@code OptimalSelector}); off only to compare. */
    static boolean restarts() {
        return Boolean.parseBoolean(System.getProperty("tandem.select.restarts", "true"));
    }

    /**
     * Deterministic time for aiming at the rounded-down bound before the core rounds ({@code OptimalSelector}); 0 turns
     * it off, to compare. Two units allow five restarts; on the correlated seeds every aim that found the set did so by
     * the fifth (2026-12-04, seeds 1–36).
     */
    static double aimWork() {
        return Double.parseDouble(System.getProperty("tandem.select.aim", "2"));
    }

    /**
     * How many bounds in a row to aim at: after a proof that none reaches the bound, the next aim is one unit lower.
     * One, because the lower aims won as often as they lost (seeds 1–36: 24 against 26 under 5 s).
     */
    static int aimLevels() {
        return Integer.getInteger("tandem.select.aimLevels", 1);
    }

    /** An aim that runs out keeps the best set its restarts found, if above the incumbent; off only to compare. */
    static boolean aimKeeps() {
        return Boolean.parseBoolean(System.getProperty("tandem.select.aimKeeps", "true"));
    }

    /** The aim first tries to decide its target by {@link CoreEnumeration}; off only to compare. */
    static boolean enumerate() {
        return Boolean.parseBoolean(System.getProperty("tandem.select.enumerate", "true"));
    }

    /**
     * Most disagreement sets {@link CoreEnumeration} keeps in memory (about 160 bytes each while they are sorted, with
     * two parties and five fields with quotas), never more than a sixteenth of the heap allows.
     */
    static int enumerationStored() {
        long byHeap = Runtime.getRuntime().maxMemory() / 16 / 160;
        return (int) Math.min(Integer.getInteger("tandem.select.enumerationStored", 1 << 21), byHeap);
    }

    /** Most disagreement sets {@link CoreEnumeration} streams past the stored ones before it gives up. */
    static long enumerationStreamed() {
        return Long.getLong("tandem.select.enumerationStreamed", 1L << 23);
    }

    /** Most pairs {@link CoreEnumeration} checks in its join before it gives up. */
    static long enumerationChecks() {
        return Long.getLong("tandem.select.enumerationChecks", 50_000_000L);
    }

    static boolean log() {
        return Boolean.getBoolean("tandem.select.log");
    }
}
