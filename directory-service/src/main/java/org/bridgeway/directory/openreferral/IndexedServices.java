package org.bridgeway.directory.openreferral;

import java.util.List;

import org.bridgeway.directory.search.ListingIndex;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/** The searchable listings as the search index finds them: read as {@link ListedService}s, or as the feed's entries ready to send. */
@Component
class IndexedServices {

    /** How deep the index reads a result; later results cannot be fetched. */
    static final int WINDOW = ListingIndex.MAX_HITS;

    record Found(List<ListedService> services, long total) {
    }

    /** Services as the feed's lists send them, ready to send. */
    record Entries(List<RawValue> entries, long total) {
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

    /** @param page counted from 0 */
    Entries entries(ServiceSearch search, int page, int size) {
        ListingIndex.Result result = index.searchFeedEntries(search.query(page, size));
        return new Entries(result.itemsAsWritten(), result.totalItems());
    }

    /** Every listing the search finds, as far as the index reads; only ids and location counts, so cheap to read. */
    List<ListingIndex.Located> locate(ServiceSearch search) {
        return index.locate(search.query(0, 1));
    }
}
