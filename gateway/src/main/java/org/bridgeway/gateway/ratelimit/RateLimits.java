package org.bridgeway.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.bridgeway.gateway.Problems;
import org.bridgeway.gateway.ratelimit.RateLimitSettings.Allowance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * their client's. Without a token the network address is the key. If the bucket store fails, the
 * request goes through: an outage of Redis must not become an outage of the platform.
 */
@Component
@Order(0)
class RateLimits implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final Buckets buckets;
    private final RateLimitSettings settings;
    private final RemoteAddressResolver addresses;
    private final Problems problems;
    private final MeterRegistry meters;

    RateLimits(Buckets buckets, RateLimitSettings settings, Problems problems, MeterRegistry meters) {
        this.buckets = buckets;
        this.settings = settings;
        this.addresses = settings.trustedProxyHops() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(settings.trustedProxyHops())
                : new RemoteAddressResolver() { };
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .flatMap(token -> take("person", token.getName(), settings.perPerson())
                        .flatMap(person -> person.isConsumed() ? take("client", clientOf(token), settings.perClient()) : Mono.just(person)))
                .switchIfEmpty(Mono.defer(() -> take("address", addressOf(exchange), settings.perAddress())))
                .flatMap(probe -> probe.isConsumed() ? chain.filter(exchange) : refuse(exchange, probe));
    }

    private Mono<ConsumptionProbe> take(String kind, String who, Allowance allowance) {
        return buckets.take("bridgeway:rate:" + kind + ":" + who, allowance)
                .doOnNext(probe -> {
                    if (!probe.isConsumed()) {
                        meters.counter("bridgeway.gateway.rate.limited", "limit", kind).increment();
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Rate limit not checked, the bucket store failed: {}", e.toString());
                    return Mono.just(ConsumptionProbe.consumed(0, 0));
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests in a short time; try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
    }

    /** The client the token was issued to: {@code azp} in OpenID Connect (the identity provider, Keycloak, Entra ID). */
    private static String clientOf(JwtAuthenticationToken token) {
        String client = token.getToken().getClaimAsString("azp");
        return client == null ? "unknown" : client;
    }

    private String addressOf(ServerWebExchange exchange) {
        InetSocketAddress address = addresses.resolve(exchange);
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }
}
