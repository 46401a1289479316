package org.bridgeway.gateway;

import org.bridgeway.security.KnownTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's token decoder, which checks each bearer token once, then knows it until it
 * expires, as the services' decoders do: an RS256 check on every call was a seventh of the
 * gateway's CPU. A refused token is never remembered.
 */
final class ReactiveVerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final KnownTokens known;

    ReactiveVerifiedTokens(ReactiveJwtDecoder decoder, KnownTokens known) {
        this.decoder = decoder;
        this.known = known;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return Mono.defer(() -> {
            Jwt jwt = known.known(token);
            return jwt != null ? Mono.just(jwt) : decoder.decode(token).doOnNext(verified -> known.verified(token, verified));
        });
    }
}
