package org.bridgeway.directory.openreferral;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bridgeway.directory.search.ListingIndex;
import org.springframework.stereotype.Component;

/**
 * The {@code /service_at_locations} list: a row per location of every listing a search finds, in
 * the search's order. The index cannot count locations, so the rows of each listing are counted
 * once per search (one read of the ids and location counts of the whole result)
 * and the counts kept for {@link #FRESH}; a page then reads only the listings its rows come from.
 * <p>
 * Approximations, for a page to cost about as much as a page of services: a total can be up to
 * {@link #FRESH} old (a page whose listings have changed since is recounted before it is served).
 */
@Component
class ServiceAtLocationRows {

    private static final Duration FRESH = Duration.ofSeconds(30);
    private static final int SEARCHES_KEPT = 16;

    /** The listings of a search in order, and before[i], the number of rows before listing i (before[n] is the total). */
    private record Counted(long countedAt, List<String> ids, int[] before) {

        int total() {
            return before[before.length - 1];
        }

        int rows(int listing) {
            return before[listing + 1] - before[listing];
        }

        /** The position of the listing that holds the row. */
        int listingOf(long row) {
            int low = 0;
            int high = ids.size() - 1;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (before[middle + 1] > row) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low;
        }

        boolean isFresh(long now) {
            return now - countedAt < FRESH.toNanos();
        }
    }

    private record Rows(List<Hsds.ServiceAtLocation> rows, boolean asCounted) {
    }

    private final IndexedServices index;
    private final ServiceMapper mapper;
    private final Map<ServiceSearch, Counted> counts = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ServiceSearch, Counted> eldest) {
            return size() > SEARCHES_KEPT;
        }
    });

    ServiceAtLocationRows(IndexedServices index, ServiceMapper mapper) {
        this.index = index;
        this.mapper = mapper;
    }

    FeedPage<Hsds.ServiceAtLocation> page(ServiceSearch search, Paging paging) {
        Counted counted = counted(search, false);
        Rows rows = rows(search, counted, paging);
        if (!rows.asCounted()) {
            counted = counted(search, true);
            rows = rows(search, counted, paging);
        }
        return FeedPage.of(rows.rows(), counted.total(), paging);
    }

    private Counted counted(ServiceSearch search, boolean recount) {
        long now = System.nanoTime();
        Counted counted = counts.get(search);
        if (recount || counted == null || !counted.isFresh(now)) {
            List<ListingIndex.Located> all = index.locate(search);
            int[] before = new int[all.size() + 1];
            for (int i = 0; i < all.size(); i++) {
                before[i + 1] = before[i] + all.get(i).locations();
            }
            counted = new Counted(now, all.stream().map(ListingIndex.Located::id).toList(), before);
            counts.put(search, counted);
        }
        return counted;
    }

    /** Reads the listings the page's rows come from in one index page, the smallest that holds them all. */
    private Rows rows(ServiceSearch search, Counted counted, Paging paging) {
        long from = paging.offset();
        long to = Math.min(paging.end(), counted.total());
        if (from >= to) {
            return new Rows(List.of(), true);
        }
        int first = counted.listingOf(from);
        int last = counted.listingOf(to - 1);
        int size = last - first + 1;
        while (first / size != last / size) {
            size++;
        }
        List<ListedService> read = index.find(search, first / size, size).services();
        int readFrom = first / size * size;
        List<Hsds.ServiceAtLocation> rows = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            ListedService service = i - readFrom < read.size() ? read.get(i - readFrom) : null;
            if (service == null || !service.id().equals(counted.ids().get(i)) || service.locations().size() != counted.rows(i)) {
                return new Rows(rows, false);
            }
            for (int k = 0; k < service.locations().size(); k++) {
                long row = counted.before()[i] + k;
                if (row >= from && row < to) {
                    rows.add(mapper.atLocation(service, k));
                }
            }
        }
        return new Rows(rows, true);
    }
}
