package org.bridgeway.web;

import java.util.List;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in person as the pages need them: their name, role and organisation from the ID token. */
public record Viewer(String username, String name, List<String> roles, String organisationId, String professionalRole) {

    static Viewer of(OidcUser user) {
        List<String> roles = user.getClaimAsStringList("roles");
        return new Viewer(user.getSubject(), user.getFullName() != null ? user.getFullName() : user.getSubject(),
                roles == null ? List.of() : roles, user.getClaimAsString("org_id"), user.getClaimAsString("professional_role"));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isReferrer() {
        return is("REFERRER");
    }

    public boolean isProvider() {
        return is("PROVIDER");
    }

    public boolean isManager() {
        return is("MANAGER") || is("ADMIN");
    }

    public boolean isAdmin() {
        return is("ADMIN");
    }
}
