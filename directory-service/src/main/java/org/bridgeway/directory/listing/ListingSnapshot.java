package org.bridgeway.directory.listing;

import java.time.Instant;
import java.util.List;

/** The body of directory.services.v1 messages: the listing as it now is, no personal data. */
public record ListingSnapshot(String serviceId, long sequence, String organisationId, String name, List<String> categories,
                              Listing.Status status, Listing.Pathway referralPathway, Listing.Capacity capacity,
                              Instant updatedAt) {
}
