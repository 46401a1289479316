package org.bridgeway.referral.referral;

import java.time.Instant;

/**
 * One change: who (with role and organisation), when, from what, to what and why. The reason
 * and outcome are codes; the note is the person's own words and stays in this service.
 */
public record HistoryEntry(Instant at, Change change, String userId, Actor.Role role, String organisationId,
                           ReferralStatus from, ReferralStatus to, String reasonCode, Outcome outcome, PrivateText note) {
}
