package org.bridgeway.directory.listing;

import java.time.Instant;

/** The body of a review-due message: which listing lapsed, whose it is, and since when it was last verified. */
public record ReviewDue(String serviceId, long sequence, String organisationId, String name, Instant lastVerifiedAt,
                        Instant reviewDueSince) {
}
