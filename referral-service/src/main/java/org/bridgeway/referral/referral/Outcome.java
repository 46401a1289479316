package org.bridgeway.referral.referral;

/** How a referral ended, recorded by the receiving organisation when it completes it. */
public enum Outcome {
    SUPPORT_PROVIDED, PARTLY_SUPPORTED, NO_LONGER_NEEDED, UNABLE_TO_CONTACT, NOT_ELIGIBLE, REFERRED_ELSEWHERE
}
