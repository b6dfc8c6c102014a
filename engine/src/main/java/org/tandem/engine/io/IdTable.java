package org.tandem.engine.io;

import java.util.Arrays;

/**
 * Numbers distinct ids 0, 1, 2, ... in the order they are added, found from characters
 * without making a {@code String} per lookup: a file of millions of rows names the same few
 * thousand ids over and over.
 */
public final class IdTable {

    private String[] names = new String[8];
    private char[][] chars = new char[8][];
    private int[] hashes = new int[8];
    private int size;
    /** Open addressing: id + 1, 0 for a free slot; at most half full. */
    private int[] slots = new int[16];
    /** The id found last: files often name the same id on consecutive lines. */
    private int last = -1;

    public int size() {
        return size;
    }

    public String name(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException(id);
        }
        return names[id];
    }

    /** The number of {@code id}, or -1. */
    public int find(String id) {
        char[] a = id.toCharArray();
        return find(a, 0, a.length);
    }

    /** The number of {@code id}, adding it when new. */
    public int add(String id) {
        char[] a = id.toCharArray();
        return add(a, 0, a.length);
    }

    /** The number of the id {@code a[from, to)}, or -1. */
    public int find(char[] a, int from, int to) {
        if (last >= 0 && same(chars[last], a, from, to)) {
            return last;
        }
        int h = hash(a, from, to);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == h && same(chars[id], a, from, to)) {
                return last = id;
            }
        }
    }

    /** The number of the id {@code a[from, to)}, adding it when new. */
    public int add(char[] a, int from, int to) {
        if (last >= 0 && same(chars[last], a, from, to)) {
            return last;
        }
        int h = hash(a, from, to);
        int mask = slots.length - 1;
        int s = h & mask;
        for (; ; s = (s + 1) & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                break;
            }
            if (hashes[id] == h && same(chars[id], a, from, to)) {
                return last = id;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            chars = Arrays.copyOf(chars, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        chars[size] = Arrays.copyOfRange(a, from, to);
        names[size] = new String(a, from, to - from);
        hashes[size] = h;
        slots[s] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return last = size - 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int s = hashes[id] & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = id + 1;
        }
    }

    private static int hash(char[] a, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + a[i];
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    private static boolean same(char[] id, char[] a, int from, int to) {
        if (id.length != to - from) {
            return false;
        }
        for (int i = 0; i < id.length; i++) {
            if (id[i] != a[from + i]) {
                return false;
            }
        }
        return true;
    }
}
