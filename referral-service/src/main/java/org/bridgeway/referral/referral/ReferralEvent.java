package org.bridgeway.referral.referral;

import java.time.Instant;

/**
 * The body of every referral.events.v1 message. Ids, codes and times only: no name, date of birth,
 * contact detail or free text of the resident ever goes on Kafka.
 *
 * @param actorRole        who made the change: the referring side, the receiving side or Bridgeway
 * @param actorOrganisationId the organisation of whoever made the change (none for Bridgeway itself)
 * @param residentArea     the area code the resident's postcode district mostly lies in (a town, district or
 *                         ward of the reference areas); null when it is not in them. Never the postcode.
 * @param parentReferralId the referral this one was referred on from, if any
 */
public record ReferralEvent(String referralId, String reference, long sequence, ReferralStatus status,
                            ReferralStatus previousStatus, String serviceId, String organisationId,
                            String referrerUserId, String referrerOrganisationId, String category, Urgency urgency,
                            String residentArea, String reasonCode, Outcome outcome, Actor.Role actorRole, String actorOrganisationId,
                            String parentReferralId,
                            Instant occurredAt) {
}
