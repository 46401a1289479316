package org.bridgeway.identity.people;

/**
 * Someone who can sign in: their role, and for referrers and providers their organisation (the
 * directory's organisation id) and professional role (a referrer-role code of the directory's
 * taxonomy, which listings may restrict referrals to). A disabled person cannot sign in.
 */
public record Person(String username, String name, String email, Role role, String organisationId,
                     String professionalRole, boolean enabled) {

    public enum Role {
        REFERRER, PROVIDER, MANAGER, ADMIN;

        /** Referrers and providers act for an organisation; managers and administrators for the whole area. */
        boolean actsForAnOrganisation() {
            return this == REFERRER || this == PROVIDER;
        }
    }

    Person enabled(boolean enabled) {
        return new Person(username, name, email, role, organisationId, professionalRole, enabled);
    }
}
