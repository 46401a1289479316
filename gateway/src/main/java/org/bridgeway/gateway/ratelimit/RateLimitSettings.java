package org.bridgeway.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests a caller may make. Each allowance is a token bucket: {@code burst} requests at
 * once, refilled at {@code perSecond}. A signed-in person and the client they came through (the web,
 * an integration) each have a bucket; a caller without a token is counted by network address.
 *
 * @param redisUri where the buckets live when several gateways must share them; empty keeps them in memory
 * @param trustedProxyHops how many proxies in front of the gateway append to {@code X-Forwarded-For}:
 *     behind a load balancer every anonymous caller would otherwise share the balancer's address
 */
@ConfigurationProperties("bridgeway.rate-limits")
public record RateLimitSettings(Allowance perPerson, Allowance perClient, Allowance perAddress, String redisUri, int trustedProxyHops) {

    public record Allowance(long burst, long perSecond) {
    }
}
