package org.bridgeway.referral.referral;

/** Why the referrer withdraws a referral. */
public enum CancelReason {
    NO_LONGER_NEEDED, CONSENT_WITHDRAWN, REFERRED_IN_ERROR, REFERRED_ELSEWHERE, DUPLICATE, OTHER
}
