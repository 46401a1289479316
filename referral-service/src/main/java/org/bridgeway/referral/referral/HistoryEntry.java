package org.bridgeway.referral.referral;

import java.time.Instant;

/** One change of status: who (with role and organisation), when, from what, to what and why. */
public record HistoryEntry(Instant at, String userId, Actor.Role role, String organisationId,
                           ReferralStatus from, ReferralStatus to, String reason) {
}
