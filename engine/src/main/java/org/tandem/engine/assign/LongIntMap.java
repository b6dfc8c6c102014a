package org.tandem.engine.assign;

import java.util.Arrays;

/** long → int without boxing (open addressing, at most half full); -1 stands for "absent". */
final class LongIntMap {

    private static final long FREE = Long.MIN_VALUE;

    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int size;

    LongIntMap() {
        Arrays.fill(keys, FREE);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int s = slot(key, mask); ; s = (s + 1) & mask) {
            long k = keys[s];
            if (k == key) {
                return values[s];
            }
            if (k == FREE) {
                return -1;
            }
        }
    }

    /** Sets the value of {@code key} (not {@link Long#MIN_VALUE}). */
    void put(long key, int value) {
        if (key == FREE) {
            throw new IllegalArgumentException("reserved key");
        }
        int mask = keys.length - 1;
        int s = slot(key, mask);
        while (keys[s] != FREE && keys[s] != key) {
            s = (s + 1) & mask;
        }
        if (keys[s] == FREE) {
            keys[s] = key;
            values[s] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
            return;
        }
        values[s] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int s = slot(oldKeys[i], mask);
                while (keys[s] != FREE) {
                    s = (s + 1) & mask;
                }
                keys[s] = oldKeys[i];
                values[s] = oldValues[i];
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
