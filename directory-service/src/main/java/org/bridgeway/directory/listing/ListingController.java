package org.bridgeway.directory.listing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.bridgeway.directory.organisation.Organisations;
import org.bridgeway.directory.security.Caller;
import org.bridgeway.directory.taxonomy.NeedCategory;
import org.bridgeway.directory.web.InvalidFieldException;
import org.bridgeway.directory.web.NotFoundException;
import org.bridgeway.directory.web.PageView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/directory/services")
class ListingController {

    record PublishListing(
            @NotBlank String organisationId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @NotEmpty @Size(max = 20) List<@NotBlank String> categories,
            Listing.Pathway referralPathway) {
    }

    record ListingView(String id, String organisationId, String name, String description, List<String> categories,
                       Listing.Status status, Listing.Pathway referralPathway, Listing.Capacity capacity, long version,
                       Instant createdAt, Instant updatedAt) {
        static ListingView of(Listing l) {
            return new ListingView(l.id(), l.organisationId(), l.name(), l.description(), l.categories(), l.status(),
                    l.pathway(), l.capacity(), l.version(), l.createdAt(), l.updatedAt());
        }
    }

    private final Listings listings;
    private final Organisations organisations;
    private final Clock clock;

    ListingController(Listings listings, Organisations organisations, Clock clock) {
        this.listings = listings;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** An administrator may list any organisation's service; a provider only its own organisation's. */
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVIDER')")
    ResponseEntity<ListingView> publish(@Valid @RequestBody PublishListing request, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        if (!caller.isAdmin() && !request.organisationId().equals(caller.organisationId())) {
            throw new AccessDeniedException("a provider may only list its own organisation's services");
        }
        if (organisations.find(request.organisationId()).isEmpty()) {
            throw new InvalidFieldException("organisationId", "must be the id of an organisation in the directory");
        }
        for (String category : request.categories()) {
            if (NeedCategory.byCode(category).isEmpty()) {
                throw new InvalidFieldException("categories", "'" + category + "' is not a category; allowed: " + NeedCategory.allowedCodes());
            }
        }
        Listing listing = Listing.publish(UUID.randomUUID().toString(), request.organisationId(), request.name().strip(),
                request.description(), request.categories().stream().distinct().toList(),
                request.referralPathway() == null ? Listing.Pathway.REFERRAL : request.referralPathway(), clock.instant());
        listings.insert(listing);
        return ResponseEntity.created(URI.create("/api/directory/services/" + listing.id()))
                .eTag(String.valueOf(listing.version()))
                .body(ListingView.of(listing));
    }

    @GetMapping
    PageView<ListingView> search(@RequestParam(required = false) String category,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (category != null && NeedCategory.byCode(category).isEmpty()) {
            throw new InvalidFieldException("category", "'" + category + "' is not a category; allowed: " + NeedCategory.allowedCodes());
        }
        Listings.Page found = listings.page(category, page, size);
        return PageView.of(found.items().stream().map(ListingView::of).toList(), page, size, found.totalItems());
    }

    @GetMapping("/{id}")
    ResponseEntity<ListingView> get(@PathVariable String id) {
        Listing listing = listings.find(id).orElseThrow(() -> new NotFoundException("service", id));
        return ResponseEntity.ok().eTag(String.valueOf(listing.version())).body(ListingView.of(listing));
    }
}
