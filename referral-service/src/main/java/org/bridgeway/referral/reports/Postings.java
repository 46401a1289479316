package org.bridgeway.referral.reports;

import java.util.Arrays;

/**
 * The rows of each value of one column (an organisation, a service, a referring organisation),
 * in row order, so a report filtered to one of 200 organisations reads its 5,000 rows instead of
 * a million.
 */
final class Postings {

    private static final int[] NO_ROWS = new int[0];

    private int[][] rows = new int[16][];
    private int[] sizes = new int[16];

    /** Adds a row, which must come after every row added before it; a row without a value is not kept. */
    void add(int code, int row) {
        if (code < 0) {
            return;
        }
        if (code >= rows.length) {
            int capacity = Math.max(code + 1, rows.length * 2);
            rows = Arrays.copyOf(rows, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
        }
        int[] list = rows[code];
        if (list == null) {
            list = rows[code] = new int[8];
        } else if (sizes[code] == list.length) {
            list = rows[code] = Arrays.copyOf(list, list.length * 2);
        }
        list[sizes[code]++] = row;
    }

    /** The rows of a value, ascending; only the first {@link #size} are meaningful. */
    int[] rows(int code) {
        return code >= 0 && code < rows.length && rows[code] != null ? rows[code] : NO_ROWS;
    }

    int size(int code) {
        return code >= 0 && code < sizes.length ? sizes[code] : 0;
    }

    void clear() {
        Arrays.fill(rows, null);
        Arrays.fill(sizes, 0);
    }
}
