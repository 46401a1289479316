package org.bridgeway.gateway.ratelimit;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns away an address whose tokens keep being refused, before the token check runs: a flood of
 * forged or stale tokens would cost a signature check each, and a made-up key id a fetch of the
 * provider's key set. Each 401 spends from the address's bucket ({@link #spend}); people whose
 * token ran out get a new one long before it is empty.
 */
@Component
@Order(-200)
public class RefusedTokens implements WebFilter {

    private final Buckets buckets;
    private final RateLimitSettings settings;
    private final CallerAddresses addresses;

    RefusedTokens(Buckets buckets, RateLimitSettings settings, CallerAddresses addresses) {
        this.buckets = buckets;
        this.settings = settings;
        this.addresses = addresses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return buckets.peek("refused-token", addresses.of(exchange), settings.refusedTokensPerAddress())
                .flatMap(wait -> buckets.refuse(exchange, wait).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(false)))
                .then();
    }

    /** Counts a refused token against the caller's address. */
    public Mono<Void> spend(ServerWebExchange exchange) {
        return buckets.take("refused-token", addresses.of(exchange), settings.refusedTokensPerAddress()).then();
    }
}
