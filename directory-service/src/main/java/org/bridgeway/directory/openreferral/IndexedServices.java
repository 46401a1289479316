package org.bridgeway.directory.openreferral;

import java.util.List;

import org.bridgeway.directory.search.ListingIndex;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The searchable listings as the search index finds them, read as {@link ListedService}s. */
@Component
class IndexedServices {

    /** How deep the index reads a result; later results cannot be fetched. */
    static final int WINDOW = ListingIndex.MAX_HITS;

    record Found(List<ListedService> services, long total) {
    }

    private final ListingIndex index;
    private final JsonMapper json;

    IndexedServices(ListingIndex index, JsonMapper json) {
        this.index = index;
        this.json = json;
    }

    /** @param page counted from 0 */
    Found find(ServiceSearch search, int page, int size) {
        ListingIndex.Result result = index.search(search.query(page, size));
        return new Found(result.items().stream().map(item -> json.readValue(item, ListedService.class)).toList(),
                result.totalItems());
    }

    /** Every listing the search finds, as far as the index reads; only ids and location counts, so cheap to read. */
    List<ListingIndex.Located> locate(ServiceSearch search) {
        return index.locate(search.query(0, 1));
    }
}
