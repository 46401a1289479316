package org.bridgeway.directory.openreferral;

import java.util.Optional;

import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.Listings;
import org.bridgeway.directory.organisation.Organisations;
import org.bridgeway.directory.web.NotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.util.RawValue;

/**
 * The services of the feed: lists from the search index, single services from the store. Only
 * searchable listings (not merged, active or temporarily closed) are published.
 */
@Component
class ServiceFeed {

    private final IndexedServices index;
    private final Listings listings;
    private final Organisations organisations;
    private final ServiceMapper mapper;

    ServiceFeed(IndexedServices index, Listings listings, Organisations organisations, ServiceMapper mapper) {
        this.index = index;
        this.listings = listings;
        this.organisations = organisations;
        this.mapper = mapper;
    }

    /** Entries as {@link ServiceFactsEntries} made them: each a service's facts. */
    FeedPage<RawValue> services(ServiceSearch search, Paging paging) {
        IndexedServices.Entries found = index.entries(search, paging.page() - 1, paging.perPage());
        return FeedPage.of(found.entries(), found.total(), paging);
    }

    Hsds.Service service(String id) {
        Listing listing = published(id).orElseThrow(() -> new NotFoundException("service", id));
        return mapper.service(listing, organisations.find(listing.organisationId()));
    }

    /** Tries each listing the id could belong to; see {@link ServiceAtLocationId}. */
    Hsds.ServiceAtLocation serviceAtLocation(String id) {
        for (ServiceAtLocationId.Candidate candidate : ServiceAtLocationId.candidates(id)) {
            Optional<Listing> listing = published(candidate.serviceId())
                    .filter(l -> l.details().locations().size() > candidate.locationIndex());
            if (listing.isPresent()) {
                return mapper.atLocation(listing.get(), candidate.locationIndex(),
                        organisations.find(listing.get().organisationId()));
            }
        }
        throw new NotFoundException("service at location", id);
    }

    private Optional<Listing> published(String id) {
        return listings.find(id).filter(Listing::isSearchable);
    }
}
