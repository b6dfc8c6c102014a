package org.tandem.engine.index;

import java.util.Map;

/**
 * The units of an iData table: codes, indicator values (NaN = missing) as
 * {@code values[indicator][unit]} in {@link Framework} order, and the group and denominator
 * columns by name. Column-major because every COINr operation works one indicator at a time.
 */
public record IndexData(String[] unitCodes, double[][] values, Map<String, String[]> groups,
        Map<String, double[]> denominators) {

    public int unitCount() {
        return unitCodes.length;
    }
}
