package org.bridgeway.gateway;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway is the one public port, and its metrics say much about the platform's traffic. The
 * monitoring system scrapes the gateway directly; a request through the public load balancer
 * carries the forwarding headers the balancer adds, and is told there is nothing here. (Network
 * policies keep anyone else from reaching the gateway directly.) Health and info stay public.
 */
@Component
@Order(-300)
class MetricsFromInside implements WebFilter {

    private final Problems problems;

    MetricsFromInside(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        boolean forwarded = headers.containsHeader("X-Forwarded-For") || headers.containsHeader("Forwarded");
        if (forwarded && exchange.getRequest().getPath().value().startsWith("/actuator/prometheus")) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "There is nothing here.");
        }
        return chain.filter(exchange);
    }
}
