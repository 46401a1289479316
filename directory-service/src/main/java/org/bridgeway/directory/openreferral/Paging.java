package org.bridgeway.directory.openreferral;

/** The page asked for, counted from 1, and how many entities a page holds. */
record Paging(int page, int perPage) {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    long offset() {
        return (long) (page - 1) * perPage;
    }

    /** The first position after this page. */
    long end() {
        return offset() + perPage;
    }
}
