package org.bridgeway.directory.openreferral;

import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.search.FeedEntries;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A listing in the feed's lists of services: its one-to-one facts, as {@code /services} sends them. */
@Component
class ServiceFactsEntries implements FeedEntries {

    private final ServiceMapper mapper;
    private final JsonMapper json;

    ServiceFactsEntries(ServiceMapper mapper, JsonMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public byte[] of(Listing listing) {
        return json.writeValueAsBytes(mapper.facts(ListedService.of(listing)));
    }
}
