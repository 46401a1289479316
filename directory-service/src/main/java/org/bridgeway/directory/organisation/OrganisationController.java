package org.bridgeway.directory.organisation;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.bridgeway.directory.audit.AuditTrail;
import org.bridgeway.directory.audit.AuditTrail.Action;
import org.bridgeway.directory.security.Caller;
import org.bridgeway.directory.web.IfMatch;
import org.bridgeway.directory.web.NotFoundException;
import org.bridgeway.directory.web.VersionMismatchException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/directory/organisations")
class OrganisationController {

    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    OrganisationController(Organisations organisations, AuditTrail audit, Clock clock) {
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OrganisationView> register(@Valid @RequestBody OrganisationDetails request, @AuthenticationPrincipal Jwt jwt) {
        Organisation organisation = Organisation.register(UUID.randomUUID().toString(), request, jwt.getSubject(), clock.instant());
        organisations.insert(organisation);
        audit.record(Caller.of(jwt), organisation.id(), Action.ORGANISATION_REGISTERED);
        return ResponseEntity.created(URI.create("/api/directory/organisations/" + organisation.id()))
                .eTag(String.valueOf(organisation.version()))
                .body(OrganisationView.of(organisation));
    }

    @GetMapping
    List<OrganisationView> list(@RequestParam(required = false) @Size(max = 100) String name, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        List<Organisation> found = name == null || name.isBlank() ? organisations.all() : organisations.named(name.strip());
        return found.stream().map(o -> OrganisationView.seenBy(o, caller)).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<OrganisationView> get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        Organisation organisation = organisations.find(id).orElseThrow(() -> new NotFoundException("organisation", id));
        return ResponseEntity.ok().eTag(String.valueOf(organisation.version()))
                .body(OrganisationView.seenBy(organisation, Caller.of(jwt)));
    }

    /** The organisation's own providers keep its details true, as administrators can. */
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVIDER')")
    ResponseEntity<OrganisationView> revise(@PathVariable String id, @Valid @RequestBody OrganisationDetails request,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                            @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        Organisation organisation = organisations.find(id).orElseThrow(() -> new NotFoundException("organisation", id));
        caller.mustMaintain(organisation.id());
        // Else any colleague could name themselves administrator (and so read the webhook's secret)
        // or send the organisation's referrals somewhere else.
        if (!caller.isAdmin() && !organisation.details().administrators().contains(caller.userId())
                && !organisation.details().sameRoutingAs(request)) {
            throw new AccessDeniedException("only the organisation's administrators may change where referrals go or who administers it");
        }
        long read = IfMatch.version(ifMatch);
        IfMatch.check(read, organisation.version());
        organisation.revise(request, caller.userId(), clock.instant());
        return saved(organisation, read, caller, Action.ORGANISATION_REVISED);
    }

    /** Withdrawn organisations stay readable, so old referrals still name them; their listings leave search. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OrganisationView> withdraw(@PathVariable String id,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                              @AuthenticationPrincipal Jwt jwt) {
        Organisation organisation = organisations.find(id).orElseThrow(() -> new NotFoundException("organisation", id));
        long read = IfMatch.version(ifMatch);
        IfMatch.check(read, organisation.version());
        organisation.withdraw(jwt.getSubject(), clock.instant());
        return saved(organisation, read, Caller.of(jwt), Action.ORGANISATION_WITHDRAWN);
    }

    private ResponseEntity<OrganisationView> saved(Organisation organisation, long read, Caller caller, Action action) {
        if (!organisations.replace(organisation, read)) {
            throw new VersionMismatchException();
        }
        audit.record(caller, organisation.id(), action);
        return ResponseEntity.ok().eTag(String.valueOf(organisation.version())).body(OrganisationView.of(organisation));
    }
}
