package org.bridgeway.directory.search;

import org.bridgeway.directory.listing.Listings;
import org.bridgeway.directory.organisation.Organisation;
import org.bridgeway.directory.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Fills the search index from the store before the service takes requests: the index lives in a
 * temporary directory, so the store is the one source of truth.
 */
@Component
class IndexRebuild implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

    private final ListingIndex index;
    private final Listings listings;
    private final Organisations organisations;

    IndexRebuild(ListingIndex index, Listings listings, Organisations organisations) {
        this.index = index;
        this.listings = listings;
        this.organisations = organisations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        for (Organisation organisation : organisations.all()) {
            index.organisationNamed(organisation.id(), organisation.name());
        }
        int[] count = {0};
        listings.forEach(listing -> {
            index.put(listing);
            count[0]++;
        });
        index.merge();
        log.info("Search index rebuilt from {} listings in {} ms", count[0], (System.nanoTime() - started) / 1_000_000);
    }
}
