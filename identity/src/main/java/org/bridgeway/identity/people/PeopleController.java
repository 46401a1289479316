package org.bridgeway.identity.people;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The people who can sign in, for administrators: list, add, and disable or enable again. */
@RestController
class PeopleController {

    /** The body of PATCH /api/people/{username}: only whether the person may sign in changes. */
    record Change(Boolean enabled) {
    }

    private static final Logger log = LoggerFactory.getLogger(PeopleController.class);

    private final People people;

    PeopleController(People people) {
        this.people = people;
    }

    @GetMapping("/api/people")
    Map<String, List<Person>> list(@RequestParam(required = false) String organisationId) {
        return Map.of("items", people.all().stream()
                .filter(person -> organisationId == null || organisationId.equals(person.organisationId())).toList());
    }

    @GetMapping("/api/people/{username}")
    Person get(@PathVariable String username) {
        return people.find(username).orElseThrow(PersonNotFoundException::new);
    }

    @PostMapping("/api/people")
    ResponseEntity<Person> add(@Valid @RequestBody NewPerson request, @AuthenticationPrincipal Jwt admin) {
        if (request.role().actsForAnOrganisation() && request.organisationId() == null) {
            throw new InvalidPersonException("organisationId", "is required for a referrer or a provider");
        }
        if (!request.role().actsForAnOrganisation() && request.organisationId() != null) {
            throw new InvalidPersonException("organisationId", "must be empty for a manager or an administrator, who act for the whole area");
        }
        Person added = people.add(request.toPerson(), request.password());
        // Who changed whom: usernames and roles only, never an email address or a password.
        log.info("{} added {} as {}", admin.getSubject(), added.username(), added.role());
        return ResponseEntity.created(URI.create("/api/people/" + added.username())).body(added);
    }

    @PatchMapping("/api/people/{username}")
    Person change(@PathVariable String username, @RequestBody Change change, @AuthenticationPrincipal Jwt admin) {
        if (change.enabled() == null) {
            throw new InvalidPersonException("enabled", "must be true or false");
        }
        if (!change.enabled() && username.equals(admin.getSubject())) {
            throw new InvalidPersonException("enabled", "you cannot disable yourself; ask another administrator");
        }
        Person changed = people.enable(username, change.enabled()).orElseThrow(PersonNotFoundException::new);
        log.info("{} {} {}", admin.getSubject(), change.enabled() ? "enabled" : "disabled", username);
        return changed;
    }

    static class PersonNotFoundException extends RuntimeException {
        PersonNotFoundException() {
            super("No person has this username.");
        }
    }

    static class InvalidPersonException extends RuntimeException {
        private final String field;

        InvalidPersonException(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
