package org.bridgeway.referral.referral;

/** Why a receiving organisation turns a referral down; the code goes on events and into reports. */
public enum DeclineReason {
    NOT_ELIGIBLE, NO_CAPACITY, OUT_OF_AREA, SERVICE_NOT_SUITABLE, ALREADY_SUPPORTED, UNABLE_TO_CONTACT, DUPLICATE, OTHER
}
