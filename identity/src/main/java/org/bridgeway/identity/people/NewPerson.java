package org.bridgeway.identity.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/people. The password is set by the administrator and given to the person;
 * length is what makes a password strong (NCSC), so only a minimum length is asked for. A field
 * with no answer is absent or null, not empty.
 */
record NewPerson(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "must be 3 to 64 lower-case letters, digits, dots, dashes or underscores")
        String username,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull Person.Role role,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be an organisation id of the directory") String organisationId,
        @Size(max = 50) @Pattern(regexp = "[a-z0-9-]+", message = "must be a referrer-role code such as social-prescriber") String professionalRole,
        @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters long") String password) {

    Person toPerson() {
        return new Person(username, name.strip(), email.strip(), role, organisationId, professionalRole, true);
    }
}
