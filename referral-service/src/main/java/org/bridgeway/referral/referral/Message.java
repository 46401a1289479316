package org.bridgeway.referral.referral;

import java.time.Instant;

/** One message on a referral's thread between the referring and the receiving side. */
public record Message(String id, Instant at, String userId, Actor.Role role, String organisationId, PrivateText text) {
}
