package org.bridgeway.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** The caller's network address: the connection's, or behind trusted proxies the one they saw. */
@Component
class CallerAddresses {

    private final RemoteAddressResolver resolver;

    CallerAddresses(RateLimitSettings settings) {
        this.resolver = settings.trustedProxyHops() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(settings.trustedProxyHops())
                : new RemoteAddressResolver() { };
    }

    String of(ServerWebExchange exchange) {
        InetSocketAddress address = resolver.resolve(exchange);
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }
}
