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
        // Only for a page a browser opens: not for a form post (it redirects), an error page (it must not
        // depend on the services), a stream, a file or a second (async) dispatch.
        String accept = request.getHeader("Accept");
        if (user == null || !"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST
                || accept == null || !accept.contains("text/html")) {
            return null;
        }
        gateway.accessToken(); // renewed here, before the badge's and the page's calls run side by side
        return UnreadBadge.ask(gateway, request);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
