package org.tandem.engine.index;

import java.util.List;

/**
 * A {@code pipeline.json}: the construction steps applied in order and, optionally, the
 * uncertainty analysis. Each step mirrors one COINr function (named in its documentation).
 */
public record Pipeline(List<Step> steps, Uncertainty uncertainty) {

    public Pipeline {
        steps = List.copyOf(steps);
    }

    /** One operation of the pipeline. */
    public sealed interface Step permits Denominate, Impute, Screen, Treat, Normalise, Aggregate {
    }

    /** COINr {@code Denominate()} with the iMeta {@code Denominator} column: x / denominator. */
    public record Denominate() implements Step {
    }

    /** COINr {@code Impute()} column by column with {@code i_mean}, {@code i_median}, {@code i_mean_grp} or {@code i_median_grp}. */
    public record Impute(ImputeMethod method, String group) implements Step {
    }

    public enum ImputeMethod { MEAN, MEDIAN, MEAN_GROUP, MEDIAN_GROUP }

    /**
     * COINr {@code Screen(unit_screen = "byNA", dat_thresh)}: units whose share of present
     * indicator values is below the threshold are dropped.
     */
    public record Screen(double minDataAvailability) implements Step {
    }

    /**
     * COINr {@code Treat()} with {@code f1 = "winsorise"}, {@code f_pass = "check_SkewKurt"} and
     * {@code f2 = "log_CT"} (or no second stage). {@code maxPoints} null = no limit.
     */
    public record Treat(Integer maxPoints, double maxSkew, double maxKurtosis, Fallback fallback,
            boolean combine) implements Step {
    }

    public enum Fallback {
        /** COINr {@code log_CT}: log(x - min + 0.01 (max - min)). */
        LOG,
        /** COINr {@code log_CT_plus}: log_CT when skew is positive, else -log(max + a - x). */
        LOG_PLUS,
        NONE
    }

    /**
     * COINr {@code Normalise()}: each indicator is multiplied by its Direction, then passed to the
     * {@code n_*} function of {@code method}.
     *
     * @param a first parameter: minmax lower bound, zscore mean, scaled lower
     * @param b second parameter: minmax upper bound, zscore sd, scaled upper
     * @param goalposts {lower, upper, scale} for all indicators, or null to read goalpost_* iMeta columns
     * @param truncate goalposts: truncate to the posts ({@code trunc2posts})
     * @param capMax dist2targ: cap scores at 1 ({@code cap_max})
     */
    public record Normalise(NormaliseMethod method, double a, double b, double[] goalposts, boolean truncate,
            boolean capMax) implements Step {
    }

    public enum NormaliseMethod { MINMAX, ZSCORE, RANK, PRANK, BORDA, GOALPOSTS, DIST2TARG, DIST2MAX, FRACMAX, SCALED, NONE }

    /**
     * COINr {@code Aggregate()}: {@code methods[l - 2]} aggregates level l - 1 into level l, with
     * weights from iMeta; {@code datThresh[l - 2]} (NaN = none) is COINr's {@code dat_thresh}.
     */
    public record Aggregate(AggregateMethod[] methods, double[] datThresh) implements Step {
    }

    public enum AggregateMethod { AMEAN, GMEAN, HMEAN }

    /**
     * The Monte-Carlo uncertainty analysis ({@code get_sensitivity(SA_type = "UA")}): weights
     * perturbed by ±{@code weightsNoise} relative at every level, and the normalisation and
     * aggregation drawn uniformly from the alternatives (empty = keep the pipeline's).
     */
    public record Uncertainty(double weightsNoise, List<Normalise> normalise, List<Aggregate> aggregate) {
        public Uncertainty {
            normalise = List.copyOf(normalise);
            aggregate = List.copyOf(aggregate);
        }
    }
}
