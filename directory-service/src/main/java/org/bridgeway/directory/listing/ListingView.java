package org.bridgeway.directory.listing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A listing as the API shows it and as directory.services.v1 carries it: its content plus who
 * changed and verified it when. Public directory facts only, never resident data.
 */
public record ListingView(String id, long version, @JsonUnwrapped ListingDetails details, Listing.Status status,
                          Listing.Provenance provenance, Instant lastVerifiedAt, String lastVerifiedBy,
                          Instant reviewDueSince, String mergedInto, Instant createdAt, String createdBy,
                          Instant updatedAt, String updatedBy) {

    public static ListingView of(Listing l) {
        return new ListingView(l.id(), l.version(), l.details(), l.status(), l.provenance(), l.lastVerifiedAt(),
                l.lastVerifiedBy(), l.reviewDueSince(), l.mergedInto(), l.createdAt(), l.createdBy(), l.updatedAt(),
                l.updatedBy());
    }
}
