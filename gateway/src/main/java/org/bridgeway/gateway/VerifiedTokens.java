package org.bridgeway.gateway;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks a bearer token's signature, issuer and audience once, not on every call: a person's calls
 * carry the same token for minutes, and an RS256 check on each was a seventh of the gateway's CPU.
 * A token that passed is remembered until it expires; the key is the token's exact text, so any
 * change to it is another token, checked in full. A refused token is never remembered.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    /** Far more people than are signed in at once; the least recently seen go first. */
    private static final int REMEMBERED_AT_MOST = 10_000;

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(REMEMBERED_AT_MOST)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> jwt.getExpiresAt() == null ? Duration.ZERO
                        : Duration.between(clock.instant(), jwt.getExpiresAt())))
                .build();
    }

    /** Its expiry is checked against the clock on every use too: the clock may have been put right since. */
    @Override
    public Mono<Jwt> decode(String token) {
        return Mono.defer(() -> {
            Jwt known = verified.getIfPresent(token);
            return known != null && known.getExpiresAt() != null && known.getExpiresAt().isAfter(clock.instant()) ? Mono.just(known)
                    : decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        });
    }
}
