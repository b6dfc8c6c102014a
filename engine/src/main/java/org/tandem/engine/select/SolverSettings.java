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

    static boolean log() {
        return Boolean.getBoolean("tandem.select.log");
    }
}
