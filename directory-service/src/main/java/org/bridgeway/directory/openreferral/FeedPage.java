package org.bridgeway.directory.openreferral;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The paging envelope Open Referral lists share. Pages count from 1; {@code size} is the number of
 * entities on this page, as the profile's openapi.json defines it, and {@code empty} says this page has none.
 */
@JsonNaming(SnakeCaseStrategy.class)
record FeedPage<T>(long totalItems, long totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage,
                   boolean empty, List<T> contents) {

    static <T> FeedPage<T> of(List<T> contents, long totalItems, Paging paging) {
        long totalPages = (totalItems + paging.perPage() - 1) / paging.perPage();
        return new FeedPage<>(totalItems, totalPages, paging.page(), contents.size(), paging.page() == 1,
                paging.page() >= totalPages, contents.isEmpty(), List.copyOf(contents));
    }

    /** One page of a list held in memory, such as the taxonomies. */
    static <T> FeedPage<T> slice(List<T> all, Paging paging) {
        int from = (int) Math.min(all.size(), paging.offset());
        int to = (int) Math.min(all.size(), paging.offset() + paging.perPage());
        return of(all.subList(from, to), all.size(), paging);
    }
}
