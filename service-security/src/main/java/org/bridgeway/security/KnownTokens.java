package org.bridgeway.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Bearer tokens that passed a full check (signature, issuer, audience), remembered until they
 * expire, so that the same token is not checked again on every call. The key is the token's exact
 * text: any change to it is another token, checked in full. Only tokens that passed are put here.
 */
public final class KnownTokens {

    /** Far more people and systems than call at once; past it, the least used go first. */
    private static final int REMEMBERED_AT_MOST = 10_000;

    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public KnownTokens(Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(REMEMBERED_AT_MOST)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> Duration.between(clock.instant(), jwt.getExpiresAt())))
                .build();
    }

    /**
     * The token as it was verified, or null when it was not or has expired since. Its expiry is
     * checked against the clock here too: the clock may have been put right since.
     */
    public Jwt known(String token) {
        Jwt known = verified.getIfPresent(token);
        return known != null && known.getExpiresAt().isAfter(clock.instant()) ? known : null;
    }

    /** A token without an expiry is not kept: it is checked in full each time. */
    public void verified(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
    }
}
