package org.bridgeway.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.ResourceAccessException;

/** What every page's frame shows: who is signed in, their unread notices, and where they are. */
@ControllerAdvice
class Layout {

    private final Gateway gateway;

    Layout(Gateway gateway) {
        this.gateway = gateway;
    }

    @ModelAttribute("viewer")
    Viewer viewer(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : Viewer.of(user);
    }

    @ModelAttribute("unread")
    Object unread(@AuthenticationPrincipal OidcUser user, HttpServletRequest request) {
        // An error page must not depend on the services being up; a form post redirects anyway.
        if (user == null || "POST".equals(request.getMethod()) || request.getDispatcherType() == DispatcherType.ERROR) {
            return null;
        }
        try {
            return gateway.get("/api/notifications", Query.of("size", "1")).get("unreadCount");
        } catch (ApiProblem | ResourceAccessException unavailable) {
            return null; // the badge is left out; the page itself does not depend on notifications
        }
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
