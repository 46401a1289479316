package org.bridgeway.directory.web;

/** Where a page of results sits: {@code {number, size, totalItems, totalPages}}, numbered from 0. */
public record Page(int number, int size, long totalItems, long totalPages) {

    public static Page of(int number, int size, long totalItems) {
        return new Page(number, size, totalItems, (totalItems + size - 1) / size);
    }
}
