package org.bridgeway.directory.openreferral;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Open Referral UK compliance: every feed response says {@code Access-Control-Allow-Origin: *},
 * whether or not the request came with an Origin, so browser apps anywhere can read the feed. It
 * runs before the security filters, so even a refusal carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenFeedCors extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/openreferral") || path.startsWith("/openreferral/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
        }
        chain.doFilter(request, response);
    }
}
