package org.bridgeway.referral.referral;

/**
 * A client's Idempotency-Key, scoped to the person who sent it, with a hash of the request it
 * came with: a retry of the same request gets the first result, another request with the same
 * key is refused.
 */
public record IdempotencyKey(String key, String fingerprint) {

    public static final IdempotencyKey NONE = new IdempotencyKey(null, null);
}
