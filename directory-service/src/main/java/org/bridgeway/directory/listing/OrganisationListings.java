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
        if (organisation.version() == 1) {
            return; // just registered: no listings yet
        }
        for (Listing listing : listings.ofOrganisation(organisation.id())) {
            if (organisation.status() == Organisation.Status.WITHDRAWN) {
                withdraw(listing, organisation.updatedBy());
            } else {
                index.put(listing);
            }
        }
    }

    /** Retried on a concurrent change: once its organisation is withdrawn, no listing may stay in search. */
    private void withdraw(Listing listing, String actor) {
        Listing current = listing;
        while (current.isSearchable()) {
            long read = current.version();
            current.changeStatus(Listing.Status.INACTIVE, actor, clock.instant());
            if (listings.replace(current, read)) {
                return;
            }
            current = listings.find(current.id()).orElseThrow();
        }
    }
}
