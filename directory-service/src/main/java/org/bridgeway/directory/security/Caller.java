package org.bridgeway.directory.security;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
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

    /** Directory administrators keep every organisation's entries; a provider only its own organisation's. */
    public boolean maintains(String organisationIdOfEntry) {
        return isAdmin() || roles.contains("PROVIDER") && organisationIdOfEntry.equals(organisationId);
    }

    public void mustMaintain(String organisationIdOfEntry) {
        if (!maintains(organisationIdOfEntry)) {
            throw new AccessDeniedException("only the organisation's providers or an administrator may change this");
        }
    }
}
