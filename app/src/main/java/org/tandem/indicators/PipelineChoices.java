package org.tandem.indicators;

import java.util.Locale;

/**
 * The analyst's choices for an edition, written as the engine's pipeline.json (COINr's steps):
 * imputation, outlier treatment, normalisation, aggregation, and the alternatives the
 * uncertainty analysis draws from.
 */
public record PipelineChoices(Impute impute, boolean treat, Normalise normalise, Aggregate aggregate,
                              double weightsNoise) {

    public enum Impute { NONE, MEAN, MEDIAN }

    public enum Normalise { MINMAX, ZSCORE, RANK }

    public enum Aggregate { AMEAN, GMEAN }

    /** The GII's defaults: no imputation beyond re-weighting, winsorisation with log fallback, min-max to 0–100, arithmetic means. */
    public static PipelineChoices defaults() {
        return new PipelineChoices(Impute.NONE, true, Normalise.MINMAX, Aggregate.AMEAN, 0.25);
    }

    public String toJson() {
        StringBuilder s = new StringBuilder("{\"steps\":[");
        if (impute != Impute.NONE) {
            s.append("{\"op\":\"impute\",\"method\":\"").append(impute.name().toLowerCase(Locale.ROOT)).append("\"},");
        }
        if (treat) {
            s.append("{\"op\":\"treat\",\"method\":\"winsorise\",\"max_points\":5,\"max_skew\":2,\"max_kurtosis\":3.5,"
                    + "\"fallback\":\"log\"},");
        }
        s.append(normaliseStep(normalise)).append(',');
        s.append("{\"op\":\"aggregate\",\"method\":\"").append(aggregate.name().toLowerCase(Locale.ROOT)).append("\"}]");
        // Alternatives as the JRC's usual uncertainty set: the other normalisations that keep scores positive, both means.
        s.append(",\"uncertainty\":{\"weights_noise\":").append(weightsNoise)
                .append(",\"normalise\":[{\"method\":\"minmax\",\"range\":[1,100]},{\"method\":\"rank\"}]")
                .append(",\"aggregate\":[\"amean\",\"gmean\"]}}");
        return s.toString();
    }

    private static String normaliseStep(Normalise n) {
        return switch (n) {
            case MINMAX -> "{\"op\":\"normalise\",\"method\":\"minmax\",\"range\":[0,100]}";
            case ZSCORE -> "{\"op\":\"normalise\",\"method\":\"zscore\",\"mean_sd\":[10,1]}";
            case RANK -> "{\"op\":\"normalise\",\"method\":\"rank\"}";
        };
    }

    /** Stored as a compact text, {@code impute|treat|normalise|aggregate|noise}. */
    String encode() {
        return impute + "|" + treat + "|" + normalise + "|" + aggregate + "|" + weightsNoise;
    }

    static PipelineChoices decode(String s) {
        String[] p = s.split("\\|");
        return new PipelineChoices(Impute.valueOf(p[0]), Boolean.parseBoolean(p[1]), Normalise.valueOf(p[2]),
                Aggregate.valueOf(p[3]), Double.parseDouble(p[4]));
    }
}
