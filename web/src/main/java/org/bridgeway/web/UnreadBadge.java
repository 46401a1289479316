package org.bridgeway.web;

import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The badge's unread count, asked for as the page starts and read when its frame is drawn, so
 * the page's own API calls run meanwhile instead of after it. A failed count leaves the badge out:
 * no page depends on notifications.
 */
public final class UnreadBadge {

    private static final String KEY = UnreadBadge.class.getName();

    private final CompletableFuture<Object> count;

    private UnreadBadge(CompletableFuture<Object> count) {
        this.count = count;
    }

    static UnreadBadge ask(Gateway gateway, HttpServletRequest request) {
        UnreadBadge badge = new UnreadBadge(InParallel.call(() -> gateway.get("/api/notifications", Query.of("size", "1")).get("unreadCount")));
        request.setAttribute(KEY, badge);
        return badge;
    }

    public Object getCount() {
        return count.handle((unread, failed) -> failed == null ? unread : null).join();
    }

    /** A page that redirects or fails never draws the badge: the call still ends before the request does, as it uses it. */
    @Configuration(proxyBeanMethods = false)
    static class Waiting implements WebMvcConfigurer, AsyncHandlerInterceptor {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this);
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
            awaitBadge(request);
        }

        /** A handler that goes on asynchronously (none asks for the badge today) has its request thread end here. */
        @Override
        public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
            awaitBadge(request);
        }

        private static void awaitBadge(HttpServletRequest request) {
            if (request.getAttribute(KEY) instanceof UnreadBadge badge) {
                badge.getCount();
            }
        }
    }
}
