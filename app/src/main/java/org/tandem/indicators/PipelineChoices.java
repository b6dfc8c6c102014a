package org.tandem.indicators;

import java.util.Locale;
import org.tandem.platform.validation.Problems;

/**
 * The analyst's choices for an edition, written as the engine's pipeline.json (COINr's steps):
 * screening of units with too little data, imputation, outlier treatment with its thresholds,
 * normalisation (min-max with its range), aggregation, and the alternatives the uncertainty
 * analysis draws from.
 *
 * @param screen the least share of indicators a unit must have to be ranked (COINr's
 *     {@code Screen}), or null to rank every unit
 */
public record PipelineChoices(Impute impute, boolean treat, Normalise normalise, Aggregate aggregate,
                              double weightsNoise, Double screen, int maxPoints, double maxSkew, double maxKurtosis,
                              double rangeLow, double rangeHigh) {

    public enum Impute { NONE, MEAN, MEDIAN }

    public enum Normalise { MINMAX, ZSCORE, RANK }

    public enum Aggregate { AMEAN, GMEAN, HMEAN }

    /** COINr's and the GII's treatment thresholds. */
    static final int MAX_POINTS = 5;
    static final double MAX_SKEW = 2;
    static final double MAX_KURTOSIS = 3.5;

    /** The common choices with the GII's thresholds and a 0–100 range. */
    public PipelineChoices(Impute impute, boolean treat, Normalise normalise, Aggregate aggregate, double weightsNoise) {
        this(impute, treat, normalise, aggregate, weightsNoise, null, MAX_POINTS, MAX_SKEW, MAX_KURTOSIS, 0, 100);
    }

    /** The GII's defaults: no imputation beyond re-weighting, winsorisation with log fallback, min-max to 0–100, arithmetic means. */
    public static PipelineChoices defaults() {
        return new PipelineChoices(Impute.NONE, true, Normalise.MINMAX, Aggregate.AMEAN, 0.25);
    }

    /** Every mistake at once, each on its field; nothing is saved when there is one. */
    void check() {
        Problems p = new Problems();
        p.require(!Double.isNaN(weightsNoise) && weightsNoise >= 0 && weightsNoise <= 1, "weightsNoise",
                "indicators.pipeline.badNoise");
        p.require(screen == null || (screen > 0 && screen <= 1), "screen", "indicators.pipeline.badScreen");
        p.require(maxPoints >= 1 && maxPoints <= 50, "maxPoints", "indicators.pipeline.badMaxPoints", 1, 50);
        p.require(Double.isFinite(maxSkew) && maxSkew > 0, "maxSkew", "indicators.pipeline.badThreshold");
        p.require(Double.isFinite(maxKurtosis) && maxKurtosis > 0, "maxKurtosis", "indicators.pipeline.badThreshold");
        boolean range = Double.isFinite(rangeLow) && Double.isFinite(rangeHigh) && rangeLow < rangeHigh;
        p.require(range, "rangeHigh", "indicators.pipeline.badRange");
        // A zero makes a geometric mean zero and a harmonic mean undefined: those need a range above zero.
        p.require(!range || normalise != Normalise.MINMAX || aggregate == Aggregate.AMEAN || rangeLow > 0, "rangeLow",
                "indicators.pipeline.meanNeedsPositive");
        p.throwIfAny();
    }

    public String toJson() {
        StringBuilder s = new StringBuilder("{\"steps\":[");
        if (screen != null) {
            s.append("{\"op\":\"screen\",\"min_data_availability\":").append(screen).append("},");
        }
        if (impute != Impute.NONE) {
            s.append("{\"op\":\"impute\",\"method\":\"").append(impute.name().toLowerCase(Locale.ROOT)).append("\"},");
        }
        if (treat) {
            s.append("{\"op\":\"treat\",\"method\":\"winsorise\",\"max_points\":").append(maxPoints)
                    .append(",\"max_skew\":").append(maxSkew).append(",\"max_kurtosis\":").append(maxKurtosis)
                    .append(",\"fallback\":\"log\"},");
        }
        s.append(normaliseStep()).append(',');
        s.append("{\"op\":\"aggregate\",\"method\":\"").append(aggregate.name().toLowerCase(Locale.ROOT)).append("\"}]");
        // Alternatives as the JRC's usual uncertainty set: the other normalisations that keep scores positive, both means.
        s.append(",\"uncertainty\":{\"weights_noise\":").append(weightsNoise)
                .append(",\"normalise\":[{\"method\":\"minmax\",\"range\":[1,100]},{\"method\":\"rank\"}]")
                .append(",\"aggregate\":[\"amean\",\"gmean\"]}}");
        return s.toString();
    }

    private String normaliseStep() {
        return switch (normalise) {
            case MINMAX -> "{\"op\":\"normalise\",\"method\":\"minmax\",\"range\":[" + rangeLow + "," + rangeHigh + "]}";
            case ZSCORE -> "{\"op\":\"normalise\",\"method\":\"zscore\",\"mean_sd\":[10,1]}";
            case RANK -> "{\"op\":\"normalise\",\"method\":\"rank\"}";
        };
    }

    /** Stored as a compact text, {@code impute|treat|normalise|aggregate|noise|screen|points|skew|kurtosis|low|high}. */
    String encode() {
        return impute + "|" + treat + "|" + normalise + "|" + aggregate + "|" + weightsNoise + "|" + (screen == null ? "" : screen)
                + "|" + maxPoints + "|" + maxSkew + "|" + maxKurtosis + "|" + rangeLow + "|" + rangeHigh;
    }

    /** Editions saved before the thresholds were choices have five parts: they get the defaults. */
    static PipelineChoices decode(String s) {
        String[] p = s.split("\\|", -1);
        Impute impute = Impute.valueOf(p[0]);
        boolean treat = Boolean.parseBoolean(p[1]);
        Normalise normalise = Normalise.valueOf(p[2]);
        Aggregate aggregate = Aggregate.valueOf(p[3]);
        double noise = Double.parseDouble(p[4]);
        if (p.length < 11) {
            return new PipelineChoices(impute, treat, normalise, aggregate, noise);
        }
        return new PipelineChoices(impute, treat, normalise, aggregate, noise, p[5].isEmpty() ? null : Double.valueOf(p[5]),
                Integer.parseInt(p[6]), Double.parseDouble(p[7]), Double.parseDouble(p[8]), Double.parseDouble(p[9]),
                Double.parseDouble(p[10]));
    }
}
