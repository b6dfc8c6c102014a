package org.tandem.engine.assign;

/** A demand that could not be met in full, and why. */
public record UnmetDemand(String proposalId, String group, int missing, Reason reason) {

    public enum Reason {
        /** Every candidate of this group for the proposal is conflicted. */
        ALL_CONFLICTED,
        /** Fewer usable (non-conflicted) candidates than required. */
        NO_CANDIDATES_LEFT,
        /** Enough candidates, but their loads are taken by other proposals. */
        CAPACITY_EXHAUSTED;

        public String text() {
            return switch (this) {
                case ALL_CONFLICTED -> "all conflicted";
                case NO_CANDIDATES_LEFT -> "no candidates left";
                case CAPACITY_EXHAUSTED -> "capacity exhausted";
            };
        }
    }
}
