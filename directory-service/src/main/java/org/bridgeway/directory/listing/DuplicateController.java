package org.bridgeway.directory.listing;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.bridgeway.directory.audit.AuditTrail;
import org.bridgeway.directory.security.Caller;
import org.bridgeway.directory.web.ConflictException;
import org.bridgeway.directory.web.InvalidFieldException;
import org.bridgeway.directory.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Duplicate review: the likely duplicates of a listing, and merging one into the listing that survives. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class DuplicateController {

    record Merge(@NotBlank String duplicateId) {
    }

    private final Listings listings;
    private final ListingChanges changes;
    private final DuplicateCheck duplicates;
    private final Clock clock;

    DuplicateController(Listings listings, ListingChanges changes, DuplicateCheck duplicates, Clock clock) {
        this.listings = listings;
        this.changes = changes;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    @GetMapping("/api/directory/services/{id}/duplicates")
    List<DuplicateCheck.Candidate> duplicatesOf(@PathVariable String id) {
        Listing listing = listings.find(id).orElseThrow(() -> new NotFoundException("service", id));
        return duplicates.similarTo(listing.details(), id);
    }

    /**
     * The duplicate leaves search and its id redirects to the survivor, which keeps its own id and
     * content; referral-service and the Open Referral feed learn of both through their snapshots.
     */
    @PostMapping("/api/directory/services/{id}/merge")
    ResponseEntity<ListingView> merge(@PathVariable String id, @Valid @RequestBody Merge request, @AuthenticationPrincipal Jwt jwt) {
        Listing survivor = listings.find(id).orElseThrow(() -> new NotFoundException("service", id));
        if (!survivor.isSearchable()) {
            throw new ConflictException("The surviving listing must be active; this one is " + survivor.status()
                    + (survivor.mergedInto() == null ? "" : ", merged into " + survivor.mergedInto()) + ".");
        }
        if (request.duplicateId().equals(id)) {
            throw new InvalidFieldException("duplicateId", "must be another listing than the survivor");
        }
        if (listings.find(request.duplicateId()).isEmpty()) {
            throw new InvalidFieldException("duplicateId", "must be the id of a listing in the directory");
        }
        Caller caller = Caller.of(jwt);
        changes.apply(request.duplicateId(), caller, null, ListingChanges.Precondition.OPTIONAL, AuditTrail.Action.LISTING_MERGED,
                duplicate -> duplicate.mergeInto(id, caller.userId(), clock.instant()));
        return ResponseEntity.ok().eTag(String.valueOf(survivor.version())).body(ListingView.of(survivor));
    }
}
