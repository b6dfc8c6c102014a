package org.tandem.engine.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Many short texts kept as given, numbered 0, 1, 2, ... in the order they are added, in one
 * array rather than a {@code String} each; a text becomes a {@code String} when asked for.
 */
public final class TextPool {

    /** Texts of characters up to U+00FF, one byte per character. */
    private byte[] bytes = new byte[1 << 12];
    private int used;
    /** Text i is {@code bytes[ends[i - 1], ends[i])}. */
    private int[] ends = new int[1 << 10];
    private int size;
    /** The rare text with a character above U+00FF. */
    private final Map<Integer, String> wide = new HashMap<>();

    public int size() {
        return size;
    }

    /** Keeps {@code a[from, to)} and returns its number. */
    public int add(char[] a, int from, int to) {
        int n = to - from;
        if (used + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + n));
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
        }
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (c > 0xFF) {
                wide.put(size, new String(a, from, n));
                ends[size] = used;
                return size++;
            }
            bytes[used + i - from] = (byte) c;
        }
        used += n;
        ends[size] = used;
        return size++;
    }

    public String get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        String w = wide.isEmpty() ? null : wide.get(i);
        if (w != null) {
            return w;
        }
        int from = i == 0 ? 0 : ends[i - 1];
        return new String(bytes, from, ends[i] - from, StandardCharsets.ISO_8859_1);
    }
}
