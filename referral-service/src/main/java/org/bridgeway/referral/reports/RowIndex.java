package org.bridgeway.referral.reports;

import java.util.UUID;

/**
 * Referral id to fact row, for a million referrals without a million objects: open addressing
 * over the two halves of the UUID in plain arrays (about 40 bytes a referral, where a HashMap of
 * strings takes some 150).
 */
final class RowIndex {

    private static final int EMPTY = -1;

    private long[] high = new long[2048];
    private long[] low = new long[2048];
    private int[] rows = filled(2048);
    private int size;

    /** The row of the referral, or -1. */
    int get(UUID id) {
        int slot = find(high, low, rows, id.getMostSignificantBits(), id.getLeastSignificantBits());
        return rows[slot];
    }

    void put(UUID id, int row) {
        if ((size + 1) * 2 > rows.length) {
            resize(rows.length * 2);
        }
        int slot = find(high, low, rows, id.getMostSignificantBits(), id.getLeastSignificantBits());
        if (rows[slot] == EMPTY) {
            size++;
        }
        high[slot] = id.getMostSignificantBits();
        low[slot] = id.getLeastSignificantBits();
        rows[slot] = row;
    }

    /** Moves every referral to its new row after the rows were reordered: {@code newRowOf[old]}. */
    void renumber(int[] newRowOf) {
        for (int slot = 0; slot < rows.length; slot++) {
            if (rows[slot] != EMPTY) {
                rows[slot] = newRowOf[rows[slot]];
            }
        }
    }

    private static int find(long[] high, long[] low, int[] rows, long hi, long lo) {
        int mask = rows.length - 1;
        int slot = Long.hashCode(hi * 31 + lo) * 0x9E3779B9 & mask;
        while (rows[slot] != EMPTY && (high[slot] != hi || low[slot] != lo)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void resize(int capacity) {
        long[] newHigh = new long[capacity];
        long[] newLow = new long[capacity];
        int[] newRows = filled(capacity);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != EMPTY) {
                int slot = find(newHigh, newLow, newRows, high[i], low[i]);
                newHigh[slot] = high[i];
                newLow[slot] = low[i];
                newRows[slot] = rows[i];
            }
        }
        high = newHigh;
        low = newLow;
        rows = newRows;
    }

    private static int[] filled(int capacity) {
        int[] empty = new int[capacity];
        java.util.Arrays.fill(empty, EMPTY);
        return empty;
    }
}
