package org.tandem.engine.index;

import java.util.List;

/**
 * The computed index: for every unit left after screening, the score of every node at every
 * level and the rank on the top aggregate (1 = best, ties share the lowest rank, missing score
 * = NaN rank).
 *
 * @param unitIndex for each result unit, its row in {@link IndexData}
 * @param levels levels[l - 1][node][unit]: level 1 is the data as aggregated (normalised indicators)
 * @param treatment per indicator, what the treat step did (empty without one)
 * @param removedUnits units dropped by screening, in iData order
 */
public record IndexResult(String[] unitCodes, int[] unitIndex, double[][][] levels, double[] rank,
        List<Treatment.Result> treatment, List<String> removedUnits) {

    public double[] top() {
        return levels[levels.length - 1][0];
    }
}
