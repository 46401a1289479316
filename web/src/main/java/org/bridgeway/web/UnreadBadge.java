package org.bridgeway.web;

import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
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
    static class Waiting implements WebMvcConfigurer, HandlerInterceptor {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this);
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
            if (request.getAttribute(KEY) instanceof UnreadBadge badge) {
                badge.getCount();
            }
        }
    }
}
