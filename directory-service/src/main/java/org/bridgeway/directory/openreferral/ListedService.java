package org.bridgeway.directory.openreferral;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingDetails;

/**
 * What lists need of a listing: its one-to-one facts and its locations. Read from the copy the
 * search index stores (a {@code ListingView}), so a page of services costs no database reads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ListedService(String id, String organisationId, String name, String description, String website, String email,
                     Listing.Status status, Integer minimumAge, Integer maximumAge, ListingDetails.ReferralTerms referral,
                     ListingDetails.Capacity capacity, List<ListingDetails.Location> locations, Instant lastVerifiedAt,
                     Instant updatedAt) {

    ListedService {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    static ListedService of(Listing listing) {
        ListingDetails d = listing.details();
        return new ListedService(listing.id(), d.organisationId(), d.name(), d.description(), d.website(), d.email(),
                listing.status(), d.minimumAge(), d.maximumAge(), d.referral(), d.capacity(), d.locations(),
                listing.lastVerifiedAt(), listing.updatedAt());
    }
}
