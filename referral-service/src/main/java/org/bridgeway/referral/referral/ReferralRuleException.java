package org.bridgeway.referral.referral;

/** A change the life cycle does not allow from the referral's current state. */
public class ReferralRuleException extends RuntimeException {

    public ReferralRuleException(String message) {
        super(message);
    }
}
