package org.bridgeway.directory.listing;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.bridgeway.directory.audit.AuditTrail;
import org.bridgeway.directory.audit.AuditTrail.Action;
import org.bridgeway.directory.organisation.Organisation;
import org.bridgeway.directory.organisation.Organisations;
import org.bridgeway.directory.security.Caller;
import org.bridgeway.directory.listing.ListingChanges.Precondition;
import org.bridgeway.directory.web.InvalidFieldException;
import org.bridgeway.directory.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Publishing and keeping listings: ADMIN for any organisation, PROVIDER for its own. */
@RestController
class ListingController {

    /** A listing and, on publishing, the existing listings it may duplicate. */
    record ListingResponse(@JsonUnwrapped ListingView listing,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DuplicateCheck.Candidate> possibleDuplicates) {
    }

    record StatusChange(@NotNull Listing.Status status) {
    }

    private final Listings listings;
    private final ListingChanges changes;
    private final ListingRules rules;
    private final DuplicateCheck duplicates;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    ListingController(Listings listings, ListingChanges changes, ListingRules rules, DuplicateCheck duplicates,
                      Organisations organisations, AuditTrail audit, Clock clock) {
        this.listings = listings;
        this.changes = changes;
        this.rules = rules;
        this.duplicates = duplicates;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/api/directory/services")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVIDER')")
    ResponseEntity<ListingResponse> publish(@Valid @RequestBody ListingDetails request, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        caller.mustMaintain(request.organisationId());
        activeOrganisation(request.organisationId());
        rules.check(request);
        List<DuplicateCheck.Candidate> similar = duplicates.similarTo(request, null);
        Listing listing = Listing.publish(UUID.randomUUID().toString(), request, Listing.Provenance.MANUAL, null,
                caller.userId(), clock.instant());
        listings.insert(listing);
        audit.record(caller, listing.id(), Action.LISTING_PUBLISHED);
        return ResponseEntity.created(URI.create("/api/directory/services/" + listing.id()))
                .eTag(String.valueOf(listing.version()))
                .body(new ListingResponse(ListingView.of(listing), similar));
    }

    /** A listing merged into another answers with a permanent redirect to the survivor. */
    @GetMapping("/api/directory/services/{id}")
    ResponseEntity<ListingView> get(@PathVariable String id) {
        Listing listing = listings.find(id).orElseThrow(() -> new NotFoundException("service", id));
        if (listing.mergedInto() != null) {
            return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
                    .location(URI.create("/api/directory/services/" + listing.mergedInto())).build();
        }
        return ok(listing);
    }

    @PutMapping("/api/directory/services/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVIDER')")
    ResponseEntity<ListingView> revise(@PathVariable String id, @Valid @RequestBody ListingDetails request,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return ok(changes.apply(id, caller, ifMatch, Precondition.REQUIRED, Action.LISTING_REVISED, listing -> {
            if (!listing.organisationId().equals(request.organisationId())) {
                throw new InvalidFieldException("organisationId", "a listing stays with its organisation; publish a new one instead");
            }
            rules.check(request);
            listing.revise(request, caller.userId(), clock.instant());
        }));
    }

    /** The one-click change providers make most: accepting, waiting list or paused. If-Match is optional here. */
    @PutMapping("/api/directory/services/{id}/capacity")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVIDER')")
    ResponseEntity<ListingView> changeCapacity(@PathVariable String id, @Valid @RequestBody ListingDetails.Capacity request,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return ok(changes.apply(id, caller, ifMatch, Precondition.OPTIONAL, Action.LISTING_CAPACITY_CHANGED, listing -> {
            rules.checkCapacity(request, "");
            listing.changeCapacity(request, caller.userId(), clock.instant());
        }));
    }

    @PutMapping("/api/directory/services/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVIDER')")
    ResponseEntity<ListingView> changeStatus(@PathVariable String id, @Valid @RequestBody StatusChange request,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                             @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return ok(changes.apply(id, caller, ifMatch, Precondition.REQUIRED, Action.LISTING_STATUS_CHANGED,
                listing -> listing.changeStatus(request.status(), caller.userId(), clock.instant())));
    }

    /** The organisation confirms the listing is still true; this clears a review-due flag. */
    @PostMapping("/api/directory/services/{id}/verification")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVIDER')")
    ResponseEntity<ListingView> verify(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return ok(changes.apply(id, caller, null, Precondition.OPTIONAL, Action.LISTING_VERIFIED, listing -> listing.verify(caller.userId(), clock.instant())));
    }

    /** Withdrawn listings leave search but stay readable, so referrals made to them still resolve. */
    @DeleteMapping("/api/directory/services/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVIDER')")
    ResponseEntity<ListingView> withdraw(@PathVariable String id,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                         @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return ok(changes.apply(id, caller, ifMatch, Precondition.REQUIRED, Action.LISTING_WITHDRAWN,
                listing -> listing.changeStatus(Listing.Status.INACTIVE, caller.userId(), clock.instant())));
    }

    /** Every listing of an organisation, whatever its status: the provider's own list to keep. */
    @GetMapping("/api/directory/organisations/{organisationId}/services")
    List<ListingView> ofOrganisation(@PathVariable String organisationId) {
        organisations.find(organisationId).orElseThrow(() -> new NotFoundException("organisation", organisationId));
        return listings.ofOrganisation(organisationId).stream().map(ListingView::of).toList();
    }

    private void activeOrganisation(String organisationId) {
        Organisation organisation = organisations.find(organisationId).orElseThrow(() ->
                new InvalidFieldException("organisationId", "must be the id of an organisation in the directory"));
        if (organisation.status() != Organisation.Status.ACTIVE) {
            throw new InvalidFieldException("organisationId", "the organisation has been withdrawn from the directory");
        }
    }

    private static ResponseEntity<ListingView> ok(Listing listing) {
        return ResponseEntity.ok().eTag(String.valueOf(listing.version())).body(ListingView.of(listing));
    }
}
