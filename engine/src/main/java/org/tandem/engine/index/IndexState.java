package org.tandem.engine.index;

/**
 * A data set between two pipeline steps: the units still in (indices into {@link IndexData})
 * and the indicator values {@code values[indicator][k]} of unit {@code units[k]}. Steps return a
 * new state and never change the arrays of the one they were given.
 */
public record IndexState(int[] units, double[][] values) {

    public int unitCount() {
        return units.length;
    }

    static IndexState of(IndexData data) {
        int n = data.unitCount();
        int[] units = new int[n];
        for (int k = 0; k < n; k++) {
            units[k] = k;
        }
        double[][] v = new double[data.values().length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = data.values()[i].clone();
        }
        return new IndexState(units, v);
    }
}
