package org.bridgeway.directory.organisation;

import java.time.Instant;
import java.util.List;

/** The body of directory.organisations.v1 messages: the organisation as it now is. */
public record OrganisationSnapshot(String organisationId, long sequence, String name, List<String> referralEmails,
                                   Instant updatedAt) {
}
