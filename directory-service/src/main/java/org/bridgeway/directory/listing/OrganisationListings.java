package org.bridgeway.directory.listing;

import java.time.Clock;

import org.bridgeway.directory.organisation.Organisation;
import org.bridgeway.directory.organisation.OrganisationChanged;
import org.bridgeway.directory.search.ListingIndex;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps an organisation's listings in step with it: found under its current name, and out of
 * search (inactive) once it is withdrawn.
 */
@Component
class OrganisationListings {

    private final Listings listings;
    private final ListingIndex index;
    private final Clock clock;

    OrganisationListings(Listings listings, ListingIndex index, Clock clock) {
        this.listings = listings;
        this.index = index;
        this.clock = clock;
    }

    @EventListener
    void changed(OrganisationChanged event) {
        Organisation organisation = event.organisation();
        index.organisationNamed(organisation.id(), organisation.name());
        for (Listing listing : listings.ofOrganisation(organisation.id())) {
            long read = listing.version();
            if (organisation.status() == Organisation.Status.WITHDRAWN && listing.isSearchable()) {
                listing.changeStatus(Listing.Status.INACTIVE, organisation.updatedBy(), clock.instant());
                listings.replace(listing, read);
            } else {
                index.put(listing);
            }
        }
    }
}
