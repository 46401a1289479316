package org.bridgeway.referral.referral;

/** Where a referral is in its life; the names map onto HL7 FHIR Task.status. */
public enum ReferralStatus {
    SUBMITTED, ACCEPTED, DECLINED, IN_PROGRESS, ON_HOLD, COMPLETED, EXPIRED, CANCELLED
}
