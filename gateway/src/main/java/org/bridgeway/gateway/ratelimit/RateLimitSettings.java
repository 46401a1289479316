package org.bridgeway.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests a caller may make. Each allowance is a token bucket: {@code burst} requests at
 * once, refilled at {@code perSecond}. A signed-in person and the client they came through (the web,
 * an integration) each have a bucket; a caller without a token is counted by network address, and
 * so, before the token check, are the tokens an address has had refused.
 *
 * @param redisUri where the buckets live when several gateways must share them; empty keeps them in memory
 * @param trustedProxyHops how many proxies in front of the gateway append to {@code X-Forwarded-For}:
 *     behind a load balancer every anonymous caller would otherwise share the balancer's address
 */
@Validated
@ConfigurationProperties("bridgeway.rate-limits")
public record RateLimitSettings(@Valid @NotNull Allowance perPerson, @Valid @NotNull Allowance perClient,
                                @Valid @NotNull Allowance perAddress, @Valid @NotNull Allowance refusedTokensPerAddress,
                                String redisUri, @PositiveOrZero int trustedProxyHops) {

    public record Allowance(@Positive long burst, @Positive long perSecond) {
    }
}
