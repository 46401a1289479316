package org.bridgeway.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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
    UnreadBadge unread(@AuthenticationPrincipal OidcUser user, HttpServletRequest request) {
        // An error page must not depend on the services being up; a form post redirects anyway.
        if (user == null || "POST".equals(request.getMethod()) || request.getDispatcherType() == DispatcherType.ERROR) {
            return null;
        }
        return UnreadBadge.ask(gateway, request);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
