package org.bridgeway.identity;

/**
 * A person who can sign in locally. {@code organisationId} is the fixed id of the same organisation
 * in the directory's demo data, so a provider's token matches its organisation's listings.
 * {@code professionalRole} is a referrer-role code of the directory's taxonomy (social-prescriber,
 * vcse-worker...): listings may take referrals only from some of them.
 */
public record DemoUser(String username, String name, String email, String role, String organisationId,
                       String professionalRole) {
}
