package org.bridgeway.notification.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, from the token's {@code sub}, {@code roles} and {@code org_id} claims. */
public record Caller(String userId, List<String> roles, String organisationId) {

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), roles == null ? List.of() : roles, jwt.getClaimAsString("org_id"));
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }
}
