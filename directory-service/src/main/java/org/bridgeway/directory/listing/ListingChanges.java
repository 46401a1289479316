package org.bridgeway.directory.listing;

import java.util.function.Consumer;

import org.bridgeway.directory.security.Caller;
import org.bridgeway.directory.web.ConflictException;
import org.bridgeway.directory.web.IfMatch;
import org.bridgeway.directory.web.NotFoundException;
import org.bridgeway.directory.web.VersionMismatchException;
import org.springframework.stereotype.Component;

/**
 * The one way a stored listing changes on request: load it, check the caller keeps it and read
 * the version they name (when they name one), apply the change, save unless someone else saved first.
 */
@Component
public class ListingChanges {

    private final Listings listings;

    ListingChanges(Listings listings) {
        this.listings = listings;
    }

    /** @param readVersion the version from If-Match, or null where last-write-wins is harmless */
    public Listing apply(String id, Caller caller, Long readVersion, Consumer<Listing> change) {
        Listing listing = listings.find(id).orElseThrow(() -> new NotFoundException("service", id));
        caller.mustMaintain(listing.organisationId());
        if (listing.mergedInto() != null) {
            throw new ConflictException("This listing was merged into " + listing.mergedInto() + "; change that one instead.");
        }
        long read = listing.version();
        if (readVersion != null) {
            IfMatch.check(readVersion, read);
        }
        change.accept(listing);
        if (!listings.replace(listing, read)) {
            throw new VersionMismatchException();
        }
        return listing;
    }
}
