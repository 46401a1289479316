package org.bridgeway.referral.intake;

/** An Idempotency-Key sent again with a different request: 422, so the second referral is not silently lost. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different referral; send a new key with a new referral.");
    }
}
