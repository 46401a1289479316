package org.bridgeway.identity;

/**
 * A person who can sign in locally. {@code organisationId} is the fixed id of the same organisation
 * in the directory's demo data, so a provider's token matches its organisation's listings.
 */
public record DemoUser(String username, String name, String email, String role, String organisationId) {
}
