package org.bridgeway.directory.organisation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.bridgeway.directory.security.Caller;

/** An organisation as the API shows it and as directory.organisations.v1 carries it. */
public record OrganisationView(String id, long version, @JsonUnwrapped OrganisationDetails details,
                               Organisation.Status status, Instant createdAt, String createdBy, Instant updatedAt,
                               String updatedBy) {

    public static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id(), o.version(), o.details(), o.status(), o.createdAt(), o.createdBy(),
                o.updatedAt(), o.updatedBy());
    }

    /** The whole view for its own providers and administrators; others see only its public part. */
    static OrganisationView seenBy(Organisation o, Caller caller) {
        return caller.maintains(o.id()) ? of(o) : new OrganisationView(o.id(), o.version(), o.details().publicPart(),
                o.status(), o.createdAt(), o.createdBy(), o.updatedAt(), o.updatedBy());
    }
}
