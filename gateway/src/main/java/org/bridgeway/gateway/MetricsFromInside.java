package org.bridgeway.gateway;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * The gateway is the one public port, and its metrics say much about the platform's traffic. The
 * monitoring system scrapes the gateway directly; a request through the public load balancer
 * carries the forwarding headers the balancer adds, and is told there is nothing here, for every
 * actuator endpoint but health and info. (Network policies keep anyone else from reaching the
 * gateway directly.)
 */
@Component
@Order(-300)
class MetricsFromInside implements WebFilter {

    private static final Set<String> PUBLIC = Set.of("health", "info");

    private final Problems problems;

    MetricsFromInside(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        boolean forwarded = headers.containsHeader("X-Forwarded-For") || headers.containsHeader("Forwarded");
        if (forwarded && internal(exchange.getRequest().getPath().pathWithinApplication())) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "There is nothing here.");
        }
        return chain.filter(exchange);
    }

    /**
     * Any actuator path but health and info, read as the handler mapping reads it: segment by
     * segment, percent-decoded, so {@code /actuator/%70rometheus} is caught too.
     */
    private static boolean internal(PathContainer path) {
        List<String> segments = path.elements().stream().filter(PathSegment.class::isInstance)
                .map(segment -> ((PathSegment) segment).valueToMatch()).filter(value -> !value.isEmpty()).toList();
        return !segments.isEmpty() && segments.getFirst().equals("actuator")
                && !(segments.size() > 1 && PUBLIC.contains(segments.get(1)));
    }
}
