package org.bridgeway.directory.organisation;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bridgeway.directory.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/directory/organisations")
class OrganisationController {

    record RegisterOrganisation(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 10) List<@NotBlank @Email @Size(max = 254) String> referralEmails) {
    }

    record OrganisationView(String id, String name, List<String> referralEmails, long version,
                            java.time.Instant createdAt, java.time.Instant updatedAt) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.name(), o.referralEmails(), o.version(), o.createdAt(), o.updatedAt());
        }
    }

    private final Organisations organisations;
    private final Clock clock;

    OrganisationController(Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OrganisationView> register(@Valid @RequestBody RegisterOrganisation request) {
        Organisation organisation = Organisation.register(UUID.randomUUID().toString(), request.name().strip(),
                request.referralEmails() == null ? List.of() : request.referralEmails(), clock.instant());
        organisations.insert(organisation);
        return ResponseEntity.created(URI.create("/api/directory/organisations/" + organisation.id()))
                .eTag(String.valueOf(organisation.version()))
                .body(OrganisationView.of(organisation));
    }

    @GetMapping("/{id}")
    ResponseEntity<OrganisationView> get(@PathVariable String id) {
        Organisation organisation = organisations.find(id).orElseThrow(() -> new NotFoundException("organisation", id));
        return ResponseEntity.ok().eTag(String.valueOf(organisation.version())).body(OrganisationView.of(organisation));
    }
}
