package org.bridgeway.referral.security;

import org.bridgeway.referral.referral.Actor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/** Maps a token to the domain's {@link Actor}: one role per person, as the identity provider issues. */
public final class Callers {

    private Callers() {
    }

    public static Actor actor(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        for (Actor.Role role : Actor.Role.values()) {
            if (role != Actor.Role.SYSTEM && caller.roles().contains(role.name())) {
                return new Actor(caller.userId(), role, caller.organisationId());
            }
        }
        throw new AccessDeniedException("the token carries no Bridgeway role");
    }

    /** The caller's professional role, a referrer-role code of the directory's taxonomy; null when the token has none. */
    public static String professionalRole(Jwt jwt) {
        return jwt.getClaimAsString("professional_role");
    }
}
