package org.bridgeway.directory.openreferral;

import java.util.Map;

import org.bridgeway.directory.search.ListingQuery;
import org.bridgeway.directory.search.ListingQuery.Facet;

/**
 * Which services a list shows, as the search index filters them: free text, one code per facet,
 * the area code or postcode district the service must serve (null: any) and an age the service must take.
 * Text searches are ranked by relevance, other lists go by name; both orders are stable, so pages do not overlap.
 */
record ServiceSearch(String text, Map<Facet, String> filters, String place, Integer age) {

    ServiceSearch {
        filters = Map.copyOf(filters);
    }

    /** @param page counted from 0, as the index counts */
    ListingQuery query(int page, int size) {
        ListingQuery.Order order = text == null ? ListingQuery.Order.NAME : ListingQuery.Order.RELEVANCE;
        return new ListingQuery(text, filters, place, age, order, page, size, false);
    }
}
