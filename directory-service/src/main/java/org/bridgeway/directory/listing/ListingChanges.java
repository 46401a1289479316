package org.bridgeway.directory.listing;

import java.util.function.Consumer;

import org.bridgeway.directory.audit.AuditTrail;
import org.bridgeway.directory.organisation.Organisation;
import org.bridgeway.directory.organisation.Organisations;
import org.bridgeway.directory.security.Caller;
import org.bridgeway.directory.web.ConflictException;
import org.bridgeway.directory.web.IfMatch;
import org.bridgeway.directory.web.NotFoundException;
import org.bridgeway.directory.web.VersionMismatchException;
import org.springframework.stereotype.Component;

/**
 * The one way a stored listing changes on request: load it, check the caller keeps it (403 comes
 * before any complaint about the request), that it is not merged away and its organisation not
 * withdrawn, check the version they read, apply the change, and save unless someone else saved
 * first.
 */
@Component
public class ListingChanges {

    /** Whether a change needs If-Match: yes for content, no for one-click changes such as capacity. */
    public enum Precondition { REQUIRED, OPTIONAL }

    private final Listings listings;
    private final Organisations organisations;
    private final AuditTrail audit;

    ListingChanges(Listings listings, Organisations organisations, AuditTrail audit) {
        this.listings = listings;
        this.organisations = organisations;
        this.audit = audit;
    }

    /**
     * @param ifMatch the If-Match header; when optional and absent, the change applies to whatever is
     *                stored now and a concurrent save still makes it fail with 412
     */
    public Listing apply(String id, Caller caller, String ifMatch, Precondition precondition, AuditTrail.Action action,
                         Consumer<Listing> change) {
        Listing listing = listings.find(id).orElseThrow(() -> new NotFoundException("service", id));
        caller.mustMaintain(listing.organisationId());
        if (listing.mergedInto() != null) {
            throw new ConflictException("This listing was merged into " + listing.mergedInto() + "; change that one instead.");
        }
        boolean withdrawn = organisations.find(listing.organisationId()).map(Organisation::status)
                .filter(status -> status == Organisation.Status.WITHDRAWN).isPresent();
        if (withdrawn) {
            throw new ConflictException("The listing's organisation has been withdrawn from the directory.");
        }
        long read = listing.version();
        if (ifMatch != null || precondition == Precondition.REQUIRED) {
            IfMatch.check(IfMatch.version(ifMatch), read);
        }
        change.accept(listing);
        if (!listings.replace(listing, read)) {
            throw new VersionMismatchException();
        }
        audit.record(caller, id, action);
        return listing;
    }
}
