package org.bridgeway.referral.referral;

/** Who acts on a referral: the user, the role they act in and their organisation (if any). */
public record Actor(String userId, Role role, String organisationId) {

    public enum Role { REFERRER, PROVIDER, MANAGER, ADMIN }
}
