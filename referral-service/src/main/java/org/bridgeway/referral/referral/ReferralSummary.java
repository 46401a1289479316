package org.bridgeway.referral.referral;

import java.time.Instant;

/**
 * A referral without resident details or free text: what lists show, and all an administrator
 * sees. Reading it is not a read of personal data.
 */
public record ReferralSummary(String id, String reference, ReferralStatus status, String serviceId, String serviceName,
                              String organisationId, String category, Urgency urgency, String residentArea,
                              Coverage coverage, Referrer referrer,
                              String parentReferralId, Instant submittedAt, Instant responseDueAt, boolean overdue,
                              Instant updatedAt, long version) {

    public record Referrer(String userId, String organisationId) {
    }

    public static ReferralSummary of(Referral r) {
        return new ReferralSummary(r.id(), r.reference(), r.status(), r.serviceId(), r.serviceName(), r.organisationId(),
                r.category(), r.urgency(), r.residentArea(), r.coverage(), new Referrer(r.referrerUserId(), r.referrerOrganisationId()), r.parentReferralId(), r.submittedAt(),
                r.responseDueAt(), r.overdue(), r.updatedAt(), r.version());
    }
}
