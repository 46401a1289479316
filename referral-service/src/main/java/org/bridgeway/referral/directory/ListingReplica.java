package org.bridgeway.referral.directory;

import java.util.List;

/**
 * This service's copy of a directory listing, fed by directory.services.v1, enough to check and
 * route a referral without calling the directory.
 *
 * @param referrerRoles the professional roles it takes referrals from; empty for any
 * @param coverage      whom it serves; null in a copy made before coverage was replicated
 */
public record ListingReplica(String id, long sequence, String organisationId, String name, List<String> categories,
                             String status, String referralPathway, List<String> referrerRoles, String capacity,
                             Coverage coverage) {

    /** The whole directory area, or these areas and everything below them. */
    public record Coverage(boolean wholeArea, List<String> areas) {
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean takesReferrals() {
        return "REFERRAL".equals(referralPathway);
    }

    public boolean paused() {
        return "PAUSED".equals(capacity);
    }

    /** Whether someone of this professional role (a referrer-role code, or null) may refer to it. */
    public boolean takesReferralsFrom(String professionalRole) {
        return referrerRoles == null || referrerRoles.isEmpty() || referrerRoles.contains(professionalRole);
    }
}
