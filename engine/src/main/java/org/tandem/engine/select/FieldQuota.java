package org.tandem.engine.select;

/**
 * Minimum and maximum number of funded proposals in one field. Fields without a quota are
 * unconstrained. {@link #UNBOUNDED} as maximum means "no maximum".
 */
public record FieldQuota(String field, int minCount, int maxCount) {

    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public FieldQuota {
        if (minCount < 0 || maxCount < 0) {
            throw new IllegalArgumentException("quota counts must be non-negative for field " + field);
        }
        if (minCount > maxCount) {
            throw new IllegalArgumentException("min_count > max_count for field " + field);
        }
    }

    /** The quota of a field that has none: no minimum, no maximum. */
    static FieldQuota none(String field) {
        return new FieldQuota(field, 0, UNBOUNDED);
    }
}
