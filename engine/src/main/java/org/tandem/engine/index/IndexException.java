package org.tandem.engine.index;

/**
 * A pipeline that COINr itself would stop on for this data (for example a geometric mean over
 * zeros, or an indicator with no values to impute from). The message says which step, indicator
 * or aggregate and unit; the command reports it as bad input with the pipeline step's location.
 */
public class IndexException extends RuntimeException {

    private final int step;

    public IndexException(int step, String message) {
        super(message);
        this.step = step;
    }

    /** 0-based index of the pipeline step, or -1 when not about one step. */
    public int step() {
        return step;
    }
}
