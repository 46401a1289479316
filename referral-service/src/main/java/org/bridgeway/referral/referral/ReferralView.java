package org.bridgeway.referral.referral;

import java.time.Instant;

/** A referral as the referrer and the receiving organisation see it. */
public record ReferralView(String id, String reference, ReferralStatus status, String serviceId, String serviceName,
                           String organisationId, String category, Urgency urgency, String reason, Consent consent,
                           Resident resident, Referrer referrer, Instant submittedAt, Instant responseDueAt,
                           Instant expiresAt, boolean overdue, Instant updatedAt, long version) {

    public record Referrer(String userId, String organisationId) {
    }

    public static ReferralView of(Referral r) {
        return new ReferralView(r.id(), r.reference(), r.status(), r.serviceId(), r.serviceName(), r.organisationId(),
                r.category(), r.urgency(), r.reason(), r.consent(), r.resident(),
                new Referrer(r.referrerUserId(), r.referrerOrganisationId()), r.submittedAt(), r.responseDueAt(),
                r.expiresAt(), r.overdue(), r.updatedAt(), r.version());
    }
}
