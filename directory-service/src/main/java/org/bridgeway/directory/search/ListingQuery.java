package org.bridgeway.directory.search;

import java.util.Map;

/**
 * A search as the index runs it: free text, exact filters by facet, the resident's place (an
 * area code or postcode district, as {@link org.bridgeway.directory.reference.Areas#place} gives it; null: any), an age, the order, the page, and
 * whether to count facets (the Open Referral feed has no use for them).
 */
public record ListingQuery(String text, Map<Facet, String> filters, String place, Integer age,
                           Order order, int page, int size, boolean withFacets) {

    public enum Order { RELEVANCE, NAME, VERIFIED }

    /** The filterable and counted dimensions; each is a request parameter and a key of {@code facets}. */
    public enum Facet {
        CATEGORY("category"), ACTIVITY("activity"), MARMOT_PRINCIPLE("marmotPrinciple"), OUTCOME("outcome"),
        PRIORITY_GROUP("priorityGroup"), GENDER("gender"), LANGUAGE("language"), CAPACITY("capacity"),
        DELIVERY_MODE("deliveryMode"), AREA("area");

        private final String field;

        Facet(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
