package org.bridgeway.referral.directory;

import java.util.List;

/**
 * This service's copy of a directory listing, fed by directory.services.v1, enough to check and
 * route a referral without calling the directory.
 */
public record ListingReplica(String id, long sequence, String organisationId, String name, List<String> categories,
                             String status, String referralPathway, String capacity) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean takesReferrals() {
        return "REFERRAL".equals(referralPathway);
    }

    public boolean paused() {
        return "PAUSED".equals(capacity);
    }
}
