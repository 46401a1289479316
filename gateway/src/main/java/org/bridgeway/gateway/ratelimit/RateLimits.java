package org.bridgeway.gateway.ratelimit;

import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns away a caller who asks too often with 429 and {@code Retry-After}, so one runaway script or
 * stolen token cannot starve everyone else or page through the directory and referrals at speed.
 * After the security filters (order -100), so a person is known by their token: their own bucket and
 * their client's. Without a token the network address is the key. Health and metrics are left out:
 * a load balancer's or Prometheus's checks must never be refused.
 */
@Component
@Order(0)
class RateLimits implements WebFilter {

    private final Buckets buckets;
    private final RateLimitSettings settings;
    private final CallerAddresses addresses;

    RateLimits(Buckets buckets, RateLimitSettings settings, CallerAddresses addresses) {
        this.buckets = buckets;
        this.settings = settings;
        this.addresses = addresses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> buckets.take("person", token.getName(), settings.perPerson())
                        .switchIfEmpty(Mono.defer(() -> buckets.take("client", clientOf(token), settings.perClient()))))
                .defaultIfEmpty(Mono.defer(() -> buckets.take("address", addresses.of(exchange), settings.perAddress())))
                .flatMap(wait -> wait)
                .flatMap(wait -> buckets.refuse(exchange, wait).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(false)))
                .then();
    }

    /** The client the token was issued to: {@code azp} in OpenID Connect (the identity provider, Keycloak, Entra ID). */
    private static String clientOf(JwtAuthenticationToken token) {
        String client = token.getToken().getClaimAsString("azp");
        return client == null ? "unknown" : client;
    }
}
