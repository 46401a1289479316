package org.bridgeway.gateway;

import java.net.ConnectException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors raised in the gateway itself (no route, a service that does not answer) as problem
 * details, ahead of Boot's default handler; never a stack trace.
 */
@Component
@Order(-2)
class GatewayErrors implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    private final Problems problems;

    GatewayErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable e) {
        if (e instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code == HttpStatus.NOT_FOUND) {
                return problems.write(exchange, code, "There is nothing at " + exchange.getRequest().getPath().value() + ".");
            }
            if (code != null && code.is4xxClientError()) {
                return problems.write(exchange, code, status.getReason() == null ? code.getReasonPhrase() : status.getReason());
            }
            if (code == HttpStatus.GATEWAY_TIMEOUT || code == HttpStatus.SERVICE_UNAVAILABLE) {
                return unavailable(exchange, e);
            }
        }
        // Refused, or turned away by the route's open circuit breaker without trying.
        if (causedBy(e, ConnectException.class) || e instanceof ServiceUnavailableException) {
            return unavailable(exchange, e);
        }
        log.error("Unexpected gateway error on {} (request {})", exchange.getRequest().getPath().value(), RequestIds.of(exchange), e);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.");
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, Throwable e) {
        log.warn("Service unavailable for {} (request {}): {}", exchange.getRequest().getPath().value(), RequestIds.of(exchange), e.toString());
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "The service is not available just now; try again shortly.");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
