package org.bridgeway.directory.web;

import java.util.List;

/** The paging envelope of every list: {@code {items, page: {number, size, totalItems, totalPages}}}. */
public record PageView<T>(List<T> items, Page page) {

    public record Page(int number, int size, long totalItems, long totalPages) {
    }

    public static <T> PageView<T> of(List<T> items, int number, int size, long totalItems) {
        return new PageView<>(items, new Page(number, size, totalItems, (totalItems + size - 1) / size));
    }
}
