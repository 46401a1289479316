package org.bridgeway.notification.referralevents;

import java.time.Instant;

/** The fields of referral.events.v1 this service reads; others are ignored. */
record ReferralEvent(String referralId, String reference, long sequence, String status, String previousStatus,
                     String serviceId, String organisationId, String referrerUserId, String category, String urgency,
                     String reasonCode, String outcome, String actorRole, String actorOrganisationId, String parentReferralId,
                     Instant occurredAt) {
}
