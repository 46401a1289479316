package org.bridgeway.referral.referral;

/** Who acts on a referral: the user, the role they act in and their organisation (if any). */
public record Actor(String userId, Role role, String organisationId) {

    /** People's roles come from tokens; SYSTEM is Bridgeway itself (deadlines) and never from a token. */
    public enum Role { REFERRER, PROVIDER, MANAGER, ADMIN, SYSTEM }

    public static final Actor SYSTEM = new Actor("bridgeway", Role.SYSTEM, null);
}
